package org.alongside.session;

import static org.alongside.session.SessionTestSupport.assignSupervisor;
import static org.alongside.session.SessionTestSupport.as;
import static org.alongside.session.SessionTestSupport.asPeer;
import static org.alongside.session.SessionTestSupport.asSupervisor;
import static org.alongside.session.SessionTestSupport.now;
import static org.alongside.session.SessionTestSupport.publishMatch;
import static org.alongside.session.SessionTestSupport.recordOnceMatched;
import static org.alongside.session.SessionTestSupport.registerSupervisor;
import static org.alongside.session.SessionTestSupport.session;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.events.Topics;
import org.alongside.platform.testing.AlongsideTestResource;
import org.alongside.platform.testing.EventProbe;
import org.alongside.platform.testing.KafkaBroker;
import org.junit.jupiter.api.Test;

/** Supervisors are assigned to peers, record supervision, and see who is overdue it. */
@QuarkusTest
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alongside_session_test"))
class SupervisionApiTest {

    @Test
    void aPeerWorkingForWeeksWithoutSupervisionIsOverdueUntilSupervised() {
        UUID peer = UUID.randomUUID();
        UUID referral = UUID.randomUUID();
        String supervisor = "sup-" + UUID.randomUUID();
        publishMatch(referral, peer, now().minusDays(40));
        recordOnceMatched(() -> asPeer(peer), session(referral, peer));
        assignSupervisor(peer, supervisor).then()
                .statusCode(200);

        asSupervisor(supervisor).get("/supervision/overdue").then().statusCode(200)
                .body("items.peerId", hasItem(peer.toString()))
                .body("items.find { it.peerId == '" + peer + "' }.supervisorId", equalTo(supervisor))
                .body("items.find { it.peerId == '" + peer + "' }.daysOverdue", equalTo(12))
                .body("items.find { it.peerId == '" + peer + "' }.activeClients", equalTo(1));
        // another supervisor's peer is not on this supervisor's list; coordinators see everyone
        asSupervisor("sup-" + UUID.randomUUID()).get("/supervision/overdue").then()
                .body("items.peerId", not(hasItem(peer.toString())));
        as("coordinator").get("/supervision/overdue").then().body("items.peerId", hasItem(peer.toString()));

        asSupervisor(supervisor).body(supervision()).post("/peers/" + peer + "/supervision").then().statusCode(201)
                .body("supervisorId", equalTo(supervisor))
                .body("topics", contains("CASELOAD_REVIEW", "WELLBEING_AND_SELF_CARE"))
                .body("wellbeing", equalTo("COPING"))
                .body("actions[0].description", equalTo("Book a day off after the hospital visits"))
                .body("actions[0].dueBy", equalTo("2030-01-31"));
        asSupervisor(supervisor).get("/supervision/overdue").then().body("items.peerId", not(hasItem(peer.toString())));
        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.STAFF)) {
            // that it was held, keyed by the peer: not who held it, what it covered or how the peer is
            JsonNode held = probe.await(r -> EventProbe.ofType("supervision.recorded", peer).test(r)
                    && peer.toString().equals(r.key()), Duration.ofSeconds(60));
            assertEquals(peer.toString(), held.path("data").path("peerId").asText());
            assertFalse(held.path("data").path("heldAt").isMissingNode());
            for (String secret : List.of(supervisor, "COPING", "CASELOAD_REVIEW", "caring for mum", "day off")) {
                assertFalse(held.toString().contains(secret), "the event leaks " + secret + ": " + held);
            }
        }

        asPeer(peer).get("/peers/" + peer + "/supervision").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].wellbeingNotes", equalTo("Tired; caring for mum as well"));
        as("coordinator").get("/peers/" + peer + "/supervision").then().statusCode(200)
                .body("items[0]", not(hasKey("wellbeingNotes")));
        asPeer(UUID.randomUUID()).get("/peers/" + peer + "/supervision").then().statusCode(404);
        asPeer(peer).get("/peers/" + peer + "/supervisor").then().statusCode(200)
                .body("supervisor", equalTo(supervisor));
    }

    @Test
    void aSupervisorIsAssignedByACoordinatorAndReplacedKeepingTheHistory() {
        UUID peer = UUID.randomUUID();
        as("coordinator").get("/peers/" + peer + "/supervisor").then().statusCode(404);
        assignSupervisor(peer, "sup-anna").then()
                .statusCode(200).body("assignedBy", equalTo("test-coordinator@alongside.local"));
        String firstAssigned = as("coordinator").body(Map.of("supervisor", "sup-anna"))
                .put("/peers/" + peer + "/supervisor").then().statusCode(200).extract().path("assignedAt");
        as("coordinator").get("/peers/" + peer + "/supervisor").then().body("assignedAt", equalTo(firstAssigned));
        registerSupervisor("sup-ben");
        as("admin").body(Map.of("supervisor", "sup-ben")).put("/peers/" + peer + "/supervisor").then()
                .statusCode(200).body("supervisor", equalTo("sup-ben"));
        asSupervisor("sup-ben").get("/peers/" + peer + "/supervisor").then().body("supervisor", equalTo("sup-ben"));
        // another supervisor's peer is outside this supervisor's scope
        as("supervisor").get("/peers/" + peer + "/supervisor").then().statusCode(404);
        as("supervisor").get("/peers/" + peer + "/supervision").then().statusCode(404);

        // a peer with a supervisor but no clients yet is known, and due in 28 days
        as("coordinator").get("/supervision/overdue").then().body("items.peerId", not(hasItem(peer.toString())));

        for (Map<String, Object> bad : List.of(Map.<String, Object>of(), Map.<String, Object>of("supervisor", ""),
                Map.<String, Object>of("supervisor", " padded "), Map.<String, Object>of("supervisor", "x".repeat(201)))) {
            as("coordinator").body(bad).put("/peers/" + peer + "/supervisor").then().statusCode(400)
                    .body("errors.field", hasItem("supervisor"));
        }
        as("supervisor").body(Map.of("supervisor", "sup-me")).put("/peers/" + peer + "/supervisor").then()
                .statusCode(403);
        asPeer(peer).body(Map.of("supervisor", "sup-me")).put("/peers/" + peer + "/supervisor").then()
                .statusCode(403);
    }

    @Test
    void onlyARegisteredActiveSupervisorIsAssignedAndEachAssignmentIsPublished() {
        UUID peer = UUID.randomUUID();
        String subject = "sup-" + UUID.randomUUID();
        // not registered: 422 naming the supervisor, nothing changed
        as("coordinator").body(Map.of("supervisor", subject)).put("/peers/" + peer + "/supervisor").then()
                .statusCode(422).contentType("application/problem+json").body("errors.field", contains("supervisor"));
        as("coordinator").get("/peers/" + peer + "/supervisor").then().statusCode(404);

        as("coordinator").body(Map.of("displayName", "Sue Brown", "email", "sue@trust.example", "active", true))
                .put("/supervisors/" + subject).then().statusCode(200)
                .body("subject", equalTo(subject)).body("email", equalTo("sue@trust.example"))
                .body("active", equalTo(true));
        as("supervisor").get("/supervisors?size=200").then().statusCode(200)
                .body("items.subject", hasItem(subject)).body("size", equalTo(200)).body("page", equalTo(0));
        as("coordinator").body(Map.of("supervisor", subject)).put("/peers/" + peer + "/supervisor").then()
                .statusCode(200).body("supervisor", equalTo(subject));
        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.STAFF)) {
            // keyed by the peer, as every event on alongside.staff.v1
            JsonNode assigned = probe.await(r -> EventProbe.ofType("supervisor.assigned", peer).test(r)
                    && peer.toString().equals(r.key()), Duration.ofSeconds(60));
            assertEquals(subject, assigned.path("data").path("supervisor").asText());
        }

        // deactivated: cannot be assigned to anyone else
        UUID other = UUID.randomUUID();
        as("admin").body(Map.of("displayName", "Sue Brown", "email", "sue@trust.example", "active", false))
                .put("/supervisors/" + subject).then().statusCode(200).body("active", equalTo(false));
        as("coordinator").body(Map.of("supervisor", subject)).put("/peers/" + other + "/supervisor").then()
                .statusCode(422).body("errors.field", contains("supervisor"));
        as("coordinator").get("/supervisors?active=false&size=200").then().body("items.subject", hasItem(subject));

        as("coordinator").body(Map.of("displayName", "", "email", "not an email", "active", true))
                .put("/supervisors/" + subject).then().statusCode(400)
                .body("errors.field", hasItems("displayName", "email"));
        as("peer-worker").get("/supervisors").then().statusCode(403);
        as("coordinator").get("/supervisors?size=0").then().statusCode(400).body("errors.field", contains("size"));
    }

    @Test
    void supervisionIsRecordedBySupervisorsOnceHeldWithWhatWasCovered() {
        UUID peer = UUID.randomUUID();
        Map<String, Object> future = supervision();
        future.put("heldAt", now().plusDays(1).toString());
        as("supervisor").body(future).post("/peers/" + peer + "/supervision").then().statusCode(400)
                .body("errors.field", hasItem("heldAt"));
        Map<String, Object> noTopics = supervision();
        noTopics.put("topics", List.of());
        as("supervisor").body(noTopics).post("/peers/" + peer + "/supervision").then().statusCode(400)
                .body("errors.field", hasItem("topics"));
        Map<String, Object> badWellbeing = supervision();
        badWellbeing.put("wellbeing", "FINE");
        as("supervisor").body(badWellbeing).post("/peers/" + peer + "/supervision").then().statusCode(400)
                .body("errors.field", hasItem("wellbeing"));
        Map<String, Object> emptyAction = supervision();
        emptyAction.put("actions", List.of(Map.of("description", "")));
        as("supervisor").body(emptyAction).post("/peers/" + peer + "/supervision").then().statusCode(400)
                .body("errors.field", hasItem("actions[0].description"));
        as("coordinator").body(supervision()).post("/peers/" + peer + "/supervision").then().statusCode(403);
        asPeer(peer).body(supervision()).post("/peers/" + peer + "/supervision").then().statusCode(403);
        as("peer-worker").get("/supervision/overdue").then().statusCode(403);
        as("commissioner").get("/supervision/overdue").then().statusCode(403);
        as("coordinator").get("/peers/" + peer + "/supervision").then().statusCode(200).body("items", hasSize(0));
    }

    private static Map<String, Object> supervision() {
        Map<String, Object> body = new HashMap<>();
        body.put("heldAt", now().minusHours(1).toString());
        body.put("durationMinutes", 60);
        body.put("topics", List.of("CASELOAD_REVIEW", "WELLBEING_AND_SELF_CARE", "CASELOAD_REVIEW"));
        body.put("wellbeing", "COPING");
        body.put("wellbeingNotes", "Tired; caring for mum as well");
        body.put("actions", List.of(Map.of("description", "Book a day off after the hospital visits",
                "dueBy", "2030-01-31")));
        return body;
    }
}
