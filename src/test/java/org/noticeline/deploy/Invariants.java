package org.noticeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What every rendering of {@code k8s/} must keep, by name, so that a test can show each check failing on a
 * manifest broken on purpose ({@code KubernetesManifestsTest.eachCheckFails}).
 */
final class Invariants {
    static final Map<String, Consumer<Rendered>> CHECKS = new LinkedHashMap<>();

    static {
        CHECKS.put("parses strictly and validates against the CRDs", Invariants::validates);
        CHECKS.put("at least two replicas", Invariants::replicas);
        CHECKS.put("probes on /q/health", Invariants::probes);
        CHECKS.put("requests and limits", Invariants::resources);
        CHECKS.put("security context", Invariants::securityContext);
        CHECKS.put("data directory and /tmp on emptyDir", Invariants::emptyDirs);
        CHECKS.put("JVM memory fits the limit", Invariants::jvmMemory);
        CHECKS.put("image of the PostgreSQL flavour", Invariants::image);
        CHECKS.put("Service, PDB and NetworkPolicy select the pods", Invariants::selectors);
        CHECKS.put("Ingress to the Service to the container", Invariants::routing);
        CHECKS.put("NetworkPolicy ingress only from the ingress controller", Invariants::networkIngress);
        CHECKS.put("NetworkPolicy egress to DNS, PostgreSQL, SMTP and public HTTPS only", Invariants::networkEgress);
        CHECKS.put("database on the CloudNativePG -rw Service with its secret", Invariants::database);
        CHECKS.put("CloudNativePG cluster of 3 with scheduled backups", Invariants::postgres);
        CHECKS.put("every Secret and ConfigMap referenced exists or is documented", Invariants::references);
    }

    static final String APP_CONTAINER = "noticeline";
    static final String IMAGE = "noticeline-postgresql";
    private static final Set<String> SMTP_PORTS = Set.of("TCP/25", "TCP/465", "TCP/587");
    private static final Set<String> PRIVATE_IPV4 = Set.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");
    private static final Set<String> PRIVATE_IPV6 = Set.of("fc00::/7");
    /** Thread stacks, GC structures, class data sharing and malloc arenas, beyond the maxima the options set. */
    private static final long JVM_NATIVE_ALLOWANCE = 64L << 20;
    /** What the operator of CloudNativePG creates for a Cluster named N: N-app and N-ca, with these keys. */
    private static final Map<String, Set<String>> OPERATOR_SECRETS = Map.of(
            "-app", Set.of("username", "password", "uri", "jdbc-uri", "host", "port", "dbname", "user", "pgpass"),
            "-ca", Set.of("ca.crt", "ca.key"));

    private Invariants() {
    }

    private static CrdSchemas schemas;

    private static synchronized CrdSchemas schemas() {
        if (schemas == null) {
            schemas = CrdSchemas.load(Path.of(System.getProperty("noticeline.k8s-schemas",
                    java.util.Objects.requireNonNullElse(System.getenv("NOTICELINE_K8S_SCHEMAS"), "../shared/k8s-schemas"))));
        }
        return schemas;
    }

    static void validates(Rendered r) {
        for (ObjectNode object : r.objects()) {
            if (StrictModels.isCore(object)) {
                StrictModels.parse(object);
            } else if (schemas().knows(object)) {
                StrictModels.metadata(object);
                assertThat(schemas().validate(object)).as("%s: %s %s against its CRD", r.name(), StrictModels.typeOf(object), name(object)).isEmpty();
            } else {
                throw new AssertionError(r.name() + ": " + StrictModels.typeOf(object) + " has neither a typed model nor a CRD schema");
            }
        }
    }

