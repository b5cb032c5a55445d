package org.noticeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The manifests under {@code k8s/}, rendered offline (base and both overlays), parsed strictly, validated
 * against the CloudNativePG CRDs in {@code ../shared/k8s-schemas}, and held to {@link Invariants}; then each
 * invariant is shown to fail on a manifest broken on purpose, so none of them passes vacuously.
 */
class KubernetesManifestsTest {
    static final List<String> KUSTOMIZATIONS = List.of("base", "overlays/dev", "overlays/prod");

    @TestFactory
    Stream<DynamicTest> everyRenderingKeepsEveryInvariant() {
        return KUSTOMIZATIONS.stream().map(Rendered::of).flatMap(rendered -> Invariants.CHECKS.entrySet().stream()
                .map(check -> DynamicTest.dynamicTest(rendered.name() + ": " + check.getKey(), () -> check.getValue().accept(rendered))));
    }

    /** For each invariant, a break of the prod rendering that it must catch: {check, kind, name, JSON patch}. */
    private static final List<String[]> BREAKS = List.of(
            new String[] {"parses strictly and validates against the CRDs", "Deployment", "noticeline", "[{op: add, path: /spec/replica, value: 2}]"},
            new String[] {"parses strictly and validates against the CRDs", "Deployment", "noticeline", "[{op: add, path: /spec/template/spec/containers/0/securityContext/readOnlyRootFileSystem, value: true}]"},
            new String[] {"parses strictly and validates against the CRDs", "Cluster", "noticeline-db", "[{op: add, path: /spec/backup/barmanObjectStore/s3Credential, value: {}}]"},
            new String[] {"parses strictly and validates against the CRDs", "ConfigMap", "noticeline-config", "[{op: replace, path: /data/QUARKUS_MAILER_PORT, value: 587}]"},
            new String[] {"parses strictly and validates against the CRDs", "Cluster", "noticeline-db", "[{op: add, path: /spec/instancess, value: 3}]"},
            new String[] {"parses strictly and validates against the CRDs", "Cluster", "noticeline-db", "[{op: replace, path: /spec/instances, value: three}]"},
            new String[] {"parses strictly and validates against the CRDs", "ScheduledBackup", "noticeline-db-daily", "[{op: replace, path: /spec/method, value: tape}]"},
            new String[] {"at least two replicas", "Deployment", "noticeline", "[{op: replace, path: /spec/replicas, value: 1}]"},
            new String[] {"at least two replicas", "HorizontalPodAutoscaler", "noticeline", "[{op: replace, path: /spec/minReplicas, value: 1}]"},
            new String[] {"probes on /q/health", "Deployment", "noticeline", "[{op: replace, path: /spec/template/spec/containers/0/readinessProbe/httpGet/path, value: /q/health/live}]"},
            new String[] {"probes on /q/health", "Deployment", "noticeline", "[{op: remove, path: /spec/template/spec/containers/0/startupProbe}]"},
            new String[] {"requests and limits", "Deployment", "noticeline", "[{op: remove, path: /spec/template/spec/containers/0/resources/limits/cpu}]"},
            new String[] {"security context", "Deployment", "noticeline", "[{op: replace, path: /spec/template/spec/containers/0/securityContext/readOnlyRootFilesystem, value: false}]"},
            new String[] {"security context", "Deployment", "noticeline", "[{op: replace, path: /spec/template/spec/securityContext/runAsUser, value: 0}]"},
            new String[] {"security context", "Deployment", "noticeline", "[{op: add, path: /spec/template/spec/containers/0/securityContext/capabilities/add, value: [NET_ADMIN]}]"},
            new String[] {"data directory and /tmp on emptyDir", "Deployment", "noticeline", "[{op: replace, path: /spec/template/spec/volumes/0, value: {name: data, persistentVolumeClaim: {claimName: data}}}]"},
            new String[] {"JVM memory fits the limit", "Deployment", "noticeline", "[{op: replace, path: /spec/template/spec/containers/0/resources/limits/memory, value: 384Mi}]"},
            new String[] {"JVM memory fits the limit", "Deployment", "noticeline", "[{op: replace, path: /spec/template/spec/containers/0/env/0/value, value: -XX:+UseSerialGC -Xmx192m}]"},
            new String[] {"image of the PostgreSQL flavour", "Deployment", "noticeline", "[{op: replace, path: /spec/template/spec/containers/0/image, value: registry.example.org/noticeline/noticeline:0.1.0}]"},
            new String[] {"image of the PostgreSQL flavour", "Deployment", "noticeline", "[{op: replace, path: /spec/template/spec/containers/0/image, value: registry.example.org/noticeline/noticeline-postgresql:latest}]"},
            new String[] {"Service, PDB and NetworkPolicy select the pods", "PodDisruptionBudget", "noticeline", "[{op: replace, path: /spec/selector/matchLabels, value: {app: noticeline}}]"},
            new String[] {"Ingress to the Service to the container", "ConfigMap", "noticeline-config", "[{op: replace, path: /data/NOTICELINE_PUBLIC_BASE_URL, value: 'https://example.com'}]"},
            new String[] {"NetworkPolicy ingress only from the ingress controller", "NetworkPolicy", "noticeline", "[{op: remove, path: /spec/ingress/0/from/0/podSelector}]"},
            new String[] {"NetworkPolicy ingress only from the ingress controller", "NetworkPolicy", "noticeline", "[{op: add, path: /spec/ingress/-, value: {ports: [{port: 8080}]}}]"},
            new String[] {"NetworkPolicy egress to DNS, PostgreSQL, SMTP and public HTTPS only", "NetworkPolicy", "noticeline", "[{op: remove, path: /spec/egress/3/to/0/ipBlock/except/1}]"},
            new String[] {"NetworkPolicy egress to DNS, PostgreSQL, SMTP and public HTTPS only", "NetworkPolicy", "noticeline", "[{op: add, path: /spec/egress/-, value: {to: [{ipBlock: {cidr: 0.0.0.0/0}}], ports: [{port: 80}]}}]"},
            new String[] {"NetworkPolicy egress to DNS, PostgreSQL, SMTP and public HTTPS only", "NetworkPolicy", "noticeline", "[{op: remove, path: /spec/egress/0}]"},
            new String[] {"NetworkPolicy egress to DNS, PostgreSQL, SMTP and public HTTPS only", "NetworkPolicy", "noticeline", "[{op: replace, path: /spec/egress/1/to/0/podSelector/matchLabels, value: {cnpg.io/cluster: other-db}}]"},
            new String[] {"database on the CloudNativePG -rw Service with its secret", "ConfigMap", "noticeline-config", "[{op: replace, path: /data/QUARKUS_DATASOURCE_JDBC_URL, value: 'jdbc:postgresql://noticeline-db-ro:5432/noticeline'}]"},
            new String[] {"CloudNativePG cluster of 3 with scheduled backups", "Cluster", "noticeline-db", "[{op: replace, path: /spec/instances, value: 1}]"},
            new String[] {"CloudNativePG cluster of 3 with scheduled backups", "ScheduledBackup", "noticeline-db-daily", "[{op: replace, path: /spec/cluster/name, value: other-db}]"},
            new String[] {"every Secret and ConfigMap referenced exists or is documented", "Deployment", "noticeline", "[{op: replace, path: /spec/template/spec/containers/0/env/5/valueFrom/secretKeyRef/name, value: noticeline-undocumented}]"},
            new String[] {"every Secret and ConfigMap referenced exists or is documented", "Deployment", "noticeline", "[{op: replace, path: /spec/template/spec/containers/0/envFrom/0/configMapRef/name, value: missing-config}]"});

