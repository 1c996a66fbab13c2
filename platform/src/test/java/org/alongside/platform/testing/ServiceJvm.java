package org.alongside.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM settings a packaged service runs with, read from deploy/local/lib/service-jvm.sh: the one place that
 * deploy/local/up, the start-up bench, the AOT cache's training runs and the images take them from, so the tests run
 * the services as production does (the full JIT, as the images have). System property {@code alongside.root} names
 * the checkout.
 */
public final class ServiceJvm {

    private static final Path ROOT = Path.of(System.getProperty("alongside.root", "..")).toAbsolutePath().normalize();
    private static final Pattern FLAGS = Pattern.compile("(?m)^ALONGSIDE_SERVICE_([A-Z_]+)_FLAGS=\"([^\"]*)\"");
    private static final Pattern ARENAS = Pattern.compile("MALLOC_ARENA_MAX:-([0-9]+)");
    private static final Path FILE = ROOT.resolve("deploy/local/lib/service-jvm.sh");
    private static final Map<String, List<String>> SETTINGS = read(FILE);

    private ServiceJvm() {
    }

    /**
     * The options for a service whose packaged app is in {@code appDir}. With the AOT cache its training run wrote
     * there, {@code -XX:AOTMode=on} makes the JVM refuse to start rather than silently run without it, so a cache
     * that no longer fits the JDK, the jars or the settings fails the tests instead of passing unnoticed.
     */
    public static List<String> options(Path appDir) {
        List<String> options = new ArrayList<>(SETTINGS.get("JVM"));
        options.addAll(SETTINGS.get("HEAP"));
        Path cache = appDir.resolve("app.aot");
        if (Files.exists(cache)) {
            options.addAll(List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=on"));
        }
        return options;
    }

    /**
     * The options for the AOT cache's training run (JEP 514): the JVM records what it loads, links and profiles while
     * it runs and, when it exits, writes {@code app.aot} in {@code appDir} before it is gone.
     */
    public static List<String> trainingOptions(Path appDir) {
        List<String> options = new ArrayList<>(SETTINGS.get("JVM"));
        options.addAll(SETTINGS.get("HEAP"));
        options.add("-XX:AOTCacheOutput=" + appDir.resolve("app.aot"));
        return options;
    }

    /** The environment variables service-jvm.sh exports (glibc's malloc arenas). */
    public static Map<String, String> environment() {
        try {
            Matcher arenas = ARENAS.matcher(Files.readString(FILE));
            if (!arenas.find()) {
                throw new IllegalStateException(FILE + " no longer sets MALLOC_ARENA_MAX");
            }
            return Map.of("MALLOC_ARENA_MAX", arenas.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, List<String>> read(Path file) {
        try {
            Map<String, List<String>> settings = new HashMap<>();
            Matcher line = FLAGS.matcher(Files.readString(file));
            while (line.find()) {
                settings.put(line.group(1), Arrays.asList(line.group(2).trim().split("\\s+")));
            }
            if (!settings.containsKey("JVM") || !settings.containsKey("HEAP")) {
                throw new IllegalStateException(file + " has no ALONGSIDE_SERVICE_JVM_FLAGS or _HEAP_FLAGS line");
            }
            return settings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
