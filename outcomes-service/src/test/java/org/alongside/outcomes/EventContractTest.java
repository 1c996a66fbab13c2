package org.alongside.outcomes;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.alongside.platform.testing.EventContracts;
import org.junit.jupiter.api.Test;

/**
 * The machine-readable contract of the events outcomes-service publishes, served without a token: each type's JSON Schema at
 * its dataschema, and the AsyncAPI document, valid AsyncAPI 3.0 and the same as the repository's copy.
 */
@QuarkusTest
class EventContractTest {

    @Test
    void theAsyncApiDocumentIsValidAndTheRepositoryKeepsIt() {
        String served = given().get("/events/asyncapi.json").then().statusCode(200).extract().asString();
        EventContracts.assertAsyncApiDocument("outcomes-service", served);
    }

    @Test
    void eachPublishedTypeHasItsSchemaAtItsDataschema() {
        JsonPath schema = given().get("/events/schemas/outcome.recorded/1").then().statusCode(200)
                .contentType("application/schema+json").extract().jsonPath();
        assertEquals("http://localhost:8084/events/schemas/outcome.recorded/1", schema.getString("$id"));
        given().get("/events/schemas/referral.received/1").then().statusCode(404);
    }
}
