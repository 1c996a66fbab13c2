package org.alongside.session;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alongside.platform.testing.AlongsideTestResource;
import org.alongside.platform.testing.OpenApiConventions;
import org.junit.jupiter.api.Test;

/**
 * Every operation of this service is documented for integrators: what it does, that it is secured, its schemas and
 * its errors as problems, with names and typed parameters a generated client can use. (Operations the platform
 * library contributes are its own to document, and keep to the same conventions.)
 */
@QuarkusTest
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alongside_session_test"))
class OpenApiDocumentTest {

    private static final List<String> OUR_TAGS = List.of("Sessions", "Groups", "Goals (wellness plan)", "Signposting",
            "Safeguarding", "Peer supervision", "Caseload", "Supervisors", "Alerts");

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasASummarySecuritySchemasAndProblemAnswers() {
        JsonPath doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        List<String> defects = new ArrayList<>(OpenApiConventions.defects(doc));
        java.util.Set<Object> operationIds = new java.util.HashSet<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            List<String> tags = (List<String>) operation.getOrDefault("tags", List.of());
            if (tags.stream().noneMatch(OUR_TAGS::contains)) {
                return;
            }
            String name = method.toUpperCase() + " " + path;
            Map<String, Object> responses = (Map<String, Object>) operation.getOrDefault("responses", Map.of());
            if (operation.get("operationId") == null) {
                defects.add(name + " has no operationId");
            } else if (!operationIds.add(operation.get("operationId"))) {
                defects.add(name + " repeats operationId " + operation.get("operationId"));
            }
            if (operation.get("summary") == null) {
                defects.add(name + " has no summary");
            }
            // the event contracts (/events/*) are public, as /q/openapi is
            boolean secured = !path.startsWith("/events/");
            if (secured && operation.get("security") == null) {
                defects.add(name + " is not marked as secured");
            }
            for (String code : secured ? List.of("401", "403") : List.<String>of()) {
                if (!responses.containsKey(code)) {
                    defects.add(name + " does not document " + code);
                }
            }
            if (operation.containsKey("requestBody") && !responses.containsKey("400")) {
                defects.add(name + " takes a body but documents no 400");
            }
            responses.forEach((code, response) -> {
                Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) response).get("content");
                if (code.startsWith("2") && (content == null || content.values().stream()
                        .anyMatch(media -> ((Map<String, Object>) media).get("schema") == null))) {
                    defects.add(name + " response " + code + " has no schema");
                }
                if (code.startsWith("4") && !code.equals("413") && (content == null
                        || !content.containsKey("application/problem+json"))) {
                    defects.add(name + " response " + code + " is not a problem");
                }
            });
        }));
        for (String expected : List.of("/sessions", "/sessions/{id}/versions", "/sessions/{id}/entered-in-error",
                "/groups/{id}/meetings", "/referrals/{referralId}/goals", "/goals/{goalId}/progress",
                "/referrals/{referralId}/signposting", "/safeguarding/concerns", "/safeguarding/concerns/{id}/close",
                "/peers/{peerId}/supervisor", "/supervision/overdue", "/caseload",
                "/caseload/summaries")) {
            if (!paths.containsKey(expected)) {
                defects.add("missing " + expected);
            }
        }
        assertTrue(defects.isEmpty(), String.join("\n", defects));
    }
}
