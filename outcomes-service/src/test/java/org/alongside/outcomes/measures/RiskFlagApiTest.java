package org.alongside.outcomes.measures;

import static io.restassured.RestAssured.given;
import static org.alongside.outcomes.measures.MeasuresTestSupport.PATIENCE;
import static org.alongside.outcomes.measures.MeasuresTestSupport.as;
import static org.alongside.outcomes.measures.MeasuresTestSupport.asPeer;
import static org.alongside.outcomes.measures.MeasuresTestSupport.awaitPeerScope;
import static org.alongside.outcomes.measures.MeasuresTestSupport.knownReferral;
import static org.alongside.outcomes.measures.MeasuresTestSupport.matchAccepted;
import static org.alongside.outcomes.measures.MeasuresTestSupport.measurement;
import static org.alongside.outcomes.measures.MeasuresTestSupport.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.alongside.platform.events.EventTypes;
import org.alongside.platform.events.Topics;
import org.alongside.platform.testing.AlongsideTestResource;
import org.alongside.platform.testing.EventProbe;
import org.alongside.platform.testing.KafkaBroker;
import org.alongside.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/** PHQ-9 item 9 above 0 is a risk signal a person must see: an event, and a flag until a supervisor acknowledges it. */
@QuarkusTest
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = MeasuresTestSupport.DATABASE))
class RiskFlagApiTest {

    @Test
    void phq9Item9AboveZeroRaisesAFlagForTheSupervisorAndAnEventWithoutAnswers() {
        UUID referral = knownReferral();
        UUID peer = UUID.randomUUID();
        matchAccepted(referral, peer, OffsetDateTime.parse("2018-02-20T10:00:00Z"));
        awaitPeerScope(referral, peer);

        String measurement = post(asPeer(peer), measurement(referral, "PHQ9", "BASELINE", 1, 1, 1, 1, 1, 1, 1, 1, 2))
                .statusCode(201).body("riskFlagged", equalTo(true)).extract().path("id");

        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.OUTCOMES)) {
            JsonNode event = probe.await(EventProbe.ofType(EventTypes.RISK_FLAGGED, referral), PATIENCE);
            JsonNode data = event.path("data");
            assertEquals(Set.of("referralId", "measurementId", "instrument", "item", "raisedAt"), fields(data),
                    "which item, never the answers");
            assertEquals(referral.toString(), data.path("referralId").asText());
            assertEquals(measurement, data.path("measurementId").asText());
            assertEquals("PHQ9", data.path("instrument").asText());
            assertEquals(9, data.path("item").asInt());
            assertTrue(data.path("raisedAt").isTextual());
        }

        Map<String, Object> flag = openFlagOf(measurement);
        assertEquals(referral.toString(), flag.get("referralId"));
        assertEquals(peer.toString(), flag.get("peerId"));
        assertEquals(9, flag.get("item"));
        assertEquals("OPEN", flag.get("status"));
        String flagId = (String) flag.get("id");

        as("supervisor").contentType(ContentType.JSON).body(Map.of("note", "Called the person; GP informed"))
                .post("/risk-flags/{id}/acknowledge", flagId).then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedAt", notNullValue())
                .body("acknowledgedBy", equalTo("test-supervisor@alongside.local"))
                .body("note", equalTo("Called the person; GP informed"));
        as("supervisor").queryParam("status", "OPEN").queryParam("size", 200).get("/risk-flags").then()
                .statusCode(200).body("items.id", not(hasItem(flagId)));
        as("coordinator").queryParam("status", "ACKNOWLEDGED").queryParam("size", 200).get("/risk-flags").then()
                .statusCode(200).body("items.id", hasItem(flagId));
        as("admin").contentType(ContentType.JSON).post("/risk-flags/{id}/acknowledge", flagId).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("test-supervisor"));
    }

    @Test
    void noFlagWhenItem9IsZero() {
        UUID referral = knownReferral();
        String measurement = post(as("coordinator"), measurement(referral, "PHQ9", "BASELINE", 3, 3, 3, 3, 3, 3, 3,
                3, 0)).statusCode(201).body("riskFlagged", equalTo(false)).extract().path("id");
        as("supervisor").queryParam("size", 200).get("/risk-flags").then().statusCode(200)
                .body("items.measurementId", not(hasItem(measurement)));
    }

    @Test
    void aFlagIsAcknowledgedWithAnEmptyBodyToo() {
        UUID referral = knownReferral();
        String measurement = post(as("coordinator"), measurement(referral, "PHQ9", "REVIEW", 0, 0, 0, 0, 0, 0, 0, 0,
                1)).statusCode(201).extract().path("id");
        String flagId = (String) openFlagOf(measurement).get("id");
        as("coordinator").contentType(ContentType.JSON).post("/risk-flags/{id}/acknowledge", flagId).then()
                .statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"));
    }

    @Test
    void onlySupervisorsCoordinatorsAndAdminsSeeFlags() {
        given().get("/risk-flags").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.expired("supervisor"))).get("/risk-flags").then()
                .statusCode(401);
        asPeer(UUID.randomUUID()).get("/risk-flags").then().statusCode(403);
        as("commissioner").get("/risk-flags").then().statusCode(403);
        as("commissioner").contentType(ContentType.JSON).post("/risk-flags/{id}/acknowledge", UUID.randomUUID())
                .then().statusCode(403);
        as("supervisor").contentType(ContentType.JSON).post("/risk-flags/{id}/acknowledge", UUID.randomUUID())
                .then().statusCode(404);
        as("supervisor").queryParam("status", "MAYBE").get("/risk-flags").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("status"));
        as("supervisor").queryParam("size", 0).get("/risk-flags").then().statusCode(400)
                .body("errors.field", hasItem("size"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> openFlagOf(String measurementId) {
        List<Map<String, Object>> open = as("supervisor").queryParam("status", "OPEN").queryParam("size", 200)
                .get("/risk-flags").then().statusCode(200).extract().path("items");
        return open.stream().filter(f -> measurementId.equals(f.get("measurementId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no open flag for measurement " + measurementId));
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
