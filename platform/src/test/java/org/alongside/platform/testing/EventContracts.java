package org.alongside.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Checks on the machine-readable event contract, with the official specifications rather than our own reading of
 * them: JSON Schema 2020-12 for event data, the AsyncAPI 3.0.0 JSON Schema (npm {@code @asyncapi/specs}, which the
 * platform's build installs) for each service's AsyncAPI document, and the copy of that document the repository
 * keeps under {@code docs/asyncapi/}.
 */
public final class EventContracts {

    /** Set to true to write each served AsyncAPI document to docs/asyncapi/ instead of comparing it. */
    public static final String WRITE = "alongside.asyncapi.write";

    private static final SchemaRegistry DRAFT_2020_12 = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();

    private EventContracts() {
    }

    /** Where the repository is: the build says (alongside.root), else the parent of the module's directory. */
    public static Path root() {
        return Path.of(System.getProperty("alongside.root", "..")).toAbsolutePath().normalize();
    }

    /** The violations of {@code instance} against a JSON Schema 2020-12 {@code schema}, formats asserted. */
    public static List<String> violations(String schema, String instance) {
        return violations(COMPILED.computeIfAbsent(schema, text -> DRAFT_2020_12.getSchema(text, InputFormat.JSON)),
                instance);
    }

    /**
     * The same, for a schema that refers to others by absolute URL (the envelope's {@code data} to the schema its
     * dataschema names): {@code resolve} answers a URL with the schema there, or null for the validator's own (the
     * dialect's meta-schemas).
     */
    public static List<String> violations(String schema, String instance, Function<String, String> resolve) {
        return violations(COMPILED.computeIfAbsent(schema, text -> SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12, registry -> registry.schemas(resolve))
                .getSchema(text, InputFormat.JSON)), instance);
    }

    private static List<String> violations(Schema compiled, String instance) {
        return compiled.validate(instance, InputFormat.JSON, execution -> execution.executionConfig(
                config -> config.formatAssertionsEnabled(true))).stream()
                .map(error -> (error.getInstanceLocation().toString().isEmpty() ? "(root)"
                        : error.getInstanceLocation().toString()) + ": " + error.getMessage())
                .toList();
    }

    /** The violations of an AsyncAPI document against the official AsyncAPI 3.0.0 JSON Schema. */
    public static List<String> asyncApiViolations(String document) {
        Schema asyncApi = COMPILED.computeIfAbsent("asyncapi-3.0.0", key -> {
            // the specification's own bundle with local references only
            Path spec = root().resolve("platform/node_modules/@asyncapi/specs/schemas/3.0.0-without-$id.json");
            try {
                return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                        .getSchema(Files.readString(spec), InputFormat.JSON);
            } catch (IOException e) {
                throw new UncheckedIOException(spec + " is missing: the platform's build installs it (npm ci)", e);
            }
        });
        return asyncApi.validate(document, InputFormat.JSON).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage()).toList();
    }

    /**
     * Asserts that a service's served AsyncAPI document is valid AsyncAPI 3.0.0 and the same as the repository's
     * copy, {@code docs/asyncapi/<service>.json}; with {@code -Dalongside.asyncapi.write=true} it writes the copy
     * instead (after a change to the event records or to what the service publishes or reads).
     */
    public static void assertAsyncApiDocument(String service, String served) {
        List<String> violations = asyncApiViolations(served);
        assertTrue(violations.isEmpty(), service + "'s AsyncAPI document is not valid AsyncAPI 3.0.0:\n  "
                + String.join("\n  ", violations));
        Path copy = root().resolve("docs/asyncapi/" + service + ".json");
        try {
            if (Boolean.getBoolean(WRITE)) {
                Files.createDirectories(copy.getParent());
                Files.writeString(copy, served, StandardCharsets.UTF_8);
                return;
            }
            String kept = Files.exists(copy) ? Files.readString(copy, StandardCharsets.UTF_8) : "";
            assertEquals(kept, served, copy + " is not the document " + service + " serves; regenerate it with "
                    + "mvn -pl " + service + " -am test -Dtest=EventContractTest -Dsurefire.failIfNoSpecifiedTests=false"
                    + " -D" + WRITE + "=true");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
