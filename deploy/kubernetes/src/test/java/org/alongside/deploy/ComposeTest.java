package org.alongside.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alongside.deploy.Suite.Service;
import org.junit.jupiter.api.Test;

/** deploy/compose/compose.yaml, checked against the services as the Kubernetes manifests are. */
class ComposeTest {

    static final Path COMPOSE = Suite.ROOT.resolve("deploy/compose");

    private final ObjectNode compose = single(Yaml.documents(COMPOSE.resolve("compose.yaml")));
    private final JsonNode services = compose.path("services");

    @Test
    void eachServiceRunsItsImageOnItsPortWithAReadinessHealthcheck() {
        for (Service service : Suite.services()) {
            JsonNode s = services.path(service.module());
            assertFalse(s.isMissingNode(), "compose has no service " + service.module());
            assertEquals("alongside/" + service.module() + ":" + Suite.version(), s.path("image").asText(),
                    service.module() + ": the image deploy/images builds");
            assertEquals(List.of(service.httpPort() + ":" + service.httpPort()), texts(s.path("ports")), service.module() + ": ports");
            String health = String.join(" ", texts(s.at("/healthcheck/test")));
            assertTrue(health.contains("/" + service.httpPort()) && health.contains("/q/health/ready"),
                    service.module() + ": healthcheck asks its own port's readiness: " + health);
            for (String dependency : List.of("postgres", "kafka")) {
                assertEquals("service_healthy", s.at("/depends_on/" + dependency + "/condition").asText(),
                        service.module() + " waits for a healthy " + dependency);
                assertFalse(services.at("/" + dependency + "/healthcheck/test").isMissingNode(), dependency + " has a healthcheck");
            }
        }
        Set<String> expected = new TreeSet<>(List.of("kafka", "postgres"));
        Suite.deployables().forEach(s -> expected.add(s.module()));
        Set<String> actual = new TreeSet<>();
        services.fieldNames().forEachRemaining(actual::add);
        assertEquals(expected, actual, "compose services");
    }

    @Test
    void everyVariableTheProductionConfigurationReadsIsSetAndPointsAtComposeServices() {
        JsonNode kafka = services.path("kafka").path("environment");
        for (Service service : Suite.services()) {
            Map<String, String> env = environment(services.path(service.module()));
            for (String variable : Suite.environmentVariables(service).keySet()) {
                assertTrue(env.containsKey(variable), service.module() + " does not set " + variable);
            }
            assertEquals(service.databaseName(), env.get("ALONGSIDE_DB_NAME"), service.module() + ": its database");
            assertTrue(services.has(env.get("ALONGSIDE_DB_HOST")), service.module() + ": database host is a compose service");
            String bootstrap = env.get("ALONGSIDE_KAFKA");
            assertTrue(kafka.path("KAFKA_ADVERTISED_LISTENERS").asText().contains("://" + bootstrap),
                    service.module() + ": " + bootstrap + " is what the broker advertises");
            assertEquals(String.valueOf(Suite.defaultPartitions()), env.get("ALONGSIDE_KAFKA_PARTITIONS"));
            assertEquals(kafka.path("KAFKA_NUM_PARTITIONS").asText(), env.get("ALONGSIDE_KAFKA_PARTITIONS"));
            for (String required : List.of("ALONGSIDE_JWKS_URL", "ALONGSIDE_JWT_ISSUER", "ALONGSIDE_DB_PASSWORD")) {
                assertTrue(env.get(required).matches("\\$\\{" + required + ":\\?.+}"),
                        service.module() + ": " + required + " must be required from the operator, not defaulted");
            }
        }
        assertEquals("false", kafka.path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText());
    }

    @Test
    void theConsoleRunsItsImageInFrontOfTheServicesWithTheIdentityProviderRequired() {
        Service console = Suite.console();
        JsonNode s = services.path("console");
        assertEquals("alongside/console:" + Suite.version(), s.path("image").asText());
        assertEquals(List.of(console.httpPort() + ":" + console.httpPort()), texts(s.path("ports")));
        String health = String.join(" ", texts(s.at("/healthcheck/test")));
        assertTrue(health.contains("/" + console.httpPort()) && health.contains("/q/health/ready"), health);
        Map<String, String> env = environment(s);
        for (String variable : Suite.environmentVariables(console).keySet()) {
            assertTrue(env.containsKey(variable), "console does not set " + variable);
        }
        for (Service service : Suite.services()) {
            String variable = "ALONGSIDE_" + service.module().replace("-service", "").toUpperCase() + "_URL";
            assertEquals("http://" + service.module() + ":" + service.httpPort(), env.get(variable));
            assertEquals("service_healthy", s.at("/depends_on/" + service.module() + "/condition").asText());
        }
        for (String required : List.of("ALONGSIDE_OIDC_URL", "ALONGSIDE_OIDC_CLIENT_SECRET")) {
            assertTrue(env.get(required).matches("\\$\\{" + required + ":\\?.+}"),
                    "console: " + required + " must be required from the operator, not defaulted");
        }
    }

    @Test
    void postgresCreatesEveryServiceDatabaseWithTheLocalStacksScript() throws IOException {
        Set<String> mounted = new TreeSet<>();
        for (JsonNode volume : services.at("/postgres/volumes")) {
            String source = volume.asText().substring(0, volume.asText().indexOf(':'));
            if (source.startsWith(".")) {
                Path path = COMPOSE.resolve(source).normalize();
                assertTrue(Files.exists(path), "compose mounts " + source + ", which does not exist");
                mounted.add(Suite.ROOT.relativize(path).toString());
            }
        }
        assertTrue(mounted.contains("deploy/local/lib/postgres.sh"), "reuses deploy/local's database functions");
        assertTrue(mounted.contains("deploy/compose/initdb"), "mounts the init scripts");
        Path init = COMPOSE.resolve("initdb/10-alongside-databases.sh");
        assertTrue(Files.isExecutable(init), init + " must be executable for the postgres image to run it");
        String script = Files.readString(init);
        Matcher loop = Pattern.compile("for db in ([a-z_ ]+); do").matcher(script);
        assertTrue(loop.find(), "the init script's database list");
        Set<String> created = new TreeSet<>(List.of(loop.group(1).trim().split("\\s+")));
        Set<String> expected = new TreeSet<>();
        Suite.services().forEach(s -> expected.add(s.databaseName()));
        assertEquals(expected, created, "databases created = the ones the services name");
        assertTrue(Files.readString(Suite.ROOT.resolve("deploy/local/lib/postgres.sh")).contains("alongside_ensure_database()"),
                "the function the init script calls");
    }

    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new TreeMap<>();
        service.path("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static ObjectNode single(List<ObjectNode> documents) {
        assertEquals(1, documents.size(), "compose.yaml is one document");
        return documents.get(0);
    }
}
