/**
 * Offline checks of the Kubernetes manifests under {@code k8s/}: a small kustomize renderer, strict parsing
 * with fabric8's typed models, the CloudNativePG CRD schemas, and the deployment's invariants.
 */
package org.noticeline.deploy;
