package org.alongside.platform.testing;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What every service's OpenAPI document keeps to for the clients generated from it, checked by each service's own
 * document test:
 * <ul>
 * <li>no schema name ends in a digit: the scanner numbers a second class of the same simple name
 * ({@code Preferences1}), a name that tells a client nothing and that changes with the order classes are read in;
 * such a class names itself with {@code @Schema(name = ...)};</li>
 * <li>every parameter has a type, or a reference to one: an untyped parameter is an {@code Object} in a generated
 * client, which then sends whatever {@code toString()} gives.</li>
 * </ul>
 */
public final class OpenApiConventions {

    private static final Set<String> TYPED_BY = Set.of("type", "$ref", "oneOf", "anyOf", "allOf");

    private OpenApiConventions() {
    }

    /** Each way the document breaks these conventions, none when it keeps to them. */
    @SuppressWarnings("unchecked")
    public static List<String> defects(JsonPath document) {
        List<String> defects = new ArrayList<>();
        Map<String, Object> schemas = document.getMap("components.schemas");
        if (schemas != null) {
            schemas.keySet().stream().filter(name -> Character.isDigit(name.charAt(name.length() - 1))).sorted()
                    .forEach(name -> defects.add("schema " + name + " has a generated name ending in a digit"));
        }
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        paths.forEach((path, item) -> item.forEach((key, value) -> {
            // a path item holds its operations by method, and may hold parameters common to them
            Object parameters = value instanceof Map<?, ?> operation ? operation.get("parameters") : value;
            if (!(parameters instanceof List<?> list)) {
                return;
            }
            String where = key.equals("parameters") ? path : key.toUpperCase(Locale.ROOT) + " " + path;
            for (Object parameter : list) {
                Map<String, Object> declared = (Map<String, Object>) parameter;
                Object schema = declared.get("schema");
                if (!(schema instanceof Map<?, ?> typed) || typed.keySet().stream().noneMatch(TYPED_BY::contains)) {
                    defects.add(where + ": parameter " + declared.get("name") + " (" + declared.get("in")
                            + ") has no type");
                }
            }
        }));
        return defects;
    }
}
