package org.alongside.journey;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every operation of every service's OpenAPI document (as its build stored it, target/openapi/openapi.json) has an
 * {@code operationId}, and no two operations of a document share one: generated clients name their methods after it,
 * so without one they get names like {@code referralsIdAcceptPost} that change whenever a path does. Reads the stored
 * documents only, so it needs no running suite.
 */
class OperationIdTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    @Test
    void everyOperationHasItsOwnOperationId() throws IOException {
        List<String> defects = new ArrayList<>();
        for (Suite.Service service : Suite.Service.values()) {
            Path document = ServiceProcess.root().resolve(service.module + "/target/openapi/openapi.json");
            assertTrue(Files.exists(document), document + " is missing: build the services first (mvn package)");
            JsonNode paths = new ObjectMapper().readTree(document.toFile()).path("paths");
            Map<String, String> owners = new HashMap<>();
            paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
                if (!METHODS.contains(operation.getKey())) {
                    return; // parameters, summary, servers... shared by the path's operations
                }
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                String operationId = operation.getValue().path("operationId").asText("");
                if (operationId.isBlank()) {
                    defects.add(service.module + ": " + name + " has no operationId");
                    return;
                }
                String owner = owners.putIfAbsent(operationId, name);
                if (owner != null) {
                    defects.add(service.module + ": " + name + " and " + owner + " share the operationId "
                            + operationId);
                }
            }));
        }
        assertTrue(defects.isEmpty(), defects.size() + " defects:\n" + String.join("\n", defects));
    }
}
