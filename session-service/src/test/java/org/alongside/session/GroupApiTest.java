package org.alongside.session;

import static org.alongside.session.SessionTestSupport.assignSupervisor;
import static org.alongside.session.SessionTestSupport.as;
import static org.alongside.session.SessionTestSupport.asSupervisor;
import static org.alongside.session.SessionTestSupport.asPeer;
import static org.alongside.session.SessionTestSupport.awaitStatus;
import static org.alongside.session.SessionTestSupport.now;
import static org.alongside.session.SessionTestSupport.publishReferralAccepted;
import static org.alongside.session.SessionTestSupport.publishReferralClosed;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.events.Topics;
import org.alongside.platform.testing.AlongsideTestResource;
import org.alongside.platform.testing.EventProbe;
import org.alongside.platform.testing.KafkaBroker;
import org.junit.jupiter.api.Test;

/** Groups: facilitators record each meeting's register; each member's attendance counts like a session. */
@QuarkusTest
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alongside_session_test"))
class GroupApiTest {

    @Test
    void aFacilitatorRecordsAMeetingAndEachMembersAttendanceIsAnnounced() {
        UUID facilitator = UUID.randomUUID();
        List<UUID> members = acceptedReferrals(3);
        String group = group(facilitator, 3);

        Map<String, Object> meeting = meeting(List.of(
                Map.of("referralId", members.get(0).toString(), "attendance", "ATTENDED"),
                Map.of("referralId", members.get(1).toString(), "attendance", "ATTENDED"),
                Map.of("referralId", members.get(2).toString(), "attendance", "CANCELLED_BY_CLIENT")));
        Response recorded = awaitStatus(() -> asPeer(facilitator).header("Idempotency-Key", "mtg-" + group)
                .body(meeting).post("/groups/" + group + "/meetings"), 201);
        recorded.then().body("attended", equalTo(2)).body("attendance", hasSize(3))
                .body("placeType", equalTo("COMMUNITY_VENUE"));
        String meetingId = recorded.path("id");
        String firstMemberSession = recorded.path("attendance.find { it.referralId == '" + members.get(0)
                + "' }.sessionId");
        // a retry records nothing
        asPeer(facilitator).header("Idempotency-Key", "mtg-" + group).body(meeting)
                .post("/groups/" + group + "/meetings").then().statusCode(200).body("id", equalTo(meetingId));
        asPeer(facilitator).get("/groups/" + group + "/meetings").then().statusCode(200).body("items", hasSize(1));
        asPeer(facilitator).get("/groups/" + group).then().statusCode(200)
                .body("members", containsInAnyOrder(members.stream().map(UUID::toString).toArray()))
                .body("leadership", equalTo("PEER_LED"));

        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.SESSIONS)) {
            JsonNode data = probe.await(EventProbe.ofType("session.recorded", members.get(0)),
                    Duration.ofSeconds(60)).path("data");
            assertEquals("GROUP", data.path("setting").asText());
            assertEquals(group, data.path("groupId").asText());
            assertEquals(meetingId, data.path("meetingId").asText());
            assertEquals(firstMemberSession, data.path("sessionId").asText());
            assertEquals("ATTENDED", data.path("attendance").asText());
            assertEquals(90, data.path("durationMinutes").asInt());
            assertEquals("IN_PERSON", data.path("medium").asText());
            assertFalse(data.has("peerId"), "a group has no single peer");
            assertEquals("CANCELLED_BY_CLIENT", probe.await(EventProbe.ofType("session.recorded", members.get(2)),
                    Duration.ofSeconds(60)).path("data").path("attendance").asText());
        }

        // the register is corrected later: one member did come after all, one more was left off
        asPeer(facilitator).body(Map.of("attendance", "ATTENDED"))
                .put("/groups/" + group + "/meetings/" + meetingId + "/attendance/" + members.get(2)).then()
                .statusCode(200).body("attended", equalTo(3));
        UUID latecomer = acceptedReferrals(1).get(0);
        awaitStatus(() -> asPeer(facilitator).body(Map.of("attendance", "ATTENDED"))
                .put("/groups/" + group + "/meetings/" + meetingId + "/attendance/" + latecomer), 409)
                .then().body("detail", containsString("at most 3"));
        awaitStatus(() -> asPeer(facilitator).body(Map.of("attendance", "DID_NOT_ATTEND"))
                .put("/groups/" + group + "/meetings/" + meetingId + "/attendance/" + latecomer), 200)
                .then().body("attendance", hasSize(4)).body("attended", equalTo(3));
        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.SESSIONS)) {
            JsonNode corrected = probe.await(r -> EventProbe.ofType("session.recorded", members.get(2)).test(r)
                    && r.value().path("data").path("version").asInt() == 2, Duration.ofSeconds(60)).path("data");
            assertEquals("ATTENDED", corrected.path("attendance").asText());
        }
    }

    @Test
    void aRegisterOverCapacityOrWithAnUnknownOrEndedReferralIsRefusedWhole() {
        UUID facilitator = UUID.randomUUID();
        List<UUID> members = acceptedReferrals(3);
        String group = group(facilitator, 2);
        List<Map<String, Object>> everyone = new ArrayList<>();
        members.forEach(m -> everyone.add(Map.of("referralId", m.toString(), "attendance", "ATTENDED")));

        // until the referrals' acceptance is consumed the register is refused for them instead
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> asPeer(facilitator).body(meeting(everyone))
                .post("/groups/" + group + "/meetings").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("3 members attended but 'Breathe Easy Tuesdays' takes at most 2")));

        UUID stranger = UUID.randomUUID();
        Map<String, Object> withStranger = meeting(List.of(
                Map.of("referralId", members.get(0).toString(), "attendance", "ATTENDED"),
                Map.of("referralId", stranger.toString(), "attendance", "ATTENDED")));
        asPeer(facilitator).body(withStranger).post("/groups/" + group + "/meetings").then().statusCode(409)
                .body("errors.field", contains("attendance[1].referralId"))
                .body("detail", containsString("referral " + stranger + " is not an accepted referral"));

        publishReferralClosed(members.get(1), now().minusDays(1));
        Map<String, Object> withClosed = meeting(List.of(
                Map.of("referralId", members.get(1).toString(), "attendance", "ATTENDED")));
        awaitStatus(() -> asPeer(facilitator).body(withClosed).post("/groups/" + group + "/meetings"), 409)
                .then().body("detail", containsString("CLOSED"));

        Map<String, Object> twice = meeting(List.of(
                Map.of("referralId", members.get(0).toString(), "attendance", "ATTENDED"),
                Map.of("referralId", members.get(0).toString(), "attendance", "DID_NOT_ATTEND")));
        asPeer(facilitator).body(twice).post("/groups/" + group + "/meetings").then().statusCode(400)
                .body("errors.field", hasItem("attendance[1].referralId"));
        Map<String, Object> badAttendance = meeting(List.of(
                Map.of("referralId", members.get(0).toString(), "attendance", "LATE")));
        asPeer(facilitator).body(badAttendance).post("/groups/" + group + "/meetings").then().statusCode(400)
                .body("errors.field", hasItem("attendance[0].attendance"));
        Map<String, Object> empty = meeting(List.of());
        asPeer(facilitator).body(empty).post("/groups/" + group + "/meetings").then().statusCode(400)
                .body("errors.field", hasItem("attendance"));
        Map<String, Object> tooLong = meeting(List.of(
                Map.of("referralId", members.get(0).toString(), "attendance", "ATTENDED")));
        tooLong.put("durationMinutes", 0);
        asPeer(facilitator).body(tooLong).post("/groups/" + group + "/meetings").then().statusCode(400)
                .body("errors.field", hasItem("durationMinutes"));
        Map<String, Object> future = meeting(List.of(
                Map.of("referralId", members.get(0).toString(), "attendance", "ATTENDED")));
        future.put("startedAt", now().plusDays(5).toString());
        asPeer(facilitator).body(future).post("/groups/" + group + "/meetings").then().statusCode(400)
                .body("errors.field", hasItem("startedAt"));

        as("coordinator").get("/groups/" + group + "/meetings").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void onlyFacilitatorsAndStaffSeeAGroupAndOnlyCoordinatorsSetOneUp() {
        UUID facilitator = UUID.randomUUID();
        String group = group(facilitator, 10);
        UUID other = UUID.randomUUID();

        asPeer(other).get("/groups/" + group).then().statusCode(404);
        asPeer(other).get("/groups").then().statusCode(200).body("items.id", not(hasItem(group)));
        asPeer(facilitator).get("/groups").then().body("items.id", hasItem(group));
        asPeer(other).body(meeting(List.of(Map.of("referralId", UUID.randomUUID().toString(),
                "attendance", "ATTENDED")))).post("/groups/" + group + "/meetings").then().statusCode(404);
        // a supervisor sees the groups their peers facilitate, no others
        asSupervisor("sup-" + UUID.randomUUID()).get("/groups/" + group).then().statusCode(404);
        String supervisor = "sup-" + UUID.randomUUID();
        assignSupervisor(facilitator, supervisor)
                .then().statusCode(200);
        asSupervisor(supervisor).get("/groups/" + group).then().statusCode(200);
        asSupervisor(supervisor).get("/groups").then().statusCode(200).body("items.id", hasItem(group));
        asPeer(facilitator).body(newGroup(List.of(facilitator.toString()), 10)).post("/groups").then().statusCode(403);
        as("commissioner").get("/groups").then().statusCode(403);

        as("coordinator").body(newGroupWith("PEER_LED", List.of(), 10)).post("/groups").then().statusCode(400)
                .body("errors.field", hasItem("facilitators"));
        as("coordinator").body(newGroupWith("PROFESSIONALLY_LED", List.of(), 10)).post("/groups").then()
                .statusCode(201).body("facilitators", hasSize(0));
        as("coordinator").body(newGroup(List.of(facilitator.toString()), 0)).post("/groups").then().statusCode(400)
                .body("errors.field", hasItem("capacity"));
        as("coordinator").body(newGroupWith("SELF_LED", List.of(facilitator.toString()), 10)).post("/groups").then()
                .statusCode(400).body("errors.field", hasItem("leadership"));
        Map<String, Object> nameless = newGroup(List.of(facilitator.toString()), 10);
        nameless.put("name", "");
        as("coordinator").body(nameless).post("/groups").then().statusCode(400).body("errors.field", hasItem("name"));

        // a new facilitator takes over; the old one no longer sees the group
        as("coordinator").body(newGroup(List.of(other.toString()), 12)).put("/groups/" + group).then()
                .statusCode(200).body("capacity", equalTo(12));
        asPeer(other).get("/groups/" + group).then().statusCode(200);
        asPeer(facilitator).get("/groups/" + group).then().statusCode(404);
    }

    static String group(UUID facilitator, int capacity) {
        return as("coordinator").body(newGroup(List.of(facilitator.toString()), capacity)).post("/groups").then()
                .statusCode(201).body("focus", equalTo("living with COPD")).extract().path("id");
    }

    /** Referrals accepted by triage, as referral-service announces them. */
    static List<UUID> acceptedReferrals(int count) {
        List<UUID> referrals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID referral = UUID.randomUUID();
            publishReferralAccepted(referral, now().minusDays(10));
            referrals.add(referral);
        }
        return referrals;
    }

    static Map<String, Object> meeting(List<Map<String, Object>> attendance) {
        Map<String, Object> body = new HashMap<>();
        body.put("startedAt", now().minusHours(3).toString());
        body.put("durationMinutes", 90);
        body.put("medium", "IN_PERSON");
        body.put("placeType", "COMMUNITY_VENUE");
        body.put("focus", List.of("EMOTIONAL_SUPPORT", "DAILY_MANAGEMENT"));
        body.put("attendance", attendance);
        return body;
    }

    private static Map<String, Object> newGroup(List<String> facilitators, int capacity) {
        return newGroupWith("PEER_LED", facilitators, capacity);
    }

    private static Map<String, Object> newGroupWith(String leadership, List<String> facilitators, int capacity) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Breathe Easy Tuesdays");
        body.put("focus", "living with COPD");
        body.put("leadership", leadership);
        body.put("facilitators", facilitators);
        body.put("capacity", capacity);
        return body;
    }
}
