package org.alongside.outcomes.measures;

import static io.restassured.RestAssured.given;
import static org.alongside.outcomes.measures.MeasuresTestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.alongside.platform.testing.AlongsideTestResource;
import org.alongside.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/** Link-worker tools render their forms from the served definitions. */
@QuarkusTest
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = MeasuresTestSupport.DATABASE))
class InstrumentApiTest {

    @Test
    void everyAuthenticatedRoleReadsTheDefinitions() {
        for (String role : List.of("referrer", "coordinator", "peer-worker", "supervisor", "commissioner", "admin")) {
            as(role).get("/instruments").then().statusCode(200)
                    .body("code", equalTo(List.of("SWEMWBS", "WEMWBS", "ONS4", "PHQ9", "GAD7", "SEMCD6", "UCLA3",
                            "PAM", "EQ5D5L", "SERVICE_USE")));
        }
        given().header("Authorization", Tokens.bearer(Tokens.peerWorker(UUID.randomUUID()))).get("/instruments")
                .then().statusCode(200);
    }

    @Test
    void aDefinitionCarriesWhatAFormAndItsReaderNeed() {
        as("peer-worker").get("/instruments/SWEMWBS").then().statusCode(200)
                .body("items", hasSize(7))
                .body("items[0].text", equalTo("Optimistic about the future"))
                .body("items[0].min", equalTo(1))
                .body("items[0].max", equalTo(5))
                .body("answerOptions[0].label", equalTo("None of the time"))
                .body("scoring.method", equalTo("CONVERSION_TABLE"))
                .body("scoring.conversion", hasSize(29))
                .body("scoring.conversion[18].raw", equalTo(25))
                .body("scoring.conversion[18].score", equalTo(22.35f))
                .body("meaningfulChange.value", equalTo(2.87f))
                .body("meaningfulChange.configKey", equalTo("alongside.outcomes.thresholds.SWEMWBS"))
                .body("copyright", equalTo(
                        "(c) NHS Health Scotland, University of Warwick and University of Edinburgh, 2008"));
        as("coordinator").get("/instruments/PHQ9").then().statusCode(200)
                .body("bands.code", equalTo(List.of("NONE_MINIMAL", "MILD", "MODERATE", "MODERATELY_SEVERE",
                        "SEVERE")))
                .body("meaningfulChange.value", equalTo(6))
                .body("caseness.value", equalTo(10))
                .body("riskItems[0].item", equalTo(9));
        as("coordinator").get("/instruments/WEMWBS").then().statusCode(200)
                .body("meaningfulChange.value", equalTo(3))
                .body("meaningfulChange.verified", equalTo(false));
        as("coordinator").get("/instruments/PAM").then().statusCode(200)
                .body("items", hasSize(0))
                .body("scoring.method", equalTo("ENTERED"))
                .body("bands[1].min", equalTo(47.1f));
        as("coordinator").get("/instruments/UCLA3").then().statusCode(200)
                .body("caseness.value", nullValue())
                .body("caseness.configKey", equalTo("alongside.outcomes.caseness.UCLA3"));
    }

    @Test
    void anUnknownInstrumentIsNotFound() {
        as("coordinator").get("/instruments/BECK").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void definitionsNeedAToken() {
        given().get("/instruments").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.expired("coordinator"))).get("/instruments").then()
                .statusCode(401);
    }
}
