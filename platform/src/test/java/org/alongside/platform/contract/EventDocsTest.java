package org.alongside.platform.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.alongside.platform.events.EventCatalog;
import org.alongside.platform.events.EventSpec;
import org.alongside.platform.testing.EventContracts;
import org.junit.jupiter.api.Test;

/**
 * docs/events.md agrees with the schemas: each event type and version has a field table there, between the markers
 * {@code <!-- generated:TYPE/VERSION -->} and {@code <!-- end:TYPE/VERSION -->}, generated from its JSON Schema (and
 * so from its record); the prose around the tables is written by hand. After a change to an event record, regenerate
 * the tables (a new type or version gets a section of its own before "Who consumes what", for its prose) with
 * <pre>mvn -pl platform -am test -Dtest=EventDocsTest -Dsurefire.failIfNoSpecifiedTests=false -Dalongside.docs.write=true</pre>
 */
class EventDocsTest {

    private static final Pattern BLOCK = Pattern.compile(
            "<!-- generated:([a-z.-]+)/(\\d+) -->\\n.*?<!-- end:\\1/\\2 -->", Pattern.DOTALL);
    private static final String NEW_SECTIONS_BEFORE = "## Who consumes what";
    private static final String BASE = "https://alongside.example";

    @Test
    void theEventCatalogueHasEveryTypesFieldsAsItsSchemaSays() throws IOException {
        Path file = EventContracts.root().resolve("docs/events.md");
        String docs = Files.readString(file, StandardCharsets.UTF_8);
        String generated = regenerate(docs);
        if (Boolean.getBoolean("alongside.docs.write")) {
            Files.writeString(file, generated, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(docs, generated, "docs/events.md disagrees with the event schemas (first difference: "
                + firstDifference(docs, generated) + "); regenerate its tables with mvn -pl platform -am test "
                + "-Dtest=EventDocsTest -Dsurefire.failIfNoSpecifiedTests=false -Dalongside.docs.write=true");
    }

    @Test
    void aTableSaysWhatIsRequiredTheVocabulariesAndTheConstraints() {
        String table = table(EventCatalog.find("match.proposed", 1).orElseThrow());
        assertTrue(table.contains("| `proposals` | array of object | yes | at least 1 |"), table);
        assertTrue(table.contains("| `proposals[].peerId` | uuid | yes | |"), table);
        String session = table(EventCatalog.find("session.recorded", 2).orElseThrow());
        assertTrue(session.contains("| `setting` | `ONE_TO_ONE` \\| `GROUP` | yes | |"), session);
        assertTrue(session.contains("| `durationMinutes` | integer | | minimum 0 |"), session);
    }

    /** The docs with every table as generated now, tables of types no longer in the catalogue removed. */
    static String regenerate(String docs) {
        Set<String> present = new HashSet<>();
        StringBuilder out = new StringBuilder();
        Matcher block = BLOCK.matcher(docs);
        while (block.find()) {
            EventSpec<?> spec = EventCatalog.find(block.group(1), Integer.parseInt(block.group(2))).orElse(null);
            present.add(block.group(1) + "/" + block.group(2));
            block.appendReplacement(out, Matcher.quoteReplacement(spec == null ? "" : marked(spec)));
        }
        block.appendTail(out);
        String result = out.toString();
        StringBuilder added = new StringBuilder();
        for (EventSpec<?> spec : EventCatalog.all()) {
            if (!present.contains(spec.type() + "/" + spec.version())) {
                added.append("### `").append(spec.type()).append("` version ").append(spec.version())
                        .append("\n\n").append(marked(spec)).append("\n\n");
            }
        }
        int at = result.indexOf(NEW_SECTIONS_BEFORE);
        return added.isEmpty() || at < 0 ? result : result.substring(0, at) + added + result.substring(at);
    }

    private static String marked(EventSpec<?> spec) {
        String id = spec.type() + "/" + spec.version();
        return "<!-- generated:" + id + " -->\n" + table(spec) + "<!-- end:" + id + " -->";
    }

    /** The field table of one type and version, from its schema. */
    static String table(EventSpec<?> spec) {
        JsonNode schema = EventSchemas.data(spec, BASE);
        StringBuilder table = new StringBuilder();
        table.append("**Version ").append(spec.version()).append("** on `").append(spec.topic()).append("`, keyed by `")
                .append(spec.subjectField()).append("`; schema: `/events/schemas/").append(spec.type()).append('/')
                .append(spec.version()).append("`.\n\n");
        table.append(row("field", "type", "required", "constraints")).append("|---|---|---|---|\n");
        rows(schema, "", table);
        return table.toString();
    }

    private static void rows(JsonNode object, String prefix, StringBuilder table) {
        Set<String> required = new HashSet<>();
        object.path("required").forEach(name -> required.add(name.asText()));
        object.path("properties").properties().forEach(property -> {
            String name = prefix + property.getKey();
            JsonNode schema = property.getValue();
            table.append(row("`" + name + "`", type(schema), required.contains(property.getKey()) ? "yes" : "",
                    constraints(schema)));
            if (schema.has("properties")) {
                rows(schema, name + ".", table);
            } else if (schema.path("items").has("properties")) {
                rows(schema.path("items"), name + "[].", table);
            }
        });
    }

    private static String row(String... cells) {
        StringBuilder row = new StringBuilder("|");
        for (String cell : cells) {
            row.append(cell.isEmpty() ? " " : " " + cell + " ").append('|');
        }
        return row.append('\n').toString();
    }

    private static String type(JsonNode schema) {
        if (schema.has("enum")) {
            return String.join(" \\| ", StreamSupport.stream(schema.get("enum").spliterator(), false)
                    .map(value -> "`" + value.asText() + "`").toList());
        }
        String type = schema.path("type").asText("");
        return switch (type) {
            case "" -> "number or object";
            case "string" -> schema.has("format") ? schema.get("format").asText() : "string";
            case "array" -> "array of " + type(schema.path("items"));
            case "object" -> schema.has("additionalProperties")
                    ? "object of " + type(schema.get("additionalProperties")) : "object";
            default -> type;
        };
    }

    private static String constraints(JsonNode schema) {
        List<String> constraints = new ArrayList<>();
        if (schema.has("minimum")) {
            constraints.add("minimum " + schema.get("minimum").asText());
        }
        if (schema.has("maximum")) {
            constraints.add("maximum " + schema.get("maximum").asText());
        }
        if (schema.has("minLength")) {
            constraints.add("not blank");
        }
        if (schema.has("minItems")) {
            constraints.add("at least " + schema.get("minItems").asText());
        }
        if (schema.has("pattern")) {
            constraints.add("pattern `" + schema.get("pattern").asText().replace("|", "\\|") + "`");
        }
        return String.join(", ", constraints);
    }

    private static String firstDifference(String a, String b) {
        String[] left = a.split("\n", -1);
        String[] right = b.split("\n", -1);
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            if (!left[i].equals(right[i])) {
                return "line " + (i + 1) + ": '" + left[i] + "' should be '" + right[i] + "'";
            }
        }
        return "line " + (Math.min(left.length, right.length) + 1);
    }
}
