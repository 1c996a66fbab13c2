package org.alongside.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alongside.platform.testing.Databases;
import org.alongside.platform.testing.FreePorts;
import org.alongside.platform.testing.KafkaBroker;
import org.alongside.platform.testing.ReadmeWalkthrough;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The images as a container runtime runs them, on a machine without one: each image's layers unpacked into a root
 * filesystem and its entrypoint run there ({@link Container}), the four services on one broker with their own
 * databases. Each service starts with {@code -XX:AOTMode=on} added, so an image whose AOT cache its JDK refuses fails
 * here instead of starting at twice the CPU in production; then the README's walk-through runs against them.
 */
class ImagesIT {

    private static final Path ROOT = Path.of(System.getProperty("alongside.root", "../..")).toAbsolutePath().normalize();
    private static final Path TARGET = ROOT.resolve("deploy/images/target");
    private static final Path WORK = TARGET.resolve("images-it");
    private static final List<String> SERVICES = List.of("referral-service", "matching-service", "session-service",
            "outcomes-service");
    private static final Duration READY_WITHIN = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final Map<String, ImageTarball> images = new LinkedHashMap<>();
    private static final Map<String, Path> roots = new LinkedHashMap<>();
    private static final Map<String, Integer> ports = new LinkedHashMap<>();
    private static final List<Container> containers = new ArrayList<>();

    @BeforeAll
    static void startTheServicesFromTheirImages() {
        Shell.run(List.of("rm", "-rf", WORK.toString()));
        KafkaBroker broker = KafkaBroker.shared();
        SERVICES.forEach(ImagesIT::open);
        open("console");
        Map<String, Container> started = new LinkedHashMap<>();
        for (String service : SERVICES) {
            String database = Databases.testName("alongside_" + service.replace("-service", "") + "_image");
            Databases.recreate(database);
            String javaOptions = images.get(service).environment().get("JDK_JAVA_OPTIONS");
            // as deploy/local/up runs them, at ports of this test's choosing; AOTMode=on: no cache, no start
            started.put(service, start(service, Map.of(
                    "QUARKUS_PROFILE", "local",
                    "QUARKUS_DATASOURCE_JDBC_URL", Databases.jdbcUrl(database),
                    "ALONGSIDE_KAFKA", broker.bootstrapServers(),
                    "JDK_JAVA_OPTIONS", javaOptions + " -XX:AOTMode=on"), Map.of()));
        }
        // the local stack's development sign-in, its key given to the container as a volume
        started.put("console", start("console", Map.of("QUARKUS_PROFILE", "local",
                "ALONGSIDE_CONSOLE_DEV_SIGN_IN_KEY_DIRECTORY", "/run/dev-keys"),
                Map.of("/run/dev-keys", ROOT.resolve("deploy/local/dev-keys"))));
        started.forEach(ImagesIT::awaitReady);
    }

    @AfterAll
    static void stop() {
        containers.forEach(Container::close);
    }

    @Test
    void theReadmeWalkThroughRunsOnTheImages() {
        Map<String, String> urls = new LinkedHashMap<>();
        SERVICES.forEach(service -> urls.put(service, "http://127.0.0.1:" + ports.get(service)));
        ReadmeWalkthrough.runAgainst(ROOT, urls);
    }

    @Test
    void everyImageStandsOnTheJavaRuntimeAndRunsAsItsOwnUser() {
        ImageTarball runtime = ImageTarball.open(TARGET.resolve("java-runtime.tar"), WORK.resolve("java-runtime"));
        for (Map.Entry<String, ImageTarball> image : images.entrySet()) {
            List<String> layers = image.getValue().layerNames();
            assertEquals(runtime.layerNames(), layers.subList(0, runtime.layerNames().size()),
                    image.getKey() + ": the Java runtime's layers, shared by every image, come first");
            assertEquals("185", image.getValue().user(), image.getKey() + " runs as user 185, never as root");
            boolean cached = image.getValue().entrypoint().contains("-XX:AOTCache=/deployments/app.aot");
            assertEquals(!image.getKey().equals("console"), cached,
                    image.getKey() + ": the services start from their AOT cache; the console has none");
            if (cached) {
                assertTrue(Files.isRegularFile(roots.get(image.getKey()).resolve("deployments/app.aot")),
                        image.getKey() + ": the image holds the cache its entrypoint names");
            }
        }
    }

    /** deploy/compose's health checks run inside the images, which have bash and no HTTP client. */
    @Test
    void theComposeHealthChecksWorkInTheImages() throws IOException {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("deploy/compose/compose.yaml")
                .toFile());
        for (String service : SERVICES) {
            JsonNode test = compose.path("services").path(service).path("healthcheck").path("test");
            assertEquals("CMD", test.path(0).asText(), service + ": compose runs its health check without a shell");
            int composePort = ReadmeWalkthrough.README_PORTS.get(service);
            int unused = FreePorts.next();
            assertEquals(0, Container.exec(images.get(service), roots.get(service), check(test, composePort,
                    ports.get(service))), service + ": its compose health check passes while it is ready");
            assertNotEquals(0, Container.exec(images.get(service), roots.get(service), check(test, composePort,
                    unused)), service + ": its compose health check fails where nothing answers");
        }
    }

    @Test
    void theConsoleServesItsSignInPageFromItsImage() {
        HttpResponse<String> signIn = get("console", "/sign-in");
        assertEquals(200, signIn.statusCode(), "the console's sign-in page");
        assertTrue(signIn.body().contains("<form"), "the sign-in page has its form:\n" + signIn.body());
    }

    private static void open(String name) {
        ImageTarball image = ImageTarball.open(TARGET.resolve(name + ".tar"), WORK.resolve(name + "/image"));
        images.put(name, image);
        roots.put(name, image.unpack(WORK.resolve(name + "/root")));
    }

    private static Container start(String name, Map<String, String> settings, Map<String, Path> volumes) {
        int port = FreePorts.next();
        ports.put(name, port);
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        Container container = Container.run(images.get(name), roots.get(name), all, volumes,
                WORK.resolve(name + ".log"));
        containers.add(container);
        return container;
    }

    private static void awaitReady(String name, Container container) {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            if (!container.alive()) {
                throw new AssertionError(name + " ended while starting from its image; its log:\n" + log(name));
            }
            try {
                if (get(name, "/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            pause();
        }
        throw new AssertionError(name + " was not ready within " + READY_WITHIN + "; its log:\n" + log(name));
    }

    private static HttpResponse<String> get(String name, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(name) + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> check(JsonNode test, int composePort, int port) {
        List<String> command = new ArrayList<>();
        for (int i = 1; i < test.size(); i++) {
            // compose reads $$ as a literal $
            command.add(test.get(i).asText().replace("$$", "$")
                    .replace("127.0.0.1/" + composePort, "127.0.0.1/" + port));
        }
        return command;
    }

    private static String log(String name) {
        try {
            return Files.readString(WORK.resolve(name + ".log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
