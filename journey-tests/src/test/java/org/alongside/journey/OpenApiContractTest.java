package org.alongside.journey;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every service publishes its contract: each endpoint of the integration contract is in its OpenAPI document,
 * secured, with request and response schemas and its problem responses.
 */
class OpenApiContractTest {

    private static final Map<Suite.Service, List<String>> CONTRACT = Map.of(
            Suite.Service.REFERRAL, List.of("POST /referrals", "GET /referrals", "GET /referrals/{}",
                    "GET /referrals/{}/history", "POST /referrals/{}/accept", "POST /referrals/{}/decline",
                    "POST /referrals/{}/withdraw", "POST /referrals/{}/close"),
            Suite.Service.MATCHING, List.of("POST /peers", "GET /peers", "GET /peers/{}", "PUT /peers/{}",
                    "GET /referrals/{}/proposals", "POST /proposals/{}/accept", "POST /proposals/{}/decline"),
            Suite.Service.SESSION, List.of("POST /sessions", "GET /sessions"),
            Suite.Service.OUTCOMES, List.of("GET /dashboard/summary"));

    private final Suite suite = Suite.get();

    @Test
    void everyServiceDocumentsEveryEndpointWithSchemasAndErrors() {
        List<String> defects = new ArrayList<>();
        for (Suite.Service service : Suite.Service.values()) {
            JsonPath doc = suite.anonymous(service).get("/q/openapi?format=json").then().statusCode(200)
                    .extract().jsonPath();
            Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
            Set<String> documented = new TreeSet<>();
            paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
                String name = method.toUpperCase() + " " + path;
                documented.add(method.toUpperCase() + " " + path.replaceAll("\\{[^}]+}", "{}"));
                check(service, name, operation, defects);
            }));
            for (String endpoint : CONTRACT.get(service)) {
                if (!documented.contains(endpoint)) {
                    defects.add(service.module + ": contract endpoint missing: " + endpoint);
                }
            }
            assertFalse(documented.isEmpty(), service.module + " documents no endpoint");
        }
        assertTrue(defects.isEmpty(), String.join("\n", defects));
    }

    @SuppressWarnings("unchecked")
    private static void check(Suite.Service service, String name, Map<String, Object> operation,
            List<String> defects) {
        Map<String, Object> responses = (Map<String, Object>) operation.getOrDefault("responses", Map.of());
        // the FHIR capability statement and the event contract (schemas, AsyncAPI) need no token
        boolean publicEndpoint = name.equals("GET /fhir/metadata") || name.startsWith("GET /events/");
        if (!publicEndpoint) {
            if (operation.get("security") == null) {
                defects.add(service.module + ": " + name + " is not marked as secured");
            }
            for (String code : List.of("401", "403")) {
                Map<String, Object> response = (Map<String, Object>) responses.get(code);
                if (response == null || response.get("content") == null) {
                    defects.add(service.module + ": " + name + " does not document " + code + " as a problem");
                }
            }
        }
        List<String> success = responses.keySet().stream().filter(code -> code.startsWith("2")).toList();
        if (success.isEmpty()) {
            defects.add(service.module + ": " + name + " documents no success response");
        }
        for (String code : success) {
            Map<String, Object> response = (Map<String, Object>) responses.get(code);
            Map<String, Object> content = (Map<String, Object>) response.get("content");
            if (!"204".equals(code) && (content == null || content.values().stream()
                    .anyMatch(media -> ((Map<String, Object>) media).get("schema") == null))) {
                defects.add(service.module + ": " + name + " response " + code + " has no schema");
            }
        }
        if (operation.containsKey("requestBody")) {
            Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
            Map<String, Object> content = (Map<String, Object>) body.get("content");
            if (content == null || content.values().stream()
                    .anyMatch(media -> ((Map<String, Object>) media).get("schema") == null)) {
                defects.add(service.module + ": " + name + " request body has no schema");
            }
            if (!responses.containsKey("400")) {
                defects.add(service.module + ": " + name + " takes a body but documents no 400");
            }
        }
    }
}