    @TestFactory
    Stream<DynamicTest> eachCheckFails() {
        Rendered prod = Rendered.of("overlays/prod");
        return BREAKS.stream().map(b -> DynamicTest.dynamicTest(b[0] + " fails on " + b[1] + " " + b[3], () -> {
            Rendered broken = prod.broken(b[1], b[2], b[3]);
            assertThat(Invariants.CHECKS).containsKey(b[0]);
            assertThatThrownBy(() -> Invariants.CHECKS.get(b[0]).accept(broken)).isInstanceOf(AssertionError.class);
        }));
    }

    @Test
    void everyCheckHasABreak() {
        assertThat(BREAKS.stream().map(b -> b[0]).distinct()).containsExactlyInAnyOrderElementsOf(Invariants.CHECKS.keySet());
    }

    /**
     * Where kubectl is installed (not in CI), the test's renderer must agree with kustomize's, object for
     * object, so that what the invariants see is what a cluster would get.
     */
    @Test
    void rendererAgreesWithKubectlKustomize() throws Exception {
        assumeTrue(Stream.of(System.getenv("PATH").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, "kubectl"))), "kubectl is not installed");
        for (String kustomization : KUSTOMIZATIONS) {
            Path out = Files.createTempFile("kustomize", ".yaml");
            try {
                Process process = new ProcessBuilder("kubectl", "kustomize", Path.of("k8s", kustomization).toString())
                        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).as("kubectl kustomize %s: %s", kustomization, Files.readString(out)).isZero();
                assertThat(byKindAndName(Kustomize.read(out))).as(kustomization).isEqualTo(byKindAndName(Rendered.of(kustomization).objects()));
            } finally {
                Files.deleteIfExists(out);
            }
        }
    }

    private static Map<String, JsonNode> byKindAndName(List<ObjectNode> objects) {
        Map<String, JsonNode> byKey = new TreeMap<>();
        objects.forEach(o -> byKey.put(o.path("kind").asText() + "/" + o.path("metadata").path("name").asText(), o));
        return byKey;
    }

    /**
     * The README's run command and the image's AOT training run use the JVM options the Deployment does: one choice,
     * measured once (the AOT cache keeps the GC it was written with).
     */
    @Test
    void theReadmeAndTheImagesTrainingRunUseTheDeploymentsJvmOptions() throws IOException {
        java.util.regex.Matcher readme = java.util.regex.Pattern.compile("JDK_JAVA_OPTIONS='([^']+)'").matcher(Files.readString(Path.of("README.md")));
        assertThat(readme.find()).as("README's run command sets JDK_JAVA_OPTIONS").isTrue();
        List<String> lines = Files.readAllLines(Path.of("k8s/base/deployment.yaml"));
        int at = lines.indexOf(lines.stream().filter(l -> l.trim().equals("- name: JDK_JAVA_OPTIONS")).findFirst().orElseThrow());
        assertThat(lines.get(at + 1).trim()).isEqualTo("value: >-");
        StringBuilder options = new StringBuilder();
        for (int i = at + 2; i < lines.size() && !lines.get(i).trim().startsWith("#") && !lines.get(i).trim().startsWith("- "); i++) {
            options.append(' ').append(lines.get(i).trim());
        }
        assertThat(readme.group(1)).isEqualTo(options.toString().trim());
        java.util.regex.Matcher image = java.util.regex.Pattern.compile("ENV JDK_JAVA_OPTIONS=\"([^\"]+)\"")
                .matcher(Files.readString(Path.of("src/main/docker/Dockerfile.jvm")));
        assertThat(image.find()).as("the image's training run sets JDK_JAVA_OPTIONS").isTrue();
        assertThat(image.group(1)).isEqualTo(options.toString().trim());
    }

    @Test
    void rendererRefusesWhatItDoesNotImplement() throws IOException {
        Path dir = Files.createTempDirectory("kustomization");
        try {
            Files.writeString(dir.resolve("kustomization.yaml"), "resources: []\ncommonLabels: {team: x}\n");
            assertThatThrownBy(() -> Kustomize.render(dir)).hasMessageContaining("commonLabels");
            Files.writeString(dir.resolve("kustomization.yaml"), "resources: []\npatches: [{target: {kind: Deployment, name: x}, patch: 'spec: {}'}]\n");
            assertThatThrownBy(() -> Kustomize.render(dir)).hasMessageContaining("JSON 6902");
        } finally {
            Files.delete(dir.resolve("kustomization.yaml"));
            Files.delete(dir);
        }
    }
}
