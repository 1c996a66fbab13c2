package org.alongside.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.smallrye.config.WithDefault;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.alongside.platform.events.Topics;
import org.alongside.platform.kafka.TopicConfig;
import org.w3c.dom.Element;

/**
 * What the deployment manifests must agree with, read from the suite itself: the modules of the root pom, each
 * service's application.properties, the platform's shared configuration and classes (on the test classpath), and
 * the services' event handlers (from their source).
 */
final class Suite {

    /** The repository root: this module lives at deploy/kubernetes (the working directory of its tests). */
    static final Path ROOT = Path.of("").toAbsolutePath().resolve("../..").normalize();

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
    private static final Pattern STREAM = Pattern.compile("EventHandlers\\.forStream\\(\\s*Topics\\.([A-Z_]+)\\s*\\)");

    record Service(String module, String applicationName, int httpPort, Map<String, String> properties) {

        /** The database the service names by default (its jdbc url's ${ALONGSIDE_DB_NAME:default}). */
        String databaseName() {
            Matcher m = Pattern.compile("\\$\\{ALONGSIDE_DB_NAME:([a-z_]+)}").matcher(properties.get("quarkus.datasource.jdbc.url"));
            assertTrue(m.find(), module + ": jdbc url without ${ALONGSIDE_DB_NAME:...}");
            return m.group(1);
        }

        /** The consumer group: KafkaSettings.consumerGroup() is the application name. */
        String consumerGroup() {
            return applicationName;
        }
    }

    private Suite() {
    }

    static String version() {
        return pom(ROOT.resolve("pom.xml")).getElementsByTagName("version").item(0).getTextContent().trim();
    }

    static List<Service> services() {
        List<Service> services = new ArrayList<>();
        var modules = pom(ROOT.resolve("pom.xml")).getElementsByTagName("module");
        for (int i = 0; i < modules.getLength(); i++) {
            String module = modules.item(i).getTextContent().trim();
            Path properties = ROOT.resolve(module).resolve("src/main/resources/application.properties");
            if (!Files.isRegularFile(properties) || !module.endsWith("-service")) {
                continue;
            }
            Map<String, String> props = properties(properties);
            services.add(new Service(module, props.get("quarkus.application.name"),
                    Integer.parseInt(props.get("quarkus.http.port")), props));
        }
        assertFalse(services.isEmpty(), "no services found from " + ROOT.resolve("pom.xml"));
        return services;
    }

    /** The web console: deployed beside the services, but not one of them (no database, no broker, no platform). */
    static Service console() {
        Map<String, String> props = properties(ROOT.resolve("console/src/main/resources/application.properties"));
        return new Service("console", "console", Integer.parseInt(props.get("quarkus.http.port")), props);
    }

    /** The services and the console: everything that runs from an image of deploy/images. */
    static List<Service> deployables() {
        List<Service> all = new ArrayList<>(services());
        all.add(console());
        return all;
    }

    /** The platform's shared defaults, as every service reads them (from the platform jar on this classpath). */
    static Map<String, String> platformProperties() {
        try (InputStream in = TopicConfig.class.getClassLoader()
                .getResourceAsStream("META-INF/microprofile-config.properties")) {
            assertNotNull(in, "the platform's META-INF/microprofile-config.properties is not on the classpath");
            Properties properties = new Properties();
            properties.load(in);
            Map<String, String> map = new LinkedHashMap<>();
            properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A property as the service sees it in production: its own value, else the platform's. */
    static String effective(Service service, String name) {
        return service.properties().getOrDefault(name, platformProperties().get(name));
    }

    /**
     * Every environment variable that the production configuration of the service references, with whether it has
     * a default there: properties without a profile or with %prod, from the platform and the service.
     */
    static Map<String, Boolean> environmentVariables(Service service) {
        Map<String, String> merged = new LinkedHashMap<>();
        if (!service.module().equals("console")) {
            merged.putAll(platformProperties());
        }
        merged.putAll(service.properties());
        Map<String, Boolean> variables = new LinkedHashMap<>();
        merged.forEach((key, value) -> {
            if (key.startsWith("%") && !key.matches("%([a-z]+,)*prod(,[a-z]+)*\\..*")) {
                return;
            }
            Matcher m = REFERENCE.matcher(value);
            while (m.find()) {
                variables.merge(m.group(1), m.group(2) != null, Boolean::logicalAnd);
            }
        });
        return variables;
    }

    /** The partition count a service creates its topics with: alongside.kafka.partitions, default in TopicConfig. */
    static int defaultPartitions() {
        try {
            return Integer.parseInt(TopicConfig.class.getMethod("partitions").getAnnotation(WithDefault.class).value());
        } catch (NoSuchMethodException e) {
            return fail("TopicConfig has no partitions()");
        }
    }

    /**
     * The topics the service's consumer subscribes to: EventConsumer subscribes to the stream of every
     * EventSubscriber, which each names in EventHandlers.forStream(Topics.X), read here from the subscribers' source.
     */
    static Set<String> consumedTopics(Service service) {
        Set<String> topics = new TreeSet<>();
        Path sources = ROOT.resolve(service.module()).resolve("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (!source.matches("(?s).*implements\\s+([\\w.]+\\s*,\\s*)*\\w*Subscriber\\b.*")) {
                    continue;
                }
                Matcher m = STREAM.matcher(source);
                assertTrue(m.find(), file + ": cannot read which stream this subscriber handles");
                topics.add((String) Topics.class.getField(m.group(1)).get(null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("unknown Topics constant: " + e.getMessage(), e);
        }
        return topics;
    }

    /** Every topic that must exist: the contract's, and a dead-letter topic per consuming service. */
    static Set<String> expectedTopics() {
        Set<String> topics = new TreeSet<>(Topics.ALL);
        for (Service service : services()) {
            if (!consumedTopics(service).isEmpty()) {
                topics.add(Topics.deadLetter(service.consumerGroup()));
            }
        }
        return topics;
    }

    static Map<String, String> properties(Path file) {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }

    static Element pom(Path file) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
