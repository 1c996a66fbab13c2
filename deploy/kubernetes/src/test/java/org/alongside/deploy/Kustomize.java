package org.alongside.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of Kustomize these manifests use, so that the overlays can be rendered and checked without a kustomize
 * binary: resources (files and directories), namespace, configMapGenerator and secretGenerator (envs, literals), and
 * patches (strategic
 * merge documents and JSON 6902 operations, by target or by the patch's own kind and name). Anything else in a
 * kustomization fails the render, so a new feature cannot slip past the checks unrendered. Where kubectl is
 * installed, {@link ManifestsTest} also compares this rendering with {@code kubectl kustomize}.
 *
 * <p>Strict where Kustomize is: every resource must exist, and every patch must apply to at least one object.
 * Generated ConfigMaps keep their plain name (Kustomize adds a content hash and rewrites the references).
 */
final class Kustomize {

    private static final Set<String> KNOWN_FIELDS = Set.of("apiVersion", "kind", "namespace", "resources",
            "configMapGenerator", "secretGenerator", "patches");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace");

    private Kustomize() {
    }

    static List<ObjectNode> render(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        assertTrue(Files.isRegularFile(file), "no kustomization.yaml in " + directory);
        ObjectNode kustomization = Yaml.documents(file).get(0);
        assertEquals("kustomize.config.k8s.io/v1beta1", kustomization.path("apiVersion").asText(), file.toString());
        assertEquals("Kustomization", kustomization.path("kind").asText(), file.toString());
        kustomization.fieldNames().forEachRemaining(field -> assertTrue(KNOWN_FIELDS.contains(field),
                file + ": the test's renderer does not know '" + field + "'; teach Kustomize.java"));

        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = directory.resolve(resource.asText()).normalize();
            assertTrue(Files.exists(path), file + " lists a resource that does not exist: " + resource.asText());
            objects.addAll(Files.isDirectory(path) ? render(path) : Yaml.documents(path));
        }
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            objects.add(configMap(directory, generator));
        }
        for (JsonNode generator : kustomization.path("secretGenerator")) {
            objects.add(secret(directory, generator));
        }
        for (JsonNode patch : kustomization.path("patches")) {
            applyPatch(directory, patch, objects);
        }
        if (kustomization.has("namespace")) {
            String namespace = kustomization.get("namespace").asText();
            for (ObjectNode object : objects) {
                if (!CLUSTER_SCOPED.contains(object.path("kind").asText())) {
                    ((ObjectNode) object.get("metadata")).put("namespace", namespace);
                }
            }
        }
        return objects;
    }

    private static ObjectNode configMap(Path directory, JsonNode generator) {
        ObjectNode configMap = Yaml.MAPPER.createObjectNode();
        configMap.put("apiVersion", "v1").put("kind", "ConfigMap");
        configMap.putObject("metadata").put("name", generator.path("name").asText());
        ObjectNode data = configMap.putObject("data");
        for (JsonNode env : generator.path("envs")) {
            Path path = directory.resolve(env.asText());
            assertTrue(Files.isRegularFile(path), "configMapGenerator env file missing: " + path);
            for (String line : lines(path)) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int eq = trimmed.indexOf('=');
                assertTrue(eq > 0, path + ": not KEY=VALUE: " + line);
                data.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
            }
        }
        for (JsonNode literal : generator.path("literals")) {
            String text = literal.asText();
            data.put(text.substring(0, text.indexOf('=')), text.substring(text.indexOf('=') + 1));
        }
        generator.fieldNames().forEachRemaining(field -> assertTrue(Set.of("name", "envs", "literals").contains(field),
                "the test's renderer does not know generator field '" + field + "'"));
        return configMap;
    }

    /** As a generated ConfigMap, but a Secret (type Opaque) whose values are base64, as Kustomize writes them. */
    private static ObjectNode secret(Path directory, JsonNode generator) {
        ObjectNode configMap = configMap(directory, generator);
        ObjectNode secret = Yaml.MAPPER.createObjectNode();
        secret.put("apiVersion", "v1").put("kind", "Secret").put("type", "Opaque");
        secret.set("metadata", configMap.get("metadata"));
        ObjectNode data = secret.putObject("data");
        configMap.path("data").fields().forEachRemaining(e -> data.put(e.getKey(), java.util.Base64.getEncoder()
                .encodeToString(e.getValue().asText().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        return secret;
    }

    private static void applyPatch(Path directory, JsonNode patch, List<ObjectNode> objects) {
        String text;
        if (patch.has("path")) {
            Path path = directory.resolve(patch.get("path").asText());
            assertTrue(Files.isRegularFile(path), "patch file missing: " + path);
            text = read(path);
        } else {
            text = patch.path("patch").asText();
        }
        JsonNode body = Yaml.parse(text);
        JsonNode target = patch.path("target");
        if (body.isArray()) {
            assertFalse(target.isMissingNode(), "a JSON 6902 patch needs a target: " + patch);
            List<ObjectNode> matched = select(objects, target);
            assertFalse(matched.isEmpty(), "patch target matches nothing: " + target);
            matched.forEach(object -> json6902(object, (ArrayNode) body));
            return;
        }
        ObjectNode merge = (ObjectNode) body;
        if (target.isMissingNode()) {
            ObjectNode own = Yaml.MAPPER.createObjectNode();
            own.put("kind", merge.path("kind").asText()).put("name", merge.path("metadata").path("name").asText());
            target = own;
        }
        List<ObjectNode> matched = select(objects, target);
        assertEquals(1, matched.size(), "a strategic-merge patch must match exactly one object: " + target);
        for (ObjectNode object : matched) {
            merge(object, merge);
        }
    }

    private static List<ObjectNode> select(List<ObjectNode> objects, JsonNode target) {
        target.fieldNames().forEachRemaining(field -> assertTrue(Set.of("group", "version", "kind", "name").contains(field),
                "the test's renderer does not know patch target field '" + field + "'"));
        List<ObjectNode> matched = new ArrayList<>();
        for (ObjectNode object : objects) {
            String apiVersion = object.path("apiVersion").asText();
            String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
            String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
            if (target.has("group") && !target.get("group").asText().equals(group)
                    || target.has("version") && !target.get("version").asText().equals(version)
                    || target.has("kind") && !target.get("kind").asText().equals(object.path("kind").asText())
                    || target.has("name") && !object.path("metadata").path("name").asText()
                            .matches(target.get("name").asText())) {
                continue;
            }
            matched.add(object);
        }
        return matched;
    }

    /** JSON merge semantics: maps merge, everything else (lists too, as Kustomize does for custom resources) replaces. */
    private static void merge(ObjectNode into, ObjectNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = into.get(field.getKey());
            if (field.getValue().isObject() && existing != null && existing.isObject()) {
                merge((ObjectNode) existing, (ObjectNode) field.getValue());
            } else if (field.getValue().isNull()) {
                into.remove(field.getKey());
            } else {
                into.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }

    private static void json6902(ObjectNode object, ArrayNode operations) {
        for (JsonNode operation : operations) {
            String op = operation.path("op").asText();
            String[] path = operation.path("path").asText().substring(1).split("/");
            JsonNode parent = object;
            for (int i = 0; i < path.length - 1; i++) {
                parent = parent.path(unescape(path[i]));
                assertTrue(parent.isObject(), "JSON 6902 path not found: " + operation + " in " + name(object));
            }
            ObjectNode container = (ObjectNode) parent;
            String last = unescape(path[path.length - 1]);
            switch (op) {
                case "replace" -> {
                    assertTrue(container.has(last), "JSON 6902 replace of a missing field: " + operation + " in " + name(object));
                    container.set(last, operation.get("value").deepCopy());
                }
                case "add" -> container.set(last, operation.get("value").deepCopy());
                case "remove" -> {
                    assertTrue(container.has(last), "JSON 6902 remove of a missing field: " + operation);
                    container.remove(last);
                }
                default -> fail("the test's renderer does not know JSON 6902 op " + op);
            }
        }
    }

    static String name(JsonNode object) {
        return object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path path) {
        try {
            return Files.readAllLines(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