    static void replicas(Rendered r) {
        Deployment deployment = r.one(Deployment.class);
        assertThat(deployment.getSpec().getReplicas()).as("%s: Deployment replicas", r.name()).isGreaterThanOrEqualTo(2);
        HorizontalPodAutoscaler hpa = r.one(HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getMinReplicas()).as("%s: HPA minReplicas", r.name()).isGreaterThanOrEqualTo(2);
        assertThat(hpa.getSpec().getMaxReplicas()).as("%s: HPA maxReplicas", r.name()).isGreaterThanOrEqualTo(hpa.getSpec().getMinReplicas());
        var target = hpa.getSpec().getScaleTargetRef();
        assertThat(List.of(target.getApiVersion(), target.getKind(), target.getName()))
                .as("%s: HPA scales the Deployment", r.name()).containsExactly("apps/v1", "Deployment", name(deployment));
    }

    static void probes(Rendered r) {
        Container container = app(r);
        assertProbe(r, container, "startupProbe", container.getStartupProbe(), "/q/health/started");
        assertProbe(r, container, "readinessProbe", container.getReadinessProbe(), "/q/health/ready");
        assertProbe(r, container, "livenessProbe", container.getLivenessProbe(), "/q/health/live");
    }

    private static void assertProbe(Rendered r, Container container, String which, Probe probe, String path) {
        assertThat(probe).as("%s: %s", r.name(), which).isNotNull();
        assertThat(probe.getHttpGet()).as("%s: %s is an HTTP GET", r.name(), which).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as("%s: %s path", r.name(), which).isEqualTo(path);
        assertThat(declaresPort(container, probe.getHttpGet().getPort())).as("%s: %s port %s is the container's", r.name(), which, probe.getHttpGet().getPort()).isTrue();
    }

    static void resources(Rendered r) {
        for (Container container : pod(r).getContainers()) {
            var resources = container.getResources();
            assertThat(resources).as("%s: resources of %s", r.name(), container.getName()).isNotNull();
            for (var amounts : List.of(Optional.ofNullable(resources.getRequests()), Optional.ofNullable(resources.getLimits()))) {
                assertThat(amounts.orElse(Map.of())).as("%s: requests and limits of %s", r.name(), container.getName()).containsKeys("cpu", "memory");
            }
        }
    }

    static void securityContext(Rendered r) {
        PodSpec pod = pod(r);
        var podContext = pod.getSecurityContext();
        assertThat(podContext).as("%s: pod securityContext", r.name()).isNotNull();
        assertThat(podContext.getRunAsNonRoot()).as("%s: runAsNonRoot", r.name()).isTrue();
        assertThat(podContext.getRunAsUser()).as("%s: runAsUser", r.name()).isNotNull().isNotZero();
        for (Container container : pod.getContainers()) {
            var context = container.getSecurityContext();
            assertThat(context).as("%s: securityContext of %s", r.name(), container.getName()).isNotNull();
            assertThat(context.getRunAsUser() == null || context.getRunAsUser() != 0).as("%s: %s runs as root", r.name(), container.getName()).isTrue();
            assertThat(context.getPrivileged()).as("%s: %s privileged", r.name(), container.getName()).isNotEqualTo(true);
            assertThat(context.getReadOnlyRootFilesystem()).as("%s: %s readOnlyRootFilesystem", r.name(), container.getName()).isTrue();
            assertThat(context.getAllowPrivilegeEscalation()).as("%s: %s allowPrivilegeEscalation", r.name(), container.getName()).isFalse();
            assertThat(context.getCapabilities()).as("%s: %s capabilities", r.name(), container.getName()).isNotNull();
            assertThat(context.getCapabilities().getDrop()).as("%s: %s drops", r.name(), container.getName()).contains("ALL");
            assertThat(Optional.ofNullable(context.getCapabilities().getAdd()).orElse(List.of())).as("%s: %s adds", r.name(), container.getName()).isEmpty();
        }
    }

    static void emptyDirs(Rendered r) {
        String dataDir = env(r, "NOTICELINE_DATA_DIR");
        assertThat(dataDir).as("%s: NOTICELINE_DATA_DIR", r.name()).isNotNull();
        for (String path : List.of(dataDir, "/tmp")) {
            String volume = app(r).getVolumeMounts().stream().filter(m -> m.getMountPath().equals(path)).map(m -> m.getName())
                    .findFirst().orElseThrow(() -> new AssertionError(r.name() + ": nothing is mounted at " + path));
            assertThat(volume(r, volume).getEmptyDir()).as("%s: volume %s at %s is an emptyDir", r.name(), volume, path).isNotNull();
        }
    }

