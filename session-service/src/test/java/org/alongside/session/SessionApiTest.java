package org.alongside.session;

import static io.restassured.RestAssured.given;
import static org.alongside.session.SessionTestSupport.NOTES;
import static org.alongside.session.SessionTestSupport.as;
import static org.alongside.session.SessionTestSupport.asPeer;
import static org.alongside.session.SessionTestSupport.now;
import static org.alongside.session.SessionTestSupport.publishMatch;
import static org.alongside.session.SessionTestSupport.recordOnceMatched;
import static org.alongside.session.SessionTestSupport.session;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.Topics;
import org.alongside.platform.testing.AlongsideTestResource;
import org.alongside.platform.testing.EventProbe;
import org.alongside.platform.testing.KafkaBroker;
import org.alongside.platform.testing.TestEvents;
import org.alongside.platform.testing.Tokens;
import org.alongside.session.match.Match;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alongside_session_test"))
class SessionApiTest {

    @Test
    void theMatchedPeerRecordsASessionAnnouncedWithoutItsNotes() {
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        publishMatch(referral, peer, now().minusDays(3));

        Response created = recordOnceMatched(() -> asPeer(peer), session(referral, peer));
        created.then().header("Location", containsString("/sessions/"))
                .body("referralId", equalTo(referral.toString()))
                .body("peerId", equalTo(peer.toString()))
                .body("durationMinutes", equalTo(60))
                .body("attendance", equalTo("ATTENDED"))
                .body("focus", contains("DAILY_MANAGEMENT", "COMMUNITY_CONNECTION"))
                .body("notes", equalTo(NOTES))
                .body("sharedLivedExperience", equalTo(true));
        String id = created.path("id");

        asPeer(peer).get("/sessions/" + id).then().statusCode(200).body("notes", equalTo(NOTES))
                .body("focus", contains("DAILY_MANAGEMENT", "COMMUNITY_CONNECTION"))
                .body("medium", equalTo("IN_PERSON"));
        as("coordinator").get("/sessions/" + id).then().statusCode(200).body("notes", equalTo(NOTES));
        // a supervisor not assigned to this peer: outside their scope, as if absent
        as("supervisor").get("/sessions/" + id).then().statusCode(404);
        as("supervisor").get("/sessions?referralId=" + referral).then().statusCode(404);
        asPeer(peer).get("/sessions?referralId=" + referral).then().statusCode(200)
                .body("items[0].notes", equalTo(NOTES));

        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.SESSIONS)) {
            JsonNode event = probe.await(EventProbe.ofType("session.recorded", referral), Duration.ofSeconds(60));
            assertEquals("/alongside/session-service", event.path("source").asText());
            assertTrue(event.path("dataschema").asText().endsWith("/2"), "session.recorded version 2: " + event);
            JsonNode data = event.path("data");
            assertEquals("ONE_TO_ONE", data.path("setting").asText());
            assertEquals(id, data.path("sessionId").asText());
            assertEquals(peer.toString(), data.path("peerId").asText());
            assertEquals("ATTENDED", data.path("attendance").asText());
            assertEquals("IN_PERSON", data.path("medium").asText());
            assertEquals(60, data.path("durationMinutes").asInt());
            assertEquals(2, data.path("focus").size());
            assertTrue(data.hasNonNull("startedAt") && data.hasNonNull("recordedAt"));
            assertFalse(data.has("notes"), "the event carries notes: " + event);
            assertFalse(event.toString().contains("walking group"), "the event leaks the notes: " + event);
        }
    }

    @Test
    void anotherPeerWorkerCannotRecordOrReadForSomeoneElsesClient() {
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        publishMatch(referral, peer, now().minusDays(3));
        String id = recordOnceMatched(() -> asPeer(peer), session(referral, peer)).path("id");

        asPeer(other).body(session(referral, other)).post("/sessions").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("referral " + referral + " is not one of your clients"));
        asPeer(other).body(session(referral, peer)).post("/sessions").then().statusCode(404);
        asPeer(other).get("/sessions?referralId=" + referral).then().statusCode(404);
        asPeer(other).get("/sessions/" + id).then().statusCode(404);
        as("coordinator").get("/sessions?referralId=" + referral).then().body("items.id", contains(id));
    }

    @Test
    void aCoordinatorCannotRecordForAPairWithoutAnAcceptedMatch() {
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        publishMatch(referral, peer, now().minusDays(3));
        recordOnceMatched(() -> as("coordinator"), session(referral, peer)).then()
                .body("recordedBy", equalTo("test-coordinator@alongside.local"));

        as("coordinator").body(session(referral, stranger)).post("/sessions").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("referral " + referral + " has no accepted match with peer " + stranger));
        UUID unknownReferral = UUID.randomUUID();
        as("admin").body(session(unknownReferral, peer)).post("/sessions").then().statusCode(409)
                .body("detail", containsString("referral " + unknownReferral + " has no accepted match"));
        as("coordinator").get("/sessions?referralId=" + referral).then().body("items", hasSize(1));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndWritesNothing() {
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        publishMatch(referral, peer, now().minusDays(3));
        // an empty-focus missed session is valid: proves the match is known before the bad requests
        Map<String, Object> missed = session(referral, peer);
        missed.put("attendance", "DID_NOT_ATTEND");
        missed.put("focus", List.of());
        missed.remove("notes");
        String valid = recordOnceMatched(() -> asPeer(peer), missed).path("id");

        Map<String, Object> tooLate = session(referral, peer, now().plusDays(2));
        expectInvalid(peer, tooLate, "startedAt").body("detail", containsString("1 day in the future"));
        for (int minutes : new int[] {0, 10000, -5}) {
            Map<String, Object> body = session(referral, peer);
            body.put("durationMinutes", minutes);
            expectInvalid(peer, body, "durationMinutes");
        }
        Map<String, Object> unknownAttendance = session(referral, peer);
        unknownAttendance.put("attendance", "MAYBE");
        expectInvalid(peer, unknownAttendance, "attendance").body("detail", containsString("MAYBE"));
        Map<String, Object> noReferral = session(referral, peer);
        noReferral.remove("referralId");
        expectInvalid(peer, noReferral, "referralId");
        Map<String, Object> longNotes = session(referral, peer);
        longNotes.put("notes", "x".repeat(10_001));
        expectInvalid(peer, longNotes, "notes");
        Map<String, Object> attendedWithoutFocus = session(referral, peer);
        attendedWithoutFocus.put("focus", List.of());
        expectInvalid(peer, attendedWithoutFocus, "focus");
        Map<String, Object> unknownFocus = session(referral, peer);
        unknownFocus.put("focus", List.of("GARDENING"));
        expectInvalid(peer, unknownFocus, "focus[0]");

        asPeer(peer).body("{\"referralId\": ").post("/sessions").then().statusCode(400)
                .contentType("application/problem+json").body("title", equalTo("Unreadable request body"));
        asPeer(peer).body("").post("/sessions").then().statusCode(400);

        as("coordinator").get("/sessions?referralId=" + referral).then().statusCode(200)
                .body("items.id", contains(valid)).body("items[0].notes", nullValue());
    }

    @Test
    void aNewMatchReplacesTheOldAndARedeliveredMatchHasNoSecondEffect() {
        UUID referral = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        EventEnvelope firstMatch = publishMatch(referral, first, now().minusDays(10));
        recordOnceMatched(() -> asPeer(first), session(referral, first, now().minusDays(5)));

        publishMatch(referral, second, now().minusDays(1));
        recordOnceMatched(() -> asPeer(second), session(referral, second));
        asPeer(first).body(session(referral, first)).post("/sessions").then().statusCode(404);
        asPeer(first).get("/sessions?referralId=" + referral).then().statusCode(404);
        // the old peer's earlier session can still be caught up on by a coordinator, a later one cannot
        as("coordinator").body(session(referral, first, now().minusDays(3))).post("/sessions")
                .then().statusCode(201);
        as("coordinator").body(session(referral, first)).post("/sessions").then().statusCode(409)
                .body("detail", containsString("is no longer matched with peer " + first));

        TestEvents.send(firstMatch);
        // a poison event behind it on the same partition: once it is dead-lettered the redelivery was handled
        EventEnvelope poison = TestEvents.publish("match.accepted", referral,
                Map.of("referralId", referral.toString()));
        try (EventProbe deadLetters = new EventProbe(KafkaBroker.shared().bootstrapServers(),
                Topics.deadLetter("session-service"))) {
            JsonNode letter = deadLetters.await(
                    r -> r.value() != null && poison.id().equals(r.value().path("id").asText()), Duration.ofSeconds(60));
            assertEquals(referral.toString(), letter.path("subject").asText());
        }

        asPeer(first).body(session(referral, first)).post("/sessions").then().statusCode(404);
        asPeer(second).body(session(referral, second)).post("/sessions").then().statusCode(201);
        List<Match> matches = QuarkusTransaction.requiringNew().call(() -> Match.<Match>list(
                "referralId = ?1 order by matchedAt", referral));
        assertEquals(2, matches.size());
        assertEquals(first, matches.get(0).peerId);
        assertEquals(matches.get(1).id, matches.get(0).replacedBy);
        assertTrue(matches.get(1).isActive());
        as("coordinator").get("/sessions?referralId=" + referral).then().body("items", hasSize(4));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyRecordsNothing() {
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        publishMatch(referral, peer, now().minusDays(3));
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = session(referral, peer);
        String first = recordOnceMatched(() -> asPeer(peer).header("Idempotency-Key", key), body).path("id");
        String again = asPeer(peer).header("Idempotency-Key", key).body(body).post("/sessions")
                .then().statusCode(200).extract().path("id");
        assertEquals(first, again);
        as("coordinator").get("/sessions?referralId=" + referral).then().body("items", hasSize(1));
    }

    @Test
    void callersAreAuthenticatedAndTheirRolesChecked() {
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(session(referral, peer)).post("/sessions")
                .then().statusCode(401).contentType("application/problem+json");
        given().get("/sessions?referralId=" + referral).then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.expired("coordinator")))
                .get("/sessions?referralId=" + referral).then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.expired("peer-worker"))).contentType(ContentType.JSON)
                .body(session(referral, peer)).post("/sessions").then().statusCode(401);

        for (String role : new String[] {"supervisor", "referrer", "commissioner"}) {
            as(role).body(session(referral, peer)).post("/sessions").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        as("referrer").get("/sessions?referralId=" + referral).then().statusCode(403);
        as("commissioner").get("/sessions/" + UUID.randomUUID()).then().statusCode(403);
        // a peer-worker token without its peer profile cannot record anyone's sessions
        as("peer-worker").body(session(referral, peer)).post("/sessions").then().statusCode(403)
                .body("detail", containsString("peerId"));
    }

    @Test
    void readsNeedAWellFormedReferralAndAnExistingSession() {
        as("coordinator").get("/sessions").then().statusCode(400).body("errors.field", hasItem("referralId"));
        as("coordinator").get("/sessions?referralId=not-a-uuid").then().statusCode(400)
                .body("errors.field", hasItem("referralId"));
        as("coordinator").get("/sessions/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        as("coordinator").get("/sessions?referralId=" + UUID.randomUUID()).then().statusCode(200)
                .body("items", hasSize(0));
    }

    private static ValidatableResponse expectInvalid(UUID peer, Map<String, Object> body,
            String field) {
        return asPeer(peer).body(body).post("/sessions").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }
}
