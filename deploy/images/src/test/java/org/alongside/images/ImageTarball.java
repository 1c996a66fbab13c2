package org.alongside.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An image as Jib writes it with buildTar, in the layout of {@code docker save}: manifest.json names the image's
 * configuration and its layers (gzipped tarballs), bottom first. Read as a container runtime reads it.
 *
 * @param layers the layer files, bottom first; their names are their digests
 * @param config the image's configuration (OCI image config: {@code config.Entrypoint}, {@code Env}, {@code User})
 */
record ImageTarball(List<Path> layers, JsonNode config) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Unpacks the tarball into {@code directory} and reads its manifest. */
    static ImageTarball open(Path tarball, Path directory) {
        try {
            Files.createDirectories(directory);
            Shell.run(List.of("tar", "-xf", tarball.toString(), "-C", directory.toString()));
            JsonNode manifest = JSON.readTree(directory.resolve("manifest.json").toFile()).get(0);
            List<Path> layers = new ArrayList<>();
            manifest.get("Layers").forEach(layer -> layers.add(directory.resolve(layer.asText())));
            return new ImageTarball(layers, JSON.readTree(directory.resolve(manifest.get("Config").asText())
                    .toFile()).get("config"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lays the layers one over the other in {@code root}, as a runtime's snapshotter does. */
    Path unpack(Path root) {
        try {
            Files.createDirectories(root);
            for (Path layer : layers) {
                Shell.run(List.of("tar", "-xzf", layer.toString(), "-C", root.toString()));
            }
            // a runtime mounts these over whatever the image has there
            Files.createDirectories(root.resolve("proc"));
            Files.createDirectories(root.resolve("dev"));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> entrypoint() {
        List<String> entrypoint = new ArrayList<>();
        config.path("Entrypoint").forEach(arg -> entrypoint.add(arg.asText()));
        config.path("Cmd").forEach(arg -> entrypoint.add(arg.asText()));
        return entrypoint;
    }

    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        config.path("Env").forEach(variable -> {
            String[] pair = variable.asText().split("=", 2);
            environment.put(pair[0], pair[1]);
        });
        return environment;
    }

    String user() {
        return config.path("User").asText();
    }

    String workingDirectory() {
        return config.path("WorkingDir").asText("/");
    }

    /** The layers' names, which are their digests: equal names are the same bytes, stored once by a registry. */
    List<String> layerNames() {
        return layers.stream().map(layer -> layer.getFileName().toString()).toList();
    }
}