    static void jvmMemory(Rendered r) {
        String options = env(r, "JDK_JAVA_OPTIONS");
        assertThat(options).as("%s: JDK_JAVA_OPTIONS", r.name()).isNotNull();
        long heap = size(r, options, "-Xmx(\\S+)");
        long metaspace = size(r, options, "-XX:MaxMetaspaceSize=(\\S+)");
        long codeCache = size(r, options, "-XX:ReservedCodeCacheSize=(\\S+)");
        long direct = size(r, options, "-XX:MaxDirectMemorySize=(\\S+)");
        size(r, options, "-Xss(\\S+)");
        assertThat(Pattern.compile("-XX:\\+Use\\w+GC").matcher(options).results().count()).as("%s: one collector chosen in %s", r.name(), options).isEqualTo(1);
        var resources = app(r).getResources();
        long limit = bytes(resources.getLimits().get("memory"));
        assertThat(bytes(resources.getRequests().get("memory"))).as("%s: memory request equals the limit", r.name()).isEqualTo(limit);
        assertThat(heap + metaspace + codeCache + direct + JVM_NATIVE_ALLOWANCE)
                .as("%s: heap, metaspace, code cache, direct memory and %d MiB native fit the memory limit of %d MiB", r.name(), JVM_NATIVE_ALLOWANCE >> 20, limit >> 20)
                .isLessThanOrEqualTo(limit);
    }

    static void image(Rendered r) {
        String image = app(r).getImage();
        String repository = Kustomize.imageName(image);
        assertThat(repository.substring(repository.lastIndexOf('/') + 1)).as("%s: image %s", r.name(), image).isEqualTo(IMAGE);
        if (!r.name().equals("base")) {
            assertThat(repository).as("%s: image %s names its registry", r.name(), image).contains("/");
            assertThat(image.substring(repository.length())).as("%s: image %s is pinned", r.name(), image).matches("(:[\\w.-]+|@sha256:[0-9a-f]{64})").isNotEqualTo(":latest");
        }
        if (r.name().contains("prod")) {
            assertThat(image).as("%s: image %s is a release", r.name(), image).matches(".*(:\\d+\\.\\d+\\.\\d+|@sha256:[0-9a-f]{64})");
        }
    }

    static void selectors(Rendered r) {
        Deployment deployment = r.one(Deployment.class);
        Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertSelects(r, "the Deployment's selector", deployment.getSpec().getSelector(), labels);
        assertSelects(r, "the PodDisruptionBudget", r.one(PodDisruptionBudget.class).getSpec().getSelector(), labels);
        assertSelects(r, "the NetworkPolicy", r.one(NetworkPolicy.class).getSpec().getPodSelector(), labels);
        Map<String, String> serviceSelector = r.one(Service.class).getSpec().getSelector();
        assertThat(serviceSelector).as("%s: the Service selects the pods", r.name()).isNotEmpty();
        assertThat(labels).as("%s: the Service selects the pods", r.name()).containsAllEntriesOf(serviceSelector);
        IntOrString minAvailable = r.one(PodDisruptionBudget.class).getSpec().getMinAvailable();
        if (minAvailable != null && minAvailable.getIntVal() != null) {
            assertThat(minAvailable.getIntVal()).as("%s: the PDB lets a node drain", r.name()).isLessThan(r.one(HorizontalPodAutoscaler.class).getSpec().getMinReplicas());
        }
    }

    private static void assertSelects(Rendered r, String what, LabelSelector selector, Map<String, String> labels) {
        assertThat(selector).as("%s: %s", r.name(), what).isNotNull();
        assertThat(selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty()).as("%s: %s uses matchLabels only", r.name(), what).isTrue();
        assertThat(selector.getMatchLabels()).as("%s: %s selects the pods", r.name(), what).isNotEmpty();
        assertThat(labels).as("%s: %s selects the pods", r.name(), what).containsAllEntriesOf(selector.getMatchLabels());
    }

