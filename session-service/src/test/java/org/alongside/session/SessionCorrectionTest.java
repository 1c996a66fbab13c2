package org.alongside.session;

import static org.alongside.session.SessionTestSupport.assignSupervisor;
import static org.alongside.session.SessionTestSupport.NOTES;
import static org.alongside.session.SessionTestSupport.as;
import static org.alongside.session.SessionTestSupport.asPeer;
import static org.alongside.session.SessionTestSupport.asSupervisor;
import static org.alongside.session.SessionTestSupport.matchedWithSession;
import static org.alongside.session.SessionTestSupport.now;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.events.Topics;
import org.alongside.platform.testing.AlongsideTestResource;
import org.alongside.platform.testing.EventProbe;
import org.alongside.platform.testing.KafkaBroker;
import org.junit.jupiter.api.Test;

/** Corrections keep the earlier version; a mistaken record is marked, never deleted, and outcomes is told. */
@QuarkusTest
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alongside_session_test"))
class SessionCorrectionTest {

    @Test
    void anEditMakesANewVersionAnnouncedAgainAndKeepsTheEarlierOne() {
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        String id = matchedWithSession(referral, peer);

        Map<String, Object> edit = edit(now().minusHours(3), 45, "Walked to the park together instead");
        edit.put("reason", "Wrote the wrong length at first");
        asPeer(peer).body(edit).put("/sessions/" + id).then().statusCode(200)
                .body("version", equalTo(2))
                .body("durationMinutes", equalTo(45))
                .body("placeType", equalTo("COMMUNITY_VENUE"))
                .body("notes", equalTo("Walked to the park together instead"))
                .body("status", equalTo("RECORDED"));
        // the same content again is no new version (a retried request on a bad connection)
        asPeer(peer).body(edit).put("/sessions/" + id).then().statusCode(200).body("version", equalTo(2));

        asPeer(peer).get("/sessions/" + id + "/versions").then().statusCode(200)
                .body("version", contains(1, 2))
                .body("durationMinutes", contains(60, 45))
                .body("notes", contains(NOTES, "Walked to the park together instead"))
                .body("[1].changeReason", equalTo("Wrote the wrong length at first"));
        as("supervisor").get("/sessions/" + id + "/versions").then().statusCode(404);
        as("admin").get("/sessions/" + id + "/versions").then().statusCode(200)
                .body("[0]", not(hasKey("notes"))).body("[1]", not(hasKey("changeReason")));

        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.SESSIONS)) {
            JsonNode second = probe.await(r -> EventProbe.ofType("session.recorded", referral).test(r)
                    && r.value().path("data").path("version").asInt() == 2, Duration.ofSeconds(60)).path("data");
            assertEquals(id, second.path("sessionId").asText());
            assertEquals(45, second.path("durationMinutes").asInt());
            assertEquals("ONE_TO_ONE", second.path("setting").asText());
            assertEquals("RECORDED", second.path("status").asText());
            JsonNode first = probe.await(r -> EventProbe.ofType("session.recorded", referral).test(r)
                    && r.value().path("data").path("version").asInt() == 1, Duration.ofSeconds(60)).path("data");
            assertTrue(OffsetDateTime.parse(second.path("recordedAt").asText())
                    .isAfter(OffsetDateTime.parse(first.path("recordedAt").asText())),
                    "a correction must supersede the first recording");
            assertFalse(second.toString().contains("park"), "the event leaks the notes: " + second);
        }
    }

    @Test
    void aMistakenRecordIsMarkedEnteredInErrorAndCountsNoMore() {
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        String id = matchedWithSession(referral, peer);

        as("coordinator").body(Map.of()).post("/sessions/" + id + "/entered-in-error").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        asPeer(peer).body(Map.of("reason", "Recorded against the wrong person"))
                .post("/sessions/" + id + "/entered-in-error").then().statusCode(200)
                .body("status", equalTo("ENTERED_IN_ERROR"))
                .body("version", equalTo(2))
                .body("enteredInErrorReason", equalTo("Recorded against the wrong person"));

        as("coordinator").body(Map.of("reason", "again")).post("/sessions/" + id + "/entered-in-error").then()
                .statusCode(409).contentType("application/problem+json");
        asPeer(peer).body(edit(now().minusHours(3), 30, "x")).put("/sessions/" + id).then().statusCode(409)
                .body("detail", containsString("entered-in-error"));
        // nothing is deleted: it is still listed, marked
        as("coordinator").get("/sessions?referralId=" + referral).then().statusCode(200)
                .body("items.id", contains(id)).body("items[0].status", equalTo("ENTERED_IN_ERROR"));
        as("admin").get("/sessions/" + id).then().statusCode(200).body("$", not(hasKey("enteredInErrorReason")));

        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.SESSIONS)) {
            JsonNode correction = probe.await(r -> EventProbe.ofType("session.recorded", referral).test(r)
                    && "ENTERED_IN_ERROR".equals(r.value().path("data").path("status").asText()),
                    Duration.ofSeconds(60)).path("data");
            assertEquals(id, correction.path("sessionId").asText());
            assertEquals(2, correction.path("version").asInt());
            assertFalse(correction.toString().contains("wrong person"), "the event leaks the reason");
        }
    }

    @Test
    void onlyThePeerWhoHeldItOrACoordinatorCorrectsItWithValidContent() {
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        String id = matchedWithSession(referral, peer);

        asPeer(UUID.randomUUID()).body(edit(now().minusHours(3), 30, "x")).put("/sessions/" + id).then()
                .statusCode(404);
        as("supervisor").body(edit(now().minusHours(3), 30, "x")).put("/sessions/" + id).then().statusCode(403);
        as("commissioner").get("/sessions/" + id + "/versions").then().statusCode(403);
        as("coordinator").body(edit(now().minusHours(3), 30, "x")).put("/sessions/" + UUID.randomUUID()).then()
                .statusCode(404);

        Map<String, Object> phoneWithPlace = edit(now().minusHours(3), 30, "x");
        phoneWithPlace.put("medium", "TELEPHONE");
        expectInvalid(peer, id, phoneWithPlace, "placeType").body("detail", containsString("IN_PERSON"));
        Map<String, Object> nextBefore = edit(now().minusHours(3), 30, "x");
        nextBefore.put("nextSessionAt", now().minusDays(1).toString());
        expectInvalid(peer, id, nextBefore, "nextSessionAt");
        expectInvalid(peer, id, edit(now().plusDays(3), 30, "x"), "startedAt");
        expectInvalid(peer, id, edit(now().minusHours(3), -10, "x"), "durationMinutes");
        Map<String, Object> badPlace = edit(now().minusHours(3), 30, "x");
        badPlace.put("placeType", "BEACH");
        expectInvalid(peer, id, badPlace, "placeType");

        as("coordinator").body(edit(now().minusHours(3), 50, "Coordinator fixed the time")).put("/sessions/" + id)
                .then().statusCode(200).body("version", equalTo(2))
                .body("recordedBy", equalTo("test-coordinator@alongside.local"));
        asPeer(peer).get("/sessions/" + id + "/versions").then().body("durationMinutes", contains(60, 50));
    }

    @Test
    void theAssignedSupervisorReadsThePeersNotesAndOtherSupervisorsDoNot() {
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        String id = matchedWithSession(referral, peer);
        String supervisor = "sup-" + UUID.randomUUID();

        // before the assignment the peer's work is outside the supervisor's scope
        asSupervisor(supervisor).get("/sessions/" + id).then().statusCode(404);
        assignSupervisor(peer, supervisor).then()
                .statusCode(200).body("supervisor", equalTo(supervisor));
        asSupervisor(supervisor).get("/sessions/" + id).then().statusCode(200).body("notes", equalTo(NOTES));
        asSupervisor(supervisor).get("/sessions?referralId=" + referral).then().body("items[0].notes", equalTo(NOTES));
        asSupervisor("sup-" + UUID.randomUUID()).get("/sessions/" + id).then().statusCode(404);
        // admins run the system; they do not read people's notes
        as("admin").get("/sessions/" + id).then().statusCode(200).body("notes", nullValue());
    }

    private static io.restassured.response.ValidatableResponse expectInvalid(UUID peer, String id,
            Map<String, Object> body, String field) {
        return asPeer(peer).body(body).put("/sessions/" + id).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    private static Map<String, Object> edit(OffsetDateTime startedAt, int minutes, String notes) {
        Map<String, Object> body = new HashMap<>();
        body.put("startedAt", startedAt.toString());
        body.put("durationMinutes", minutes);
        body.put("medium", "IN_PERSON");
        body.put("placeType", "COMMUNITY_VENUE");
        body.put("attendance", "ATTENDED");
        body.put("focus", List.of("COMMUNITY_CONNECTION"));
        body.put("notes", notes);
        body.put("sharedLivedExperience", false);
        body.put("nextSessionAt", now().plusDays(7).toString());
        return body;
    }
}
