package org.alongside.referral;

import static io.restassured.RestAssured.given;
import static org.alongside.referral.ReferralTestSupport.as;
import static org.alongside.referral.ReferralTestSupport.referral;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alongside.platform.testing.OpenApiConventions;
import org.junit.jupiter.api.Test;

/** The conventions every service keeps (the integration contract's "Conventions for every service"), here. */
@QuarkusTest
class ApiConventionsTest {

    @Test
    void anUnknownQueryParameterIsRefusedByNameInsteadOfBeingIgnored() {
        as("coordinator").queryParam("colour", "blue").queryParam("status", "RECEIVED").get("/referrals").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("colour"))
                .body("errors[0].message", containsString("unknown query parameter"))
                .body("errors[0].message", containsString("status"));
        // authentication comes first: without a token it is a 401 whatever the parameters
        given().queryParam("colour", "blue").get("/referrals").then().statusCode(401);
    }

    @Test
    void aQueryOrPathParameterThatCannotBeReadIsA400NamingIt() {
        as("coordinator").queryParam("status", "OPENED").get("/referrals").then().statusCode(400)
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", containsString("is not one of [RECEIVED"));
        as("coordinator").queryParam("receivedFrom", "yesterday").get("/referrals").then().statusCode(400)
                .body("errors[0].field", equalTo("receivedFrom"))
                .body("errors[0].message", containsString("is not a date (YYYY-MM-DD)"));
        as("coordinator").queryParam("page", "first").get("/referrals").then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
        as("coordinator").get("/referrals/not-a-uuid").then().statusCode(400)
                .body("errors[0].field", equalTo("id"))
                .body("errors[0].message", equalTo("'not-a-uuid' is not a UUID"));
    }

    @Test
    void aClientThatAcceptsProblemJsonFirstIsServedTheJsonBody() {
        String id = as("coordinator").body(referral("9434765919")).post("/referrals").then().statusCode(201)
                .extract().path("id");
        as("coordinator").accept("application/problem+json").get("/referrals/" + id).then().statusCode(200)
                .contentType("application/json").body("id", equalTo(id));
        as("coordinator").accept("application/problem+json").get("/referrals/" + java.util.UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anUnacceptableMediaTypeOrBodyTypeIsAProblemNotASilentFailure() {
        as("coordinator").accept("text/csv").get("/referrals").then().statusCode(406)
                .contentType("application/problem+json").body("status", equalTo(406));
        as("coordinator").contentType("text/plain").body("hello").post("/referrals").then().statusCode(415)
                .contentType("application/problem+json").body("status", equalTo(415));
        as("coordinator").accept("garbage").get("/referrals").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("Accept"))
                .body("errors[0].message", equalTo("'garbage' is not a list of media types, such as application/json"));
        given().accept("garbage").get("/fhir/metadata").then().statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void aTimeReadsBackExactlyAsItWasFirstReturned() {
        JsonPath created = as("coordinator").body(referral("9434765919")).post("/referrals").then().statusCode(201)
                .extract().jsonPath();
        JsonPath read = as("coordinator").get("/referrals/" + created.getString("id")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(created.getString("receivedAt"), read.getString("receivedAt"));
        assertEquals(created.getString("updatedAt"), read.getString("updatedAt"));
    }

    @Test
    void theDocumentNamesWhereTheServiceIsAndEveryErrorItCanGive() {
        JsonPath openApi = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        assertEquals("http://localhost:8081", openApi.getString("servers[0].url"));
        given().get("/q/openapi?format=json").then()
                .body("paths.'/referrals'.post.responses.keySet()", hasItems("201", "400", "406", "415"))
                .body("paths.'/referrals'.get.responses.'406'.content.'application/problem+json'", notNullValue());
    }

    @Test
    void everyOperationHasAUniqueOperationIdTypedParametersAndEveryListAnswersAPage() {
        JsonPath document = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        Set<String> ids = new HashSet<>();
        List<String> defects = new ArrayList<>(OpenApiConventions.defects(document));
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            Object id = operation.get("operationId");
            if (id == null || !ids.add(id.toString())) {
                defects.add(method + " " + path + ": operationId " + id);
            }
            if ("array".equals(at(operation, "responses", "200", "content", "application/json", "schema", "type"))) {
                defects.add(method + " " + path + ": a bare array, not a Page {items, page, size, total}");
            }
        }));
        assertEquals(List.of(), defects);
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> node, String... keys) {
        Object value = node;
        for (String key : keys) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = ((Map<String, Object>) map).get(key);
        }
        return value;
    }
}