    static void routing(Rendered r) {
        Ingress ingress = r.one(Ingress.class);
        Service service = r.one(Service.class);
        List<String> hosts = new ArrayList<>();
        for (var rule : ingress.getSpec().getRules()) {
            hosts.add(rule.getHost());
            for (var path : rule.getHttp().getPaths()) {
                var backend = path.getBackend().getService();
                assertThat(backend.getName()).as("%s: Ingress backend", r.name()).isEqualTo(name(service));
                assertThat(service.getSpec().getPorts()).as("%s: Service port %s", r.name(), backend.getPort())
                        .anyMatch(p -> Objects.equals(p.getName(), backend.getPort().getName()) || Objects.equals(p.getPort(), backend.getPort().getNumber()));
            }
        }
        assertThat(ingress.getSpec().getTls()).as("%s: Ingress TLS", r.name()).isNotEmpty();
        assertThat(ingress.getSpec().getTls().stream().flatMap(t -> t.getHosts().stream()).toList()).as("%s: TLS hosts", r.name()).containsExactlyInAnyOrderElementsOf(hosts);
        assertThat(env(r, "NOTICELINE_PUBLIC_BASE_URL")).as("%s: the public base URL is the Ingress host", r.name()).isEqualTo("https://" + hosts.get(0));
        for (var port : service.getSpec().getPorts()) {
            assertThat(declaresPort(app(r), port.getTargetPort())).as("%s: Service targetPort %s", r.name(), port.getTargetPort()).isTrue();
        }
    }

    static void networkIngress(Rendered r) {
        NetworkPolicy policy = r.one(NetworkPolicy.class);
        assertThat(policy.getSpec().getPolicyTypes()).as("%s: NetworkPolicy types", r.name()).contains("Ingress", "Egress");
        assertThat(policy.getSpec().getIngress()).as("%s: NetworkPolicy ingress rules", r.name()).isNotEmpty();
        for (var rule : policy.getSpec().getIngress()) {
            // An empty or missing 'from' lets everyone in.
            assertThat(rule.getFrom()).as("%s: every ingress rule names its peers", r.name()).isNotEmpty();
            for (NetworkPolicyPeer peer : rule.getFrom()) {
                assertThat(peer.getIpBlock()).as("%s: ingress by address", r.name()).isNull();
                assertThat(labels(peer.getNamespaceSelector())).as("%s: ingress from the controller's namespace", r.name())
                        .isEqualTo(Map.of("kubernetes.io/metadata.name", "ingress-nginx"));
                assertThat(labels(peer.getPodSelector())).as("%s: ingress from the controller's pods", r.name()).isNotEmpty();
            }
            assertThat(rule.getPorts()).as("%s: ingress ports", r.name()).isNotEmpty()
                    .allMatch(p -> declaresPort(app(r), p.getPort()) && !"UDP".equals(p.getProtocol()));
        }
    }

