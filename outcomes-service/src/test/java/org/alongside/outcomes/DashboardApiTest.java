package org.alongside.outcomes;

import static io.restassured.RestAssured.given;
import static org.alongside.outcomes.OutcomesTestSupport.COUNTS;
import static org.alongside.outcomes.OutcomesTestSupport.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.alongside.platform.testing.AlongsideTestResource;
import org.alongside.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alongside_outcomes_test"))
class DashboardApiTest {

    @Test
    void commissionersAndAdminsSeeAggregatesOnly() {
        for (String role : new String[] {"commissioner", "admin"}) {
            Map<String, Object> body = as(role).get("/dashboard/summary").then().statusCode(200)
                    .contentType("application/json")
                    .body("generatedAt", notNullValue())
                    .body("from", nullValue())
                    .extract().as(Map.class);
            Set<String> fields = new TreeSet<>(COUNTS);
            fields.addAll(Set.of("from", "to", "generatedAt"));
            assertEquals(fields, new TreeSet<>(body.keySet()), "counts and the period, never an id");
        }
    }

    @Test
    void thePeriodAskedForIsEchoed() {
        as("commissioner").queryParam("from", "2025-04-01").queryParam("to", "2026-03-31")
                .get("/dashboard/summary").then().statusCode(200)
                .body("from", equalTo("2025-04-01"))
                .body("to", equalTo("2026-03-31"));
        as("commissioner").queryParam("from", "2025-04-01").get("/dashboard/summary").then().statusCode(200)
                .body("from", equalTo("2025-04-01"))
                .body("to", nullValue());
        as("commissioner").queryParam("from", "2025-04-01").queryParam("to", "2025-04-01")
                .get("/dashboard/summary").then().statusCode(200);
    }

    @Test
    void badDatesAreProblemsNamingTheParameter() {
        as("commissioner").queryParam("from", "2024-13-01").get("/dashboard/summary")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("from"))
                .body("detail", containsString("YYYY-MM-DD"));
        as("commissioner").queryParam("to", "31/03/2026").get("/dashboard/summary")
                .then().statusCode(400)
                .body("errors.field", hasItem("to"));
        as("commissioner").queryParam("from", "2025-05-02").queryParam("to", "2025-05-01")
                .get("/dashboard/summary")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("from"))
                .body("detail", containsString("must not be after to"));
    }

    @Test
    void callersMustBeAuthenticated() {
        given().get("/dashboard/summary").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().header("Authorization", Tokens.bearer(Tokens.expired("commissioner"))).get("/dashboard/summary")
                .then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.wronglySigned("commissioner")))
                .get("/dashboard/summary").then().statusCode(401);
    }

    @Test
    void otherRolesMayNotSeeTheDashboard() {
        for (String role : new String[] {"coordinator", "supervisor"}) {
            as(role).get("/dashboard/summary").then().statusCode(403).contentType("application/problem+json");
        }
        given().header("Authorization", Tokens.bearer(Tokens.peerWorker(UUID.randomUUID())))
                .get("/dashboard/summary").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.referrer("B82001")))
                .get("/dashboard/summary").then().statusCode(403);
    }

    @Test
    void theContractIsPublished() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/dashboard/summary'.get.responses.'200'", notNullValue())
                .body("paths.'/dashboard/summary'.get.responses.'400'.content.'application/problem+json'",
                        notNullValue())
                .body("paths.'/dashboard/summary'.get.responses.'403'", notNullValue());
    }
}
