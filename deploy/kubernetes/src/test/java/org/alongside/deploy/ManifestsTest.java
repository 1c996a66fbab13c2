package org.alongside.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.alongside.deploy.Suite.Service;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Kubernetes manifests (deploy/kubernetes), rendered per overlay, checked against the services they deploy:
 * every reference resolves, every port and probe matches the service, every variable the production configuration
 * needs is set, topics and partitions agree with the platform, and autoscaling never outgrows the partitions.
 */
class ManifestsTest {

    static final Path KUBERNETES = Suite.ROOT.resolve("deploy/kubernetes");

    /** The API versions these manifests may use, per kind (what the target operators and Kubernetes serve). */
    private static final Map<String, String> API_VERSIONS = Map.ofEntries(
            Map.entry("Namespace", "v1"), Map.entry("ConfigMap", "v1"), Map.entry("Service", "v1"),
            Map.entry("Deployment", "apps/v1"), Map.entry("HorizontalPodAutoscaler", "autoscaling/v2"),
            Map.entry("PodDisruptionBudget", "policy/v1"), Map.entry("NetworkPolicy", "networking.k8s.io/v1"),
            Map.entry("Kafka", "kafka.strimzi.io/v1beta2"), Map.entry("KafkaNodePool", "kafka.strimzi.io/v1beta2"),
            Map.entry("KafkaTopic", "kafka.strimzi.io/v1beta2"), Map.entry("Cluster", "postgresql.cnpg.io/v1"),
            Map.entry("Kustomization", "kustomize.config.k8s.io/v1beta1"));

    /** The keys of the <cluster>-app secret CloudNativePG generates for the application's database owner. */
    static final Set<String> CNPG_APP_SECRET_KEYS = Set.of("username", "user", "password", "dbname", "host", "port",
            "pgpass", "uri", "jdbc-uri", "fqdn-uri", "fqdn-jdbc-uri");

    private static final Set<String> PROBE_PATHS = Set.of("/q/health/ready", "/q/health/live", "/q/health/started");

    // ------------------------------------------------------------------------------------------------ every file

