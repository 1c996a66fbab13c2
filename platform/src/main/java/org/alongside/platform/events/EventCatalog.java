package org.alongside.platform.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Every event type and version of the contract: the {@link EventType} records under this package, found on the
 * class path (a directory in builds and tests, the platform jar in a packaged service). A new record is in the
 * catalogue, its schemas, the AsyncAPI documents and docs/events.md without being listed anywhere.
 */
public final class EventCatalog {

    private static final String PACKAGE = EventData.class.getPackageName().replace('.', '/') + "/";
    private static final List<EventSpec<?>> ALL = Collections.unmodifiableList(scan());

    private EventCatalog() {
    }

    /** Ordered by topic (as {@link Topics#ALL}), then type, then version. */
    public static List<EventSpec<?>> all() {
        return ALL;
    }

    /** The types and versions published on {@code topic}, in catalogue order. */
    public static List<EventSpec<?>> onTopic(String topic) {
        return ALL.stream().filter(spec -> spec.topic().equals(topic)).toList();
    }

    public static Optional<EventSpec<?>> find(String type, int version) {
        return ALL.stream().filter(spec -> spec.type().equals(type) && spec.version() == version).findFirst();
    }

    private static List<EventSpec<?>> scan() {
        List<EventSpec<?>> specs = new ArrayList<>();
        for (String name : classNames()) {
            Class<?> type = load(name);
            if (type.isRecord() && EventData.class.isAssignableFrom(type) && type.isAnnotationPresent(EventType.class)
                    && Modifier.isPublic(type.getModifiers())) {
                specs.add(EventSpec.of(type.asSubclass(EventData.class)));
            }
        }
        specs.sort(Comparator.<EventSpec<?>>comparingInt(spec -> Topics.ALL.indexOf(spec.topic()))
                .thenComparing(EventSpec::type).thenComparingInt(EventSpec::version));
        return specs;
    }

    /** The classes under this package, from the directory or jar that holds it. */
    private static List<String> classNames() {
        URL self = EventData.class.getResource(EventData.class.getSimpleName() + ".class");
        if (self == null) {
            throw new IllegalStateException("Cannot find the event records: " + EventData.class + " has no class file");
        }
        try {
            return switch (self.getProtocol()) {
                case "file" -> {
                    Path root = Path.of(self.toURI()).getParent();
                    try (Stream<Path> files = Files.walk(root)) {
                        yield files.map(file -> PACKAGE + root.relativize(file).toString().replace('\\', '/'))
                                .filter(EventCatalog::isClass).map(EventCatalog::className).toList();
                    }
                }
                case "jar" -> {
                    JarURLConnection connection = (JarURLConnection) self.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        yield jar.stream().map(entry -> entry.getName())
                                .filter(name -> name.startsWith(PACKAGE) && isClass(name))
                                .map(EventCatalog::className).toList();
                    }
                }
                default -> throw new IllegalStateException("Cannot list the event records in " + self);
            };
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the event records in " + self, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot list the event records in " + self, e);
        }
    }

    private static boolean isClass(String path) {
        return path.endsWith(".class") && !path.endsWith("package-info.class");
    }

    private static String className(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, EventData.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
