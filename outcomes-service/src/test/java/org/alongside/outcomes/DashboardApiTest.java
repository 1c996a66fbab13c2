package org.alongside.outcomes;

import static io.restassured.RestAssured.given;
import static org.alongside.outcomes.OutcomesTestSupport.COUNTS;
import static org.alongside.outcomes.OutcomesTestSupport.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.alongside.outcomes.dashboard.Dimension;
import org.alongside.platform.testing.AlongsideTestResource;
import org.alongside.platform.testing.OpenApiConventions;
import org.alongside.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alongside_outcomes_dash_test"))
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
            // the period, groupBy and breakdown only when asked for
            fields.addAll(Set.of("generatedAt", "disclosureControl", "referrals", "waitingTimes", "engagement",
                    "outcomes", "safeguarding", "delivery"));
            assertEquals(fields, new TreeSet<>(body.keySet()), "figures and the period, never an id");
            assertEquals(Map.of("applied", true, "threshold", 7, "roundingBase", 5, "suppressedMarker", "*"),
                    body.get("disclosureControl"), "disclosure control is on unless configuration says otherwise");
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
    void anUnknownBreakdownIsAProblemNamingTheParameter() {
        for (String path : new String[] {"/dashboard/summary", "/dashboard/summary.csv"}) {
            as("commissioner").queryParam("groupBy", "postcode").get(path)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("groupBy"))
                    .body("detail", containsString("referrerType, referrerOrganisation, conditionGroup, imdDecile, "
                            + "ageBand, gender"));
        }
        as("commissioner").queryParam("from", "2025-04-01x").get("/dashboard/summary.csv")
                .then().statusCode(400).body("errors.field", hasItem("from"));
    }

    @Test
    void everyBreakdownAnswers() {
        for (String groupBy : new String[] {"referrerType", "referrerOrganisation", "conditionGroup", "imdDecile",
                "ageBand", "gender", "ethnicity"}) {
            as("commissioner").queryParam("groupBy", groupBy).get("/dashboard/summary").then().statusCode(200)
                    .body("groupBy", equalTo(groupBy))
                    .body("breakdown.dimension", equalTo(groupBy))
                    .body("breakdown.rows", notNullValue());
        }
    }

    @Test
    void theCsvHasOneFigurePerRow() {
        String csv = as("commissioner").queryParam("from", "2019-01-01").queryParam("to", "2019-01-31")
                .get("/dashboard/summary.csv").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("alongside-summary-from-2019-01-01-to-2019-01-31.csv"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("section,key,label,measure,value", lines[0]);
        assertTrue(csv.contains("\r\nreferrals,,,referralsReceived,0\r\n"), csv);
        assertTrue(csv.contains("\r\nabout,disclosureControl,,applied,true\r\n"), csv);
    }

    @Test
    void onlyAdminsRebuildTheReadModel() {
        given().post("/admin/read-model/rebuild").then().statusCode(401);
        as("commissioner").post("/admin/read-model/rebuild").then().statusCode(403)
                .contentType("application/problem+json");
        as("commissioner").get("/admin/read-model/rebuild").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.expired("admin"))).get("/admin/read-model/rebuild")
                .then().statusCode(401);
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
        JsonPath document = given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/dashboard/summary'.get.responses.'200'", notNullValue())
                .body("paths.'/dashboard/summary'.get.responses.'400'.content.'application/problem+json'",
                        notNullValue())
                .body("paths.'/dashboard/summary'.get.responses.'403'", notNullValue())
                .body("paths.'/dashboard/summary'.get.parameters.name", hasItem("groupBy"))
                // every breakdown the summary answers, as generated clients take it
                .body("paths.'/dashboard/summary'.get.parameters.find { it.name == 'groupBy' }.schema.enum",
                        equalTo(Arrays.stream(Dimension.values()).map(Dimension::parameter).toList()))
                .body("paths.'/dashboard/summary.csv'.get.responses.'200'.content", notNullValue())
                // figures only: the page is the console's, and no operation takes the token in its URL
                .body("paths", not(hasKey("/dashboard")))
                .body("paths.'/dashboard/summary.csv'.get.parameters.name", not(hasItem("access_token")))
                .body("paths.'/admin/read-model/rebuild'.post.responses.'202'", notNullValue())
                .body("components.schemas.Figure.description", containsString("{\"suppressed\": true}"))
                .extract().jsonPath();
        assertEquals(List.of(), OpenApiConventions.defects(document));
        // groupBy offers exactly the dimensions the figures can be broken down by, in JSON and CSV alike
        List<String> dimensions = Arrays.stream(Dimension.values()).map(Dimension::parameter).toList();
        for (String path : List.of("/dashboard/summary", "/dashboard/summary.csv")) {
            assertEquals(dimensions, document.getList("paths.'" + path
                    + "'.get.parameters.find { it.name == 'groupBy' }.schema.enum"), path);
        }
    }
}