    @Test
    void everyManifestParsesWithAKnownApiVersionAndAValidName() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(KUBERNETES)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") && !p.startsWith(KUBERNETES.resolve("target"))).toList();
        }
        assertTrue(files.size() >= 10, "expected the manifests under " + KUBERNETES + ", found " + files);
        for (Path file : files) {
            List<ObjectNode> documents = Yaml.documents(file);
            assertFalse(documents.isEmpty(), file + " holds no document");
            for (ObjectNode document : documents) {
                String kind = document.path("kind").asText();
                assertTrue(API_VERSIONS.containsKey(kind), file + ": unexpected kind '" + kind + "'");
                assertEquals(API_VERSIONS.get(kind), document.path("apiVersion").asText(), file + ": " + kind);
                if (!kind.equals("Kustomization")) {
                    String name = document.path("metadata").path("name").asText();
                    assertTrue(name.matches("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?"), file + ": invalid name '" + name + "'");
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ per overlay

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void objectsAreUniqueAndTheOverlayNamesItsNamespace(String overlay) {
        List<ObjectNode> objects = render(overlay);
        Set<String> seen = new HashSet<>();
        for (ObjectNode object : objects) {
            assertTrue(seen.add(Kustomize.name(object)), overlay + ": twice " + Kustomize.name(object));
        }
        List<ObjectNode> namespaces = ofKind(objects, "Namespace");
        assertEquals(1, namespaces.size(), overlay + ": one Namespace");
        String namespace = name(namespaces.get(0));
        for (ObjectNode object : objects) {
            if (!kind(object).equals("Namespace")) {
                assertEquals(namespace, object.path("metadata").path("namespace").asText(), Kustomize.name(object));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void eachServiceHasADeploymentWhosePortsAndProbesMatchItsHttpPort(String overlay) {
        List<ObjectNode> objects = render(overlay);
        List<Service> services = Suite.deployables();
        assertEquals(services.size(), ofKind(objects, "Deployment").size(),
                overlay + ": one Deployment per service and one for the console");
        for (Service service : services) {
            JsonNode container = container(objects, service);
            assertEquals("alongside/" + service.module() + ":" + Suite.version(), container.path("image").asText(),
                    service.module() + ": the image deploy/images builds for it");
            Map<String, Integer> ports = new HashMap<>();
            container.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
            assertEquals(Map.of("http", service.httpPort()), ports, service.module() + ": container port = quarkus.http.port");
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                JsonNode get = container.path(probe).path("httpGet");
                assertFalse(get.isMissingNode(), service.module() + ": " + probe + " missing");
                assertTrue(PROBE_PATHS.contains(get.path("path").asText()), service.module() + ": " + probe + " path");
                assertEquals(service.httpPort(), resolvePort(get.path("port"), ports), service.module() + ": " + probe + " port");
            }
            assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
            assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
            assertEquals("/q/health/started", container.at("/startupProbe/httpGet/path").asText());
            JsonNode resources = container.path("resources");
            for (String resource : List.of("requests/cpu", "requests/memory", "limits/memory")) {
                assertFalse(resources.at("/" + resource).isMissingNode(), service.module() + ": resources." + resource);
            }
            assertTrue(memoryMi(resources.at("/requests/memory").asText()) <= memoryMi(resources.at("/limits/memory").asText()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyVariableTheProductionConfigurationReadsIsSetFromSomethingThatExists(String overlay) throws Exception {
        List<ObjectNode> objects = render(overlay);
        for (Service service : Suite.deployables()) {
            Map<String, String> env = environment(objects, service); // also checks every reference resolves
            for (var variable : Suite.environmentVariables(service).entrySet()) {
                assertTrue(env.containsKey(variable.getKey()), overlay + ": " + service.module() + " does not set "
                        + variable.getKey() + (variable.getValue() ? " (its default is for a laptop)" : " (required)"));
            }
            // The identity provider: empty until an operator fills in identity.env (the services then refuse to
            // start); once filled in, it must satisfy the platform's ProductionGuard.
            String jwks = env.get("ALONGSIDE_JWKS_URL");
            String issuer = env.get("ALONGSIDE_JWT_ISSUER");
            if (jwks != null && !jwks.isEmpty()) {
                assertEquals(List.of(), productionGuardProblems(jwks, issuer), overlay + ": identity.env");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void eachServiceReadsItsOwnDatabaseFromCloudNativePgAndThePoolFitsItsConnections(String overlay) {
        List<ObjectNode> objects = render(overlay);
        Set<String> clustersUsed = new HashSet<>();
        for (Service service : Suite.services()) {
            JsonNode container = container(objects, service);
            Set<String> secrets = new TreeSet<>();
            for (JsonNode env : container.path("env")) {
                if (env.path("name").asText().startsWith("ALONGSIDE_DB_")) {
                    secrets.add(env.at("/valueFrom/secretKeyRef/name").asText());
                }
            }
            assertEquals(1, secrets.size(), service.module() + ": all database settings from one secret, not " + secrets);
            String clusterName = secrets.iterator().next().replaceFirst("-app$", "");
            assertTrue(clustersUsed.add(clusterName), "two services share the database cluster " + clusterName);
            ObjectNode cluster = find(objects, "Cluster", clusterName)
                    .orElseGet(() -> fail(service.module() + " reads " + clusterName + "-app but there is no Cluster " + clusterName));
            assertEquals(service.databaseName(), cluster.at("/spec/bootstrap/initdb/database").asText(),
                    service.module() + ": the database its configuration names");
            int poolSize = Integer.parseInt(Suite.effective(service, "quarkus.datasource.jdbc.max-size"));
            int maxReplicas = hpa(objects, service).path("spec").path("maxReplicas").asInt();
            int maxConnections = cluster.at("/spec/postgresql/parameters/max_connections").asInt(100);
            assertTrue(maxReplicas * poolSize + 10 <= maxConnections, overlay + ": " + clusterName + " max_connections "
                    + maxConnections + " < " + maxReplicas + " replicas x " + poolSize + " connections + 10");
            if (overlay.equals("production")) {
                assertEquals(3, cluster.at("/spec/instances").asInt(), clusterName + ": 3 instances in production");
            }
        }
        assertEquals(ofKind(objects, "Cluster").size(), clustersUsed.size(), "a database cluster no service uses");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void servicesSelectTheirPodsAndAutoscalersAndBudgetsTargetRealDeployments(String overlay) {
        List<ObjectNode> objects = render(overlay);
        for (ObjectNode svc : ofKind(objects, "Service")) {
            JsonNode selector = svc.path("spec").path("selector");
            List<ObjectNode> selected = ofKind(objects, "Deployment").stream()
                    .filter(d -> matches(selector, d.at("/spec/template/metadata/labels"))).toList();
            assertEquals(1, selected.size(), Kustomize.name(svc) + " selects " + selected.size() + " Deployments");
            Service service = service(name(selected.get(0)));
            Map<String, Integer> ports = new HashMap<>();
            container(objects, service).path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
            for (JsonNode port : svc.path("spec").path("ports")) {
                assertEquals(service.httpPort(), port.path("port").asInt(), Kustomize.name(svc) + ": same port as the local stack");
                assertEquals(service.httpPort(), resolvePort(port.path("targetPort"), ports), Kustomize.name(svc) + ": targetPort");
            }
        }
        for (ObjectNode deployment : ofKind(objects, "Deployment")) {
            assertTrue(matches(deployment.at("/spec/selector/matchLabels"), deployment.at("/spec/template/metadata/labels")),
                    Kustomize.name(deployment) + ": its selector must match its own pods");
            assertTrue(deployment.at("/spec/replicas").isMissingNode(), Kustomize.name(deployment) + ": the HPA owns replicas");
        }
        for (ObjectNode budget : ofKind(objects, "PodDisruptionBudget")) {
            long selected = ofKind(objects, "Deployment").stream()
                    .filter(d -> matches(budget.at("/spec/selector/matchLabels"), d.at("/spec/template/metadata/labels"))).count();
            assertEquals(1, selected, Kustomize.name(budget) + " selects one Deployment");
        }
        for (ObjectNode hpa : ofKind(objects, "HorizontalPodAutoscaler")) {
            JsonNode target = hpa.at("/spec/scaleTargetRef");
            assertEquals("apps/v1", target.path("apiVersion").asText());
            assertEquals("Deployment", target.path("kind").asText());
            assertTrue(find(objects, "Deployment", target.path("name").asText()).isPresent(), Kustomize.name(hpa) + " targets nothing");
            assertTrue(hpa.at("/spec/minReplicas").asInt() >= 1
                    && hpa.at("/spec/minReplicas").asInt() <= hpa.at("/spec/maxReplicas").asInt(), Kustomize.name(hpa));
        }
        for (Service service : Suite.deployables()) {
            hpa(objects, service);
            assertEquals(1, ofKind(objects, "PodDisruptionBudget").stream()
                    .filter(b -> matches(b.at("/spec/selector/matchLabels"), pod(objects, service).path("labels"))).count(),
                    service.module() + ": a PodDisruptionBudget");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void autoscalingNeverAddsConsumersBeyondThePartitions(String overlay) {
        List<ObjectNode> objects = render(overlay);
        for (Service service : Suite.services()) {
            Set<String> consumed = Suite.consumedTopics(service);
            int maxReplicas = hpa(objects, service).at("/spec/maxReplicas").asInt();
            for (String topic : consumed) {
                int partitions = topic(objects, topic).at("/spec/partitions").asInt();
                assertTrue(maxReplicas <= partitions, overlay + ": " + service.module() + " may scale to " + maxReplicas
                        + " consumers of " + topic + ", which has " + partitions + " partitions: the rest would idle");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void kafkaTopicsAreExactlyThePlatformsWithItsPartitionCountReplicatedThreeTimes(String overlay) {
        List<ObjectNode> objects = render(overlay);
        List<ObjectNode> kafkas = ofKind(objects, "Kafka");
        assertEquals(1, kafkas.size(), "one Kafka cluster");
        String cluster = name(kafkas.get(0));
        Set<String> names = new TreeSet<>();
        ofKind(objects, "KafkaTopic").forEach(t -> names.add(t.at("/spec/topicName").asText(name(t))));
        assertEquals(Suite.expectedTopics(), names, "KafkaTopics = Topics.ALL + a dead-letter topic per consumer group");

        Map<String, String> platform = configMap(objects, "alongside-platform");
        int partitions = Suite.defaultPartitions();
        assertEquals(String.valueOf(partitions), platform.get("ALONGSIDE_KAFKA_PARTITIONS"),
                "services that create a topic themselves use the platform's partition count");
        int brokers = 0;
        for (ObjectNode pool : ofKind(objects, "KafkaNodePool")) {
            assertEquals(cluster, pool.at("/metadata/labels/strimzi.io~1cluster").asText(), Kustomize.name(pool));
            if (pool.at("/spec/roles").toString().contains("\"broker\"")) {
                brokers += pool.at("/spec/replicas").asInt();
            }
            assertTrue(pool.at("/spec/replicas").asInt() >= 1);
        }
        for (ObjectNode topic : ofKind(objects, "KafkaTopic")) {
            String what = overlay + ": " + Kustomize.name(topic);
            assertEquals(cluster, topic.at("/metadata/labels/strimzi.io~1cluster").asText(), what);
            assertEquals(partitions, topic.at("/spec/partitions").asInt(), what + " partitions");
            assertEquals(3, topic.at("/spec/replicas").asInt(), what + " replicas");
            assertEquals(2, topic.at("/spec/config/min.insync.replicas").asInt(), what + " min.insync.replicas");
            assertEquals(platform.get("ALONGSIDE_KAFKA_REPLICATION_FACTOR"), topic.at("/spec/replicas").asText(),
                    what + ": the replication factor a service would create it with");
            assertTrue(brokers >= topic.at("/spec/replicas").asInt(), what + ": more replicas than brokers (" + brokers + ")");
        }
        JsonNode config = kafkas.get(0).at("/spec/kafka/config");
        assertEquals("false", config.path("auto.create.topics.enable").asText(), "topics only from KafkaTopics and services");
        assertEquals("enabled", kafkas.get(0).at("/metadata/annotations/strimzi.io~1node-pools").asText());
        assertEquals("enabled", kafkas.get(0).at("/metadata/annotations/strimzi.io~1kraft").asText());
        assertTrue(ofKind(objects, "KafkaNodePool").stream().anyMatch(p -> p.at("/spec/roles").toString().contains("controller")),
                "a KRaft controller pool");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void servicesReachTheKafkaBootstrapServiceOnAPlaintextListener(String overlay) {
        List<ObjectNode> objects = render(overlay);
        ObjectNode kafka = ofKind(objects, "Kafka").get(0);
        String bootstrap = configMap(objects, "alongside-platform").get("ALONGSIDE_KAFKA");
        assertTrue(bootstrap.startsWith(name(kafka) + "-kafka-bootstrap:"), "Strimzi's bootstrap Service is "
                + name(kafka) + "-kafka-bootstrap, not " + bootstrap);
        int port = Integer.parseInt(bootstrap.substring(bootstrap.indexOf(':') + 1));
        JsonNode listener = null;
        for (JsonNode l : kafka.at("/spec/kafka/listeners")) {
            if (l.path("port").asInt() == port) {
                listener = l;
            }
        }
        assertNotNull(listener, "no Kafka listener on " + port);
        assertEquals("internal", listener.path("type").asText());
        assertFalse(listener.path("tls").asBoolean(), "the services' Kafka clients (KafkaSettings) have no TLS settings");
        for (Service service : Suite.services()) {
            boolean allowed = false;
            for (JsonNode peer : listener.path("networkPolicyPeers")) {
                allowed |= matches(peer.at("/podSelector/matchLabels"), pod(objects, service).path("labels"));
            }
            assertTrue(allowed, service.module() + " is not among the listener's networkPolicyPeers");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void networkPoliciesLetEachServiceReachOnlyItsOwnDatabaseAndTheBrokers(String overlay) {
        List<ObjectNode> objects = render(overlay);
        int kafkaPort = Integer.parseInt(configMap(objects, "alongside-platform").get("ALONGSIDE_KAFKA").replaceFirst(".*:", ""));
        for (Service service : Suite.services()) {
            JsonNode labels = pod(objects, service).path("labels");
            List<ObjectNode> policies = ofKind(objects, "NetworkPolicy").stream()
                    .filter(p -> matches(p.at("/spec/podSelector/matchLabels"), labels)).toList();
            assertEquals(1, policies.size(), service.module() + ": one NetworkPolicy");
            JsonNode spec = policies.get(0).path("spec");
            assertEquals("[\"Ingress\",\"Egress\"]", spec.path("policyTypes").toString());
            assertEquals(service.httpPort(), spec.at("/ingress/0/ports/0/port").asInt(), service.module() + ": ingress port");
            String ownCluster = environmentSecret(objects, service, "ALONGSIDE_DB_HOST").replaceFirst("-app$", "");
            Set<String> databases = new TreeSet<>();
            boolean brokers = false;
            for (JsonNode rule : spec.path("egress")) {
                for (JsonNode to : rule.path("to")) {
                    JsonNode cnpg = to.at("/podSelector/matchLabels/cnpg.io~1cluster");
                    if (!cnpg.isMissingNode()) {
                        databases.add(cnpg.asText());
                        assertEquals(5432, rule.at("/ports/0/port").asInt());
                    }
                    if (to.at("/podSelector/matchLabels/strimzi.io~1cluster").asText().equals(name(ofKind(objects, "Kafka").get(0)))) {
                        brokers = true;
                        assertEquals(kafkaPort, rule.at("/ports/0/port").asInt(), "egress to the brokers' listener port");
                    }
                }
            }
            assertEquals(Set.of(ownCluster), databases, service.module() + ": egress to its own database only");
            assertTrue(brokers, service.module() + ": egress to the brokers");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void theConsoleReachesOnlyTheFourServicesAndTheIdentityProvider(String overlay) {
        List<ObjectNode> objects = render(overlay);
        Service console = Suite.console();
        JsonNode container = container(objects, console);
        Map<String, String> env = environment(objects, console);
        for (Service service : Suite.services()) {
            String variable = "ALONGSIDE_" + service.module().replace("-service", "").toUpperCase() + "_URL";
            assertEquals("http://" + service.module() + ":" + service.httpPort(), env.get(variable),
                    overlay + ": the console reaches " + service.module() + " by its Service");
        }
        assertTrue(env.get("ALONGSIDE_OIDC_CLIENT_SECRET").startsWith("secret:"), "the client secret from a Secret");
        assertTrue(container.path("env").findValues("secretKeyRef").isEmpty(), "no database secret: no database");
        List<ObjectNode> policies = ofKind(objects, "NetworkPolicy").stream()
                .filter(p -> matches(p.at("/spec/podSelector/matchLabels"), pod(objects, console).path("labels"))).toList();
        assertEquals(1, policies.size(), "console: one NetworkPolicy");
        JsonNode spec = policies.get(0).path("spec");
        assertEquals(console.httpPort(), spec.at("/ingress/0/ports/0/port").asInt());
        Map<String, Integer> reached = new TreeMap<>();
        for (JsonNode rule : spec.path("egress")) {
            for (JsonNode to : rule.path("to")) {
                assertTrue(to.at("/podSelector/matchLabels/cnpg.io~1cluster").isMissingNode(), "console: no database");
                assertTrue(to.at("/podSelector/matchLabels/strimzi.io~1cluster").isMissingNode(), "console: no broker");
                JsonNode name = to.at("/podSelector/matchLabels/app.kubernetes.io~1name");
                if (!name.isMissingNode()) {
                    reached.put(name.asText(), rule.at("/ports/0/port").asInt());
                }
            }
        }
        Map<String, Integer> expected = new TreeMap<>();
        Suite.services().forEach(s -> expected.put(s.module(), s.httpPort()));
        assertEquals(expected, reached, "console: egress to the four services' HTTP ports");
    }

    @Test
    void theImagesModuleBuildsTheImageEachDeploymentRuns() {
        var pom = Suite.pom(Suite.ROOT.resolve("deploy/images/pom.xml"));
        org.w3c.dom.Element jib = null;
        var plugins = pom.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            var plugin = (org.w3c.dom.Element) plugins.item(i);
            if (plugin.getElementsByTagName("artifactId").item(0).getTextContent().equals("jib-maven-plugin")) {
                jib = plugin;
            }
        }
        assertNotNull(jib, "deploy/images builds with jib-maven-plugin");
        var executions = jib.getElementsByTagName("execution");
        Map<String, String> images = new TreeMap<>();
        Map<String, String> ports = new TreeMap<>();
        boolean runtime = false;
        for (int i = 0; i < executions.getLength(); i++) {
            var execution = (org.w3c.dom.Element) executions.item(i);
            String id = execution.getElementsByTagName("id").item(0).getTextContent();
            if (id.equals("java-runtime")) {
                runtime = true; // the base the others stand on, deployed by none
                continue;
            }
            images.put(id, execution.getElementsByTagName("image").item(0).getTextContent()
                    .replace("${project.version}", Suite.version()));
            ports.put(id, execution.getElementsByTagName("port").item(0).getTextContent());
            String paths = execution.getElementsByTagName("paths").item(0).getTextContent();
            assertTrue(paths.contains("/" + id + "/target/quarkus-app"), id + ": the image holds that service's aot-jar");
        }
        assertTrue(runtime, "deploy/images builds the Java runtime the images stand on");
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> expectedPorts = new TreeMap<>();
        for (Service service : Suite.deployables()) {
            expected.put(service.module(), "alongside/" + service.module() + ":" + Suite.version());
            expectedPorts.put(service.module(), String.valueOf(service.httpPort()));
        }
        assertEquals(expected, images);
        assertEquals(expectedPorts, ports);
    }

    /** Where kubectl is installed, its kustomize must render each overlay exactly as the test's renderer does. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void kubectlKustomizeRendersWhatTheseChecksSaw(String overlay) throws Exception {
        Optional<Path> kubectl = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(dir -> Path.of(dir, "kubectl")).filter(Files::isExecutable).findFirst();
        Assumptions.assumeTrue(kubectl.isPresent(), "kubectl is not installed; the test's own renderer stands alone");
        Process process = new ProcessBuilder(kubectl.get().toString(), "kustomize", KUBERNETES.resolve("overlays/" + overlay).toString())
                .redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize did not finish");
        assertEquals(0, process.exitValue(), "kubectl kustomize failed: " + err);
        // Generated ConfigMaps and Secrets carry a content hash in their name, and every reference to them follows it.
        List<ObjectNode> generatedObjects = new java.util.ArrayList<>(ofKind(Yaml.documents(out), "ConfigMap"));
        generatedObjects.addAll(ofKind(Yaml.documents(out), "Secret"));
        for (ObjectNode generated : generatedObjects) {
            String hashed = name(generated);
            if (hashed.matches(".*-[a-z0-9]{10}") && find(render(overlay), kind(generated), hashed).isEmpty()) {
                out = out.replace(hashed, hashed.substring(0, hashed.length() - 11));
            }
        }
        Map<String, JsonNode> theirs = new TreeMap<>();
        Yaml.documents(out).forEach(o -> theirs.put(Kustomize.name(o), o));
        Map<String, JsonNode> ours = new TreeMap<>();
        render(overlay).forEach(o -> ours.put(Kustomize.name(o), o));
        assertEquals(ours.keySet(), theirs.keySet(), overlay + ": the same objects");
        for (String key : ours.keySet()) {
            assertEquals(ours.get(key), theirs.get(key), overlay + ": " + key + " renders differently");
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static List<ObjectNode> render(String overlay) {
        return Kustomize.render(KUBERNETES.resolve("overlays").resolve(overlay));
    }

    static List<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(o -> kind(o).equals(kind)).toList();
    }

    static Optional<ObjectNode> find(List<ObjectNode> objects, String kind, String name) {
        return objects.stream().filter(o -> kind(o).equals(kind) && name(o).equals(name)).findFirst();
    }

    static String kind(JsonNode object) {
        return object.path("kind").asText();
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static Service service(String module) {
        return Suite.deployables().stream().filter(s -> s.module().equals(module)).findFirst()
                .orElseGet(() -> fail("no service module " + module));
    }

    static ObjectNode deployment(List<ObjectNode> objects, Service service) {
        return find(objects, "Deployment", service.module())
                .orElseGet(() -> fail("no Deployment " + service.module()));
    }

    static JsonNode pod(List<ObjectNode> objects, Service service) {
        return deployment(objects, service).at("/spec/template/metadata");
    }

    static JsonNode container(List<ObjectNode> objects, Service service) {
        JsonNode containers = deployment(objects, service).at("/spec/template/spec/containers");
        assertEquals(1, containers.size(), service.module() + ": one container");
        return containers.get(0);
    }

    static ObjectNode hpa(List<ObjectNode> objects, Service service) {
        List<ObjectNode> hpas = ofKind(objects, "HorizontalPodAutoscaler").stream()
                .filter(h -> h.at("/spec/scaleTargetRef/name").asText().equals(service.module())).toList();
        assertEquals(1, hpas.size(), service.module() + ": one HorizontalPodAutoscaler");
        return hpas.get(0);
    }

    static ObjectNode topic(List<ObjectNode> objects, String topic) {
        return ofKind(objects, "KafkaTopic").stream().filter(t -> t.at("/spec/topicName").asText(name(t)).equals(topic))
                .findFirst().orElseGet(() -> fail("no KafkaTopic " + topic));
    }

    static Map<String, String> configMap(List<ObjectNode> objects, String name) {
        ObjectNode configMap = find(objects, "ConfigMap", name).orElseGet(() -> fail("no ConfigMap " + name));
        Map<String, String> data = new TreeMap<>();
        configMap.path("data").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
        return data;
    }

    /**
     * The container's environment: literal values, ConfigMap keys, and Secret keys (as "secret:name/key"). Fails on
     * a reference to a ConfigMap or key that does not exist, or a Secret other than CloudNativePG's generated ones.
     */
    static Map<String, String> environment(List<ObjectNode> objects, Service service) {
        JsonNode container = container(objects, service);
        Map<String, String> env = new TreeMap<>();
        for (JsonNode from : container.path("envFrom")) {
            if (from.has("secretRef")) {
                // a generated Secret (secretGenerator): its keys, as "secret:name/key"
                String secret = from.at("/secretRef/name").asText();
                ObjectNode generated = find(objects, "Secret", secret)
                        .orElseGet(() -> fail(service.module() + ": envFrom a Secret that is not generated: " + secret));
                generated.path("data").fieldNames().forEachRemaining(key -> env.put(key, "secret:" + secret + "/" + key));
                continue;
            }
            assertTrue(from.has("configMapRef"), service.module() + ": envFrom only from ConfigMaps and generated Secrets");
            env.putAll(configMap(objects, from.at("/configMapRef/name").asText()));
        }
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asText();
            if (variable.has("value")) {
                env.put(name, variable.get("value").asText());
            } else if (variable.at("/valueFrom/configMapKeyRef").isObject()) {
                JsonNode ref = variable.at("/valueFrom/configMapKeyRef");
                Map<String, String> data = configMap(objects, ref.path("name").asText());
                assertTrue(data.containsKey(ref.path("key").asText()), service.module() + ": " + ref);
                env.put(name, data.get(ref.path("key").asText()));
            } else if (variable.at("/valueFrom/secretKeyRef").isObject()) {
                JsonNode ref = variable.at("/valueFrom/secretKeyRef");
                String secret = ref.path("name").asText();
                assertTrue(secret.endsWith("-app") && find(objects, "Cluster", secret.replaceFirst("-app$", "")).isPresent(),
                        service.module() + ": secret " + secret + " is neither defined here nor generated by a CloudNativePG Cluster");
                assertTrue(CNPG_APP_SECRET_KEYS.contains(ref.path("key").asText()),
                        service.module() + ": CloudNativePG's app secret has no key " + ref.path("key").asText());
                env.put(name, "secret:" + secret + "/" + ref.path("key").asText());
            } else {
                fail(service.module() + ": unsupported env source " + variable);
            }
        }
        return env;
    }

    static String environmentSecret(List<ObjectNode> objects, Service service, String variable) {
        for (JsonNode env : container(objects, service).path("env")) {
            if (env.path("name").asText().equals(variable)) {
                return env.at("/valueFrom/secretKeyRef/name").asText();
            }
        }
        return fail(service.module() + ": " + variable + " not from a secret");
    }

    static boolean matches(JsonNode selector, JsonNode labels) {
        if (!selector.isObject() || selector.isEmpty()) {
            return false;
        }
        var fields = selector.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (!labels.path(field.getKey()).asText().equals(field.getValue().asText()) || !labels.has(field.getKey())) {
                return false;
            }
        }
        return true;
    }

    static int resolvePort(JsonNode port, Map<String, Integer> named) {
        if (port.isInt()) {
            return port.asInt();
        }
        assertTrue(named.containsKey(port.asText()), "no container port named " + port.asText());
        return named.get(port.asText());
    }

    static int memoryMi(String quantity) {
        if (quantity.endsWith("Gi")) {
            return Integer.parseInt(quantity.replace("Gi", "")) * 1024;
        }
        assertTrue(quantity.endsWith("Mi"), "memory in Mi or Gi: " + quantity);
        return Integer.parseInt(quantity.replace("Mi", ""));
    }

    /** The platform's own check of production token settings (ProductionGuard.problems). */
    @SuppressWarnings("unchecked")
    static List<String> productionGuardProblems(String jwksUrl, String issuer) throws Exception {
        Class<?> guard = Class.forName("org.alongside.platform.security.ProductionGuard");
        Method problems = guard.getDeclaredMethod("problems", Optional.class, Optional.class, Optional.class);
        problems.setAccessible(true);
        return (List<String>) problems.invoke(null, Optional.of(jwksUrl), Optional.empty(), Optional.ofNullable(issuer));
    }
}