    static void networkEgress(Rendered r) {
        NetworkPolicy policy = r.one(NetworkPolicy.class);
        String cluster = name(r.customOne("Cluster"));
        Set<String> reached = new TreeSet<>();
        for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
            // Without ports or peers a rule allows every port or every destination.
            assertThat(rule.getPorts()).as("%s: every egress rule names its ports", r.name()).isNotEmpty();
            assertThat(rule.getTo()).as("%s: every egress rule names its peers", r.name()).isNotEmpty();
            Set<String> ports = rule.getPorts().stream().map(Invariants::port).collect(Collectors.toSet());
            String kind = egressKind(rule, cluster);
            switch (kind) {
                case "dns" -> assertThat(Set.of("UDP/53", "TCP/53")).as("%s: DNS ports", r.name()).containsAll(ports);
                case "postgresql" -> assertThat(ports).as("%s: PostgreSQL ports", r.name()).containsExactly("TCP/5432");
                case "addresses" -> {
                    if (!SMTP_PORTS.containsAll(ports)) {
                        assertThat(ports).as("%s: egress by address is SMTP or HTTPS", r.name()).containsExactly("TCP/443");
                        for (NetworkPolicyPeer peer : rule.getTo()) {
                            String cidr = peer.getIpBlock().getCidr();
                            assertThat(cidr).as("%s: HTTPS egress to everything but private ranges", r.name()).isIn("0.0.0.0/0", "::/0");
                            assertThat(peer.getIpBlock().getExcept()).as("%s: private ranges excepted from %s", r.name(), cidr)
                                    .containsAll(cidr.contains(":") ? PRIVATE_IPV6 : PRIVATE_IPV4);
                        }
                    }
                }
                default -> throw new AssertionError(r.name() + ": an egress rule to neither DNS, PostgreSQL, SMTP nor public HTTPS: " + rule);
            }
            for (String port : ports) {
                rule.getTo().forEach(peer -> reached.add(port + " to " + (peer.getIpBlock() == null ? kind : peer.getIpBlock().getCidr())));
            }
        }
        assertThat(reached).as("%s: egress allowed", r.name()).contains("UDP/53 to dns", "TCP/53 to dns", "TCP/5432 to postgresql",
                "TCP/587 to 0.0.0.0/0", "TCP/465 to 0.0.0.0/0", "TCP/25 to 0.0.0.0/0", "TCP/443 to 0.0.0.0/0");
    }

    private static String egressKind(NetworkPolicyEgressRule rule, String cluster) {
        if (rule.getTo().stream().allMatch(p -> p.getIpBlock() != null)) {
            return "addresses";
        }
        if (rule.getTo().stream().allMatch(p -> labels(p.getNamespaceSelector()).equals(Map.of("kubernetes.io/metadata.name", "kube-system"))
                && labels(p.getPodSelector()).equals(Map.of("k8s-app", "kube-dns")))) {
            return "dns";
        }
        if (rule.getTo().stream().allMatch(p -> p.getNamespaceSelector() == null && p.getIpBlock() == null
                && labels(p.getPodSelector()).equals(Map.of("cnpg.io/cluster", cluster)))) {
            return "postgresql";
        }
        return "other";
    }

    static void database(Rendered r) {
        ObjectNode cluster = r.customOne("Cluster");
        String url = env(r, "QUARKUS_DATASOURCE_JDBC_URL");
        assertThat(url).as("%s: QUARKUS_DATASOURCE_JDBC_URL", r.name()).isNotNull().startsWith("jdbc:postgresql://");
        URI uri = URI.create(url.substring("jdbc:".length()));
        assertThat(uri.getHost()).as("%s: the service connects to the primary", r.name()).isEqualTo(name(cluster) + "-rw");
        assertThat(uri.getPath()).as("%s: database", r.name()).isEqualTo("/" + cluster.path("spec").path("bootstrap").path("initdb").path("database").asText());
        for (String[] credential : new String[][] {{"QUARKUS_DATASOURCE_USERNAME", "username"}, {"QUARKUS_DATASOURCE_PASSWORD", "password"}}) {
            var ref = app(r).getEnv().stream().filter(e -> e.getName().equals(credential[0])).findFirst()
                    .map(EnvVar::getValueFrom).map(v -> v.getSecretKeyRef()).orElse(null);
            assertThat(ref).as("%s: %s from a secret", r.name(), credential[0]).isNotNull();
            assertThat(List.of(ref.getName(), ref.getKey())).as("%s: %s", r.name(), credential[0]).containsExactly(name(cluster) + "-app", credential[1]);
        }
    }

    static void postgres(Rendered r) {
        ObjectNode cluster = r.customOne("Cluster");
        assertThat(cluster.path("spec").path("instances").asInt()).as("%s: PostgreSQL instances", r.name()).isEqualTo(3);
        JsonNode store = cluster.path("spec").path("backup").path("barmanObjectStore");
        assertThat(store.path("destinationPath").asText()).as("%s: backups to object storage", r.name()).isNotEmpty();
        assertThat(secretKeyRefs(store)).as("%s: the object store's credentials are a secret", r.name()).isNotEmpty();
        ObjectNode backup = r.customOne("ScheduledBackup");
        assertThat(backup.path("spec").path("cluster").path("name").asText()).as("%s: ScheduledBackup's cluster", r.name()).isEqualTo(name(cluster));
        assertThat(backup.path("spec").path("method").asText("barmanObjectStore")).as("%s: backup method", r.name()).isEqualTo("barmanObjectStore");
        assertThat(backup.path("spec").path("schedule").asText()).as("%s: backup schedule", r.name()).isNotEmpty();
    }

    static void references(Rendered r) {
        PodSpec pod = pod(r);
        List<String[]> configMaps = new ArrayList<>();
        List<String[]> secrets = new ArrayList<>();
        for (Container container : pod.getContainers()) {
            for (var from : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
                if (from.getConfigMapRef() != null) {
                    configMaps.add(new String[] {from.getConfigMapRef().getName(), null});
                }
                if (from.getSecretRef() != null) {
                    secrets.add(new String[] {from.getSecretRef().getName(), null});
                }
            }
            for (EnvVar env : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
                if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                    configMaps.add(new String[] {env.getValueFrom().getConfigMapKeyRef().getName(), env.getValueFrom().getConfigMapKeyRef().getKey()});
                }
                if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                    secrets.add(new String[] {env.getValueFrom().getSecretKeyRef().getName(), env.getValueFrom().getSecretKeyRef().getKey()});
                }
            }
        }
        for (Volume volume : pod.getVolumes()) {
            if (volume.getSecret() != null) {
                keys(volume.getSecret().getItems()).forEach(key -> secrets.add(new String[] {volume.getSecret().getSecretName(), key}));
            }
            if (volume.getConfigMap() != null) {
                keys(volume.getConfigMap().getItems()).forEach(key -> configMaps.add(new String[] {volume.getConfigMap().getName(), key}));
            }
        }
        r.one(Ingress.class).getSpec().getTls().forEach(tls -> secrets.add(new String[] {tls.getSecretName(), null}));
        r.custom("Cluster").forEach(cluster -> secrets.addAll(secretKeyRefs(cluster.path("spec"))));

        Map<String, Map<String, String>> ourConfigMaps = r.all(ConfigMap.class).stream().collect(Collectors.toMap(Invariants::name, c -> c.getData()));
        for (String[] ref : configMaps) {
            assertThat(ourConfigMaps).as("%s: ConfigMap %s", r.name(), ref[0]).containsKey(ref[0]);
            if (ref[1] != null) {
                assertThat(ourConfigMaps.get(ref[0])).as("%s: ConfigMap %s key %s", r.name(), ref[0], ref[1]).containsKey(ref[1]);
            }
        }
        Set<String> ourSecrets = r.all(Secret.class).stream().map(Invariants::name).collect(Collectors.toSet());
        String documented = deployingSection();
        for (String[] ref : secrets) {
            if (ourSecrets.contains(ref[0]) || madeByTheOperator(r, ref)) {
                continue;
            }
            assertThat(documented).as("%s: Secret %s, provided from outside, is documented in the README's 'Deploying on Kubernetes'", r.name(), ref[0]).contains("`" + ref[0] + "`");
            if (ref[1] != null) {
                assertThat(documented).as("%s: key %s of Secret %s is documented in the README's 'Deploying on Kubernetes'", r.name(), ref[1], ref[0]).contains("`" + ref[1] + "`");
            }
        }
    }

    private static boolean madeByTheOperator(Rendered r, String[] ref) {
        return r.custom("Cluster").stream().anyMatch(cluster -> OPERATOR_SECRETS.entrySet().stream()
                .anyMatch(made -> ref[0].equals(name(cluster) + made.getKey()) && (ref[1] == null || made.getValue().contains(ref[1]))));
    }

    private static List<String> keys(List<io.fabric8.kubernetes.api.model.KeyToPath> items) {
        return items == null || items.isEmpty() ? java.util.Collections.singletonList(null) : items.stream().map(i -> i.getKey()).toList();
    }

    /** Secret key selectors ({name, key}) anywhere in a custom resource, e.g. barmanObjectStore.s3Credentials. */
    private static List<String[]> secretKeyRefs(JsonNode node) {
        List<String[]> refs = new ArrayList<>();
        if (node.isObject() && node.size() == 2 && node.path("name").isTextual() && node.path("key").isTextual()) {
            refs.add(new String[] {node.get("name").asText(), node.get("key").asText()});
        }
        node.forEach(child -> refs.addAll(secretKeyRefs(child)));
        return refs;
    }

    private static String deployingSection() {
        try {
            String readme = Files.readString(Path.of("README.md"));
            Matcher section = Pattern.compile("(?ms)^## Deploying on Kubernetes$(.*?)(?=^## |\\z)").matcher(readme);
            if (!section.find()) {
                throw new AssertionError("README.md has no section '## Deploying on Kubernetes'");
            }
            return section.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PodSpec pod(Rendered r) {
        return r.one(Deployment.class).getSpec().getTemplate().getSpec();
    }

    private static Container app(Rendered r) {
        return pod(r).getContainers().stream().filter(c -> c.getName().equals(APP_CONTAINER)).findFirst()
                .orElseThrow(() -> new AssertionError(r.name() + ": no container named " + APP_CONTAINER));
    }

    private static Volume volume(Rendered r, String name) {
        return pod(r).getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(r.name() + ": no volume " + name));
    }

    /** An environment variable of the app container: its own value, else from a ConfigMap it takes whole. */
    private static String env(Rendered r, String name) {
        Container container = app(r);
        Optional<EnvVar> own = Optional.ofNullable(container.getEnv()).orElse(List.of()).stream().filter(e -> e.getName().equals(name)).findFirst();
        if (own.isPresent()) {
            return own.get().getValue();
        }
        Map<String, ConfigMap> configMaps = r.all(ConfigMap.class).stream().collect(Collectors.toMap(Invariants::name, c -> c));
        return Optional.ofNullable(container.getEnvFrom()).orElse(List.of()).stream()
                .filter(from -> from.getConfigMapRef() != null && configMaps.containsKey(from.getConfigMapRef().getName()))
                .map(from -> configMaps.get(from.getConfigMapRef().getName()).getData().get(name))
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static boolean declaresPort(Container container, IntOrString port) {
        return port != null && container.getPorts().stream().map(ContainerPort.class::cast)
                .anyMatch(p -> Objects.equals(p.getName(), port.getStrVal()) || Objects.equals(p.getContainerPort(), port.getIntVal()));
    }

    private static String port(NetworkPolicyPort port) {
        return Optional.ofNullable(port.getProtocol()).orElse("TCP") + "/"
                + (port.getPort() == null ? "*" : Optional.ofNullable(port.getPort().getStrVal()).orElse(String.valueOf(port.getPort().getIntVal())));
    }

    private static Map<String, String> labels(LabelSelector selector) {
        return selector == null || selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
    }

    private static long size(Rendered r, String options, String option) {
        Matcher matcher = Pattern.compile("(?:^|\\s)" + option + "(?:\\s|$)").matcher(options);
        assertThat(matcher.find()).as("%s: %s in JDK_JAVA_OPTIONS", r.name(), option.replace("(\\S+)", "")).isTrue();
        Matcher value = Pattern.compile("(\\d+)([kKmMgG]?)").matcher(matcher.group(1));
        assertThat(value.matches()).as("%s: a JVM size: %s", r.name(), matcher.group(1)).isTrue();
        int shift = switch (value.group(2).toLowerCase()) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        return Long.parseLong(value.group(1)) << shift;
    }

    private static long bytes(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity).setScale(0, java.math.RoundingMode.UP).longValueExact();
    }

    private static String name(HasMetadata object) {
        return object.getMetadata().getName();
    }

    private static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }
}
