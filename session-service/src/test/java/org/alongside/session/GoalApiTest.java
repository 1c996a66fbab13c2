package org.alongside.session;

import static org.alongside.session.SessionTestSupport.as;
import static org.alongside.session.SessionTestSupport.asPeer;
import static org.alongside.session.SessionTestSupport.asSupervisor;
import static org.alongside.session.SessionTestSupport.matchedWithSession;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.events.Topics;
import org.alongside.platform.testing.AlongsideTestResource;
import org.alongside.platform.testing.EventProbe;
import org.alongside.platform.testing.KafkaBroker;
import org.junit.jupiter.api.Test;

/** The person's own goals: in their words, rated over time, published without the words. */
@QuarkusTest
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alongside_session_test"))
class GoalApiTest {

    private static final String WORDS = "Walk to the corner shop without stopping";

    @Test
    void aPeerSetsAGoalInThePersonsWordsAndRecordsProgressOverTime() {
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        matchedWithSession(referral, peer);

        String goal = asPeer(peer).body(Map.of("text", "  " + WORDS + " ", "focus", "DAILY_MANAGEMENT", "rating", 3))
                .post("/referrals/" + referral + "/goals").then().statusCode(201)
                .body("text", equalTo(WORDS)).body("status", equalTo("NOT_STARTED"))
                .body("latestRating", equalTo(3)).extract().path("id");
        asPeer(peer).body(Map.of("rating", 5, "status", "IN_PROGRESS")).post("/goals/" + goal + "/progress").then()
                .statusCode(200).body("status", equalTo("IN_PROGRESS")).body("latestRating", equalTo(5));
        asPeer(peer).body(Map.of("rating", 8)).post("/goals/" + goal + "/progress").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        asPeer(peer).body(Map.of("status", "ACHIEVED")).post("/goals/" + goal + "/progress").then().statusCode(200)
                .body("status", equalTo("ACHIEVED")).body("latestRating", equalTo(8))
                .body("progress.rating", contains(3, 5, 8, null))
                .body("progress.status", contains("NOT_STARTED", "IN_PROGRESS", "IN_PROGRESS", "ACHIEVED"));

        asPeer(peer).get("/referrals/" + referral + "/goals").then().statusCode(200)
                .body("items.id", contains(goal)).body("items[0].text", equalTo(WORDS));
        as("coordinator").get("/referrals/" + referral + "/goals").then().body("items[0].text", equalTo(WORDS));
        // a supervisor not assigned to the peer: outside their scope; admins see the plan's shape, not the words
        asSupervisor("sup-" + UUID.randomUUID()).get("/referrals/" + referral + "/goals").then().statusCode(404);
        asSupervisor("sup-" + UUID.randomUUID()).get("/goals/" + goal).then().statusCode(404);
        as("admin").get("/referrals/" + referral + "/goals").then().statusCode(200)
                .body("items[0]", not(hasKey("text"))).body("items[0].status", equalTo("ACHIEVED"));

        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.SESSIONS)) {
            JsonNode created = probe.await(r -> EventProbe.ofType("goal.updated", referral).test(r)
                    && r.value().path("data").path("created").asBoolean(), Duration.ofSeconds(60)).path("data");
            assertEquals(goal, created.path("goalId").asText());
            assertEquals("DAILY_MANAGEMENT", created.path("focus").asText());
            assertEquals("NOT_STARTED", created.path("status").asText());
            assertEquals(3, created.path("rating").asInt());
            JsonNode achieved = probe.await(r -> EventProbe.ofType("goal.updated", referral).test(r)
                    && "ACHIEVED".equals(r.value().path("data").path("status").asText()), Duration.ofSeconds(60));
            assertFalse(achieved.path("data").has("rating"), "no rating was given with this update");
            for (var record : probe.all(Duration.ofSeconds(1))) {
                assertFalse(record.value() != null && record.value().toString().contains("corner shop"),
                        "an event leaks the goal's words: " + record.value());
            }
        }
    }

    @Test
    void aChangedGoalTakesNoMoreProgressAndEmptyOrOverlongWordsAreRefused() {
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        matchedWithSession(referral, peer);
        String goal = asPeer(peer).body(Map.of("text", "Swim again", "focus", "DAILY_MANAGEMENT"))
                .post("/referrals/" + referral + "/goals").then().statusCode(201).extract().path("id");
        asPeer(peer).body(Map.of("status", "CHANGED")).post("/goals/" + goal + "/progress").then().statusCode(200);
        asPeer(peer).body(Map.of("rating", 6)).post("/goals/" + goal + "/progress").then().statusCode(409)
                .contentType("application/problem+json");

        for (String text : new String[] {"", "   "}) {
            asPeer(peer).body(Map.of("text", text, "focus", "DAILY_MANAGEMENT"))
                    .post("/referrals/" + referral + "/goals").then().statusCode(400).body("errors.field", hasItem("text"));
        }
        asPeer(peer).body(Map.of("text", "x".repeat(501), "focus", "DAILY_MANAGEMENT"))
                .post("/referrals/" + referral + "/goals").then().statusCode(400).body("errors.field", hasItem("text"));
        Map<String, Object> noFocus = new HashMap<>(Map.of("text", "Sleep better"));
        asPeer(peer).body(noFocus).post("/referrals/" + referral + "/goals").then().statusCode(400)
                .body("errors.field", hasItem("focus"));
        asPeer(peer).body(Map.of("text", "Sleep better", "focus", "SLEEP")).post("/referrals/" + referral + "/goals")
                .then().statusCode(400).body("errors.field", hasItem("focus"));
        asPeer(peer).body(Map.of("text", "Sleep better", "focus", "DAILY_MANAGEMENT", "rating", 0))
                .post("/referrals/" + referral + "/goals").then().statusCode(400).body("errors.field", hasItem("rating"));
        asPeer(peer).body(Map.of()).post("/goals/" + goal + "/progress").then().statusCode(400);
        asPeer(peer).body(Map.of("rating", 11)).post("/goals/" + goal + "/progress").then().statusCode(400)
                .body("errors.field", hasItem("rating"));

        as("coordinator").get("/referrals/" + referral + "/goals").then().body("items", hasSize(1))
                .body("items[0].progress", hasSize(2));
    }

    @Test
    void goalsAreForThePeersOwnClientsAndKnownReferrals() {
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        matchedWithSession(referral, peer);
        String goal = asPeer(peer).body(Map.of("text", "Cook one meal a week", "focus", "DAILY_MANAGEMENT"))
                .post("/referrals/" + referral + "/goals").then().statusCode(201).extract().path("id");

        UUID other = UUID.randomUUID();
        asPeer(other).body(Map.of("text", "x", "focus", "DAILY_MANAGEMENT")).post("/referrals/" + referral + "/goals")
                .then().statusCode(404);
        asPeer(other).get("/referrals/" + referral + "/goals").then().statusCode(404);
        asPeer(other).get("/goals/" + goal).then().statusCode(404);
        asPeer(other).body(Map.of("rating", 4)).post("/goals/" + goal + "/progress").then().statusCode(404);
        as("coordinator").body(Map.of("text", "x", "focus", "DAILY_MANAGEMENT"))
                .post("/referrals/" + UUID.randomUUID() + "/goals").then().statusCode(404);
        as("commissioner").get("/referrals/" + referral + "/goals").then().statusCode(403);
        as("supervisor").body(Map.of("text", "x", "focus", "DAILY_MANAGEMENT"))
                .post("/referrals/" + referral + "/goals").then().statusCode(403);
        as("coordinator").body(Map.of("rating", 4, "sessionId", UUID.randomUUID().toString()))
                .post("/goals/" + goal + "/progress").then().statusCode(400).body("errors.field", hasItem("sessionId"));
        as("coordinator").get("/goals/" + goal).then().statusCode(200)
                .body("progress", hasSize(1)); // nothing written by the refused updates
    }
}
