package org.alongside.session;

import static org.alongside.session.SessionTestSupport.as;
import static org.alongside.session.SessionTestSupport.asPeer;
import static org.alongside.session.SessionTestSupport.matchedWithSession;
import static org.alongside.session.SessionTestSupport.session;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.events.Topics;
import org.alongside.platform.testing.AlongsideTestResource;
import org.alongside.platform.testing.EventProbe;
import org.alongside.platform.testing.KafkaBroker;
import org.junit.jupiter.api.Test;

/** A session records, in one go, what came out of it: signposting, a safeguarding concern, goals reviewed. */
@QuarkusTest
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alongside_session_test"))
class SessionWithOutcomesTest {

    private static final String WHAT_HAPPENED = "Said her son takes her pension and she has no food in";

    @Test
    void aSessionLinksResourcesRaisesAConcernAndReviewsGoals() {
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        matchedWithSession(referral, peer);
        String goal = asPeer(peer).body(Map.of("text", "Get to the walking group on Thursdays",
                "focus", "COMMUNITY_CONNECTION")).post("/referrals/" + referral + "/goals").then().statusCode(201)
                .extract().path("id");

        Map<String, Object> body = session(referral, peer);
        body.put("placeType", "HOME");
        // ISO with its seconds always written, as the service answers: toString() leaves ":00" out
        body.put("nextSessionAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(SessionTestSupport.now().plusDays(7)));
        body.put("signposting", List.of(
                Map.of("name", "Hyde Park walking group", "category", "PHYSICAL_ACTIVITY",
                        "orukServiceId", "leeds:svc-4411"),
                Map.of("name", "Citizens Advice Leeds", "category", "WELFARE_BENEFITS_AND_MONEY")));
        body.put("safeguardingConcern", Map.of("category", "FINANCIAL_ABUSE", "description", WHAT_HAPPENED,
                "immediateRisk", false));
        body.put("goalProgress", List.of(Map.of("goalId", goal, "rating", 4, "status", "IN_PROGRESS")));
        Response created = asPeer(peer).body(body).post("/sessions");
        created.then().statusCode(201)
                .body("placeType", equalTo("HOME"))
                .body("signposting.name", contains("Hyde Park walking group", "Citizens Advice Leeds"))
                .body("signposting[0].orukServiceId", equalTo("leeds:svc-4411"))
                .body("signposting[1].takeUp", equalTo("NOT_KNOWN"))
                .body("safeguardingConcernIds", hasSize(1));
        String sessionId = created.path("id");
        String concernId = created.path("safeguardingConcernIds[0]");

        asPeer(peer).get("/sessions/" + sessionId).then().body("signposting", hasSize(2))
                .body("safeguardingConcernIds", contains(concernId))
                .body("nextSessionAt", equalTo(body.get("nextSessionAt")));
        asPeer(peer).get("/goals/" + goal).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("latestRating", equalTo(4))
                .body("progress.sessionId", hasItem(sessionId));
        as("coordinator").get("/safeguarding/concerns/" + concernId).then().statusCode(200)
                .body("category", equalTo("FINANCIAL_ABUSE")).body("status", equalTo("OPEN"))
                .body("sessionId", equalTo(sessionId)).body("peerId", equalTo(peer.toString()))
                .body("description", equalTo(WHAT_HAPPENED));

        // take-up is learned later
        String citizensAdvice = asPeer(peer).get("/referrals/" + referral + "/signposting").then().statusCode(200)
                .body("items", hasSize(2)).extract().path("items.find { it.name == 'Citizens Advice Leeds' }.id");
        asPeer(peer).body(Map.of("takeUp", "TAKEN_UP")).put("/signposting/" + citizensAdvice + "/take-up").then()
                .statusCode(200).body("takeUp", equalTo("TAKEN_UP"))
                .body("takeUpUpdatedBy", containsString("peer-worker"));
        asPeer(peer).body(Map.of("takeUp", "PERHAPS")).put("/signposting/" + citizensAdvice + "/take-up").then()
                .statusCode(400).body("errors.field", hasItem("takeUp"));
        asPeer(UUID.randomUUID()).body(Map.of("takeUp", "NOT_TAKEN_UP"))
                .put("/signposting/" + citizensAdvice + "/take-up").then().statusCode(404);

        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.SESSIONS)) {
            JsonNode raised = probe.await(EventProbe.ofType("safeguarding.raised", referral), Duration.ofSeconds(60));
            JsonNode data = raised.path("data");
            assertEquals(concernId, data.path("concernId").asText());
            assertEquals(sessionId, data.path("sessionId").asText());
            assertEquals(peer.toString(), data.path("peerId").asText());
            assertEquals("FINANCIAL_ABUSE", data.path("category").asText());
            assertFalse(raised.toString().contains("pension"), "the event leaks what happened: " + raised);
            assertFalse(data.has("description"));

            JsonNode reviewed = probe.await(r -> EventProbe.ofType("goal.updated", referral).test(r)
                    && sessionId.equals(r.value().path("data").path("sessionId").asText()), Duration.ofSeconds(60));
            assertEquals(goal, reviewed.path("data").path("goalId").asText());
            assertEquals(4, reviewed.path("data").path("rating").asInt());
            assertEquals("IN_PROGRESS", reviewed.path("data").path("status").asText());
            assertFalse(reviewed.toString().contains("walking group"), "the event leaks the goal's words");

            // each resource announced by its kind when linked, and again when its take-up changed; never its name
            JsonNode takenUp = probe.await(r -> EventProbe.ofType("signposting.updated", referral).test(r)
                    && "TAKEN_UP".equals(r.value().path("data").path("takeUp").asText()), Duration.ofSeconds(60));
            assertEquals(citizensAdvice, takenUp.path("data").path("signpostingId").asText());
            assertEquals("WELFARE_BENEFITS_AND_MONEY", takenUp.path("data").path("category").asText());
            List<JsonNode> linked = probe.all(Duration.ofSeconds(1)).stream().map(r -> r.value())
                    .filter(e -> "signposting.updated".equals(e.path("type").asText())
                            && referral.toString().equals(e.path("subject").asText()))
                    .toList();
            assertEquals(3, linked.size(), "two linked, one taken up: " + linked);
            assertEquals(2, linked.stream().filter(e -> "NOT_KNOWN".equals(e.path("data").path("takeUp").asText()))
                    .count());
            assertFalse(linked.toString().contains("Citizens Advice") || linked.toString().contains("Hyde Park"),
                    "the events leak the resources' names: " + linked);
        }
    }

    @Test
    void oneBadPartRefusesTheWholeSessionAndWritesNothing() {
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        String first = matchedWithSession(referral, peer);
        String otherReferralsGoal = otherReferralsGoal();

        Map<String, Object> wrongGoal = session(referral, peer);
        wrongGoal.put("signposting", List.of(Map.of("name", "Men's Shed", "category", "BEFRIENDING_AND_SOCIAL")));
        wrongGoal.put("safeguardingConcern", Map.of("category", "SELF_NEGLECT", "description", "Not eating",
                "immediateRisk", false));
        wrongGoal.put("goalProgress", List.of(Map.of("goalId", otherReferralsGoal, "rating", 5)));
        asPeer(peer).body(wrongGoal).post("/sessions").then().statusCode(400)
                .body("errors.field", hasItem("goalProgress[0].goalId"));

        Map<String, Object> emptyConcern = session(referral, peer);
        emptyConcern.put("safeguardingConcern", Map.of("category", "SELF_NEGLECT", "description", " ",
                "immediateRisk", false));
        asPeer(peer).body(emptyConcern).post("/sessions").then().statusCode(400)
                .body("errors.field", hasItem("safeguardingConcern.description"));
        Map<String, Object> unknownCategory = session(referral, peer);
        unknownCategory.put("safeguardingConcern", Map.of("category", "GOSSIP", "description", "x",
                "immediateRisk", false));
        asPeer(peer).body(unknownCategory).post("/sessions").then().statusCode(400)
                .body("errors.field", hasItem("safeguardingConcern.category"));
        Map<String, Object> nameless = session(referral, peer);
        nameless.put("signposting", List.of(Map.of("name", "", "category", "HOUSING")));
        asPeer(peer).body(nameless).post("/sessions").then().statusCode(400)
                .body("errors.field", hasItem("signposting[0].name"));
        Map<String, Object> badRating = session(referral, peer);
        badRating.put("goalProgress", List.of(Map.of("goalId", otherReferralsGoal, "rating", 11)));
        asPeer(peer).body(badRating).post("/sessions").then().statusCode(400)
                .body("errors.field", hasItem("goalProgress[0].rating"));
        Map<String, Object> phoneAtHome = session(referral, peer);
        phoneAtHome.put("medium", "TELEPHONE");
        phoneAtHome.put("placeType", "HOME");
        asPeer(peer).body(phoneAtHome).post("/sessions").then().statusCode(400)
                .body("errors.field", hasItem("placeType"));

        as("coordinator").get("/sessions?referralId=" + referral).then().body("items.id", contains(first));
        as("coordinator").get("/referrals/" + referral + "/signposting").then().body("items", hasSize(0));
        as("coordinator").get("/safeguarding/concerns?referralId=" + referral).then().body("items", hasSize(0));
    }

    private static String otherReferralsGoal() {
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        matchedWithSession(referral, peer);
        return asPeer(peer).body(Map.of("text", "Sleep better", "focus", "DAILY_MANAGEMENT"))
                .post("/referrals/" + referral + "/goals").then().statusCode(201).extract().path("id");
    }
}
