package org.alongside.matching.assignment;

import static io.restassured.RestAssured.given;
import static org.alongside.matching.MatchingTestSupport.accepted;
import static org.alongside.matching.MatchingTestSupport.as;
import static org.alongside.matching.MatchingTestSupport.condition;
import static org.alongside.matching.MatchingTestSupport.createPeer;
import static org.alongside.matching.MatchingTestSupport.isolate;
import static org.alongside.matching.MatchingTestSupport.peer;
import static org.alongside.matching.MatchingTestSupport.proposals;
import static org.alongside.matching.MatchingTestSupport.proposalsOnceKnown;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.alongside.matching.MatchingTestSupport;
import org.alongside.platform.events.Topics;
import org.alongside.platform.testing.EventProbe;
import org.alongside.platform.testing.KafkaBroker;
import org.alongside.platform.testing.TestEvents;
import org.alongside.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Referrals accepted while peers were full are assigned in one run once places open: the best total score, the
 * longest-waiting first among equals, as ordinary proposals a coordinator confirms.
 */
@QuarkusTest
class AssignmentRunApiTest {

    // Conditions no other test uses, so this test's referrals outscore anyone else's with this test's peers.
    private static final Map<String, Object> ATRIAL_FIBRILLATION = condition("49436004", "Atrial fibrillation", "PHYSICAL");
    private static final Map<String, Object> BIPOLAR = condition("13746004", "Bipolar disorder", "MENTAL");

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void onlyThisTestsPeersAndReferrals() throws SQLException {
        isolate(dataSource);
    }

    private static UUID acceptedReferral(String acceptedAt, List<Map<String, Object>> conditions,
            List<String> formats) {
        UUID referralId = UUID.randomUUID();
        Map<String, Object> data = new HashMap<>(accepted(referralId, conditions, null, formats, "en"));
        data.put("acceptedAt", acceptedAt);
        TestEvents.publish("referral.accepted", referralId, data);
        return referralId;
    }

    private static Map<String, Object> entryFor(List<Map<String, Object>> entries, UUID referralId) {
        return entries.stream().filter(e -> referralId.toString().equals(e.get("referralId"))).findFirst()
                .orElseThrow(() -> new AssertionError(referralId + " is not in " + entries));
    }

    private static Set<String> referralIds(List<Map<String, Object>> entries) {
        return Set.copyOf(entries.stream().map(e -> (String) e.get("referralId")).toList());
    }

    @Test
    void referralsThatWaitedForPlacesAreAssignedOptimallyAndConfirmedAsOrdinaryProposals() {
        Map<String, Object> noorProfile = peer("Noor", List.of(ATRIAL_FIBRILLATION, BIPOLAR), List.of("VIDEO"), 0);
        Map<String, Object> olaProfile = peer("Ola", List.of(ATRIAL_FIBRILLATION), List.of("VIDEO"), 0);
        String noor = createPeer(noorProfile);
        String ola = createPeer(olaProfile);

        // Accepted while both peers were full: all wait. The oldest wants group support, which neither offers.
        // The first fits both peers alike; the second and third fit Noor better, who shares both their conditions.
        UUID groupOnly = acceptedReferral("2025-02-01T09:00:00Z", List.of(ATRIAL_FIBRILLATION), List.of("GROUP"));
        UUID first = acceptedReferral("2025-03-01T09:00:00Z", List.of(ATRIAL_FIBRILLATION), List.of("VIDEO"));
        UUID second = acceptedReferral("2025-03-02T09:00:00Z", List.of(ATRIAL_FIBRILLATION, BIPOLAR), List.of("VIDEO"));
        UUID third = acceptedReferral("2025-03-03T09:00:00Z", List.of(ATRIAL_FIBRILLATION, BIPOLAR), List.of("VIDEO"));
        for (UUID referral : List.of(groupOnly, first, second, third)) {
            assertEquals("WAITING", proposalsOnceKnown(referral).getString("status"));
        }

        // A place each opens, Noor's first: one at a time, the first would be offered Noor and the second Ola.
        as("coordinator").body(MatchingTestSupport.with(noorProfile, "capacity", 1)).put("/peers/" + noor)
                .then().statusCode(200);
        as("coordinator").body(MatchingTestSupport.with(olaProfile, "capacity", 1)).put("/peers/" + ola)
                .then().statusCode(200);

        var created = as("coordinator").post("/assignment-runs").then().statusCode(201)
                .header("Location", containsString("/assignment-runs/"))
                .body("requestedBy", equalTo("test-coordinator@alongside.local"))
                .body("referrals", greaterThanOrEqualTo(4))
                .body("peersWithPlaces", equalTo(2))
                .body("places", equalTo(2))
                .body("assigned", equalTo(2))
                .extract();
        JsonPath run = created.jsonPath();
        String runId = run.getString("id");
        assertTrue(created.header("Location").endsWith("/assignment-runs/" + runId));

        // Together they score most as first with Ola and second with Noor; the third waited less than the second.
        List<Map<String, Object>> proposals = run.getList("proposals");
        assertEquals(List.of(first.toString(), second.toString()),
                proposals.stream().map(p -> (String) p.get("referralId")).toList());
        assertEquals(ola, entryFor(proposals, first).get("peerId"));
        assertEquals("Ola", entryFor(proposals, first).get("peerDisplayName"));
        assertEquals(noor, entryFor(proposals, second).get("peerId"));
        assertEquals(run.getInt("totalScore"), proposals.stream().mapToInt(p -> (Integer) p.get("score")).sum());
        for (int i = 0; i < proposals.size(); i++) {
            assertEquals("PROPOSED", proposals.get(i).get("status"));
            assertEquals(proposals.get(i).get("score"), run.getList("proposals[" + i + "].reasons.points",
                    Integer.class).stream().mapToInt(Integer::intValue).sum());
        }
        List<Map<String, Object>> unassigned = run.getList("unassigned");
        assertThat((String) entryFor(unassigned, third).get("reason"),
                containsString("went to referrals that score higher with them or have waited longer"));
        assertEquals("2025-03-03T09:00:00Z", entryFor(unassigned, third).get("waitingSince"));
        assertThat((String) entryFor(unassigned, groupOnly).get("reason"), startsWith("No peer fits yet"));
        assertEquals("WAITING", entryFor(unassigned, groupOnly).get("status"));

        // The run's proposals are the referrals' proposals, as any shortlist's, and new ones are announced.
        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.MATCHES)) {
            for (UUID referral : List.of(first, second)) {
                Map<String, Object> assigned = entryFor(proposals, referral);
                JsonPath matching = proposals(referral);
                assertEquals("PROPOSED", matching.getString("status"));
                String path = "proposals.find { it.id == '" + assigned.get("proposalId") + "' }";
                assertEquals(assigned.get("peerId"), matching.getString(path + ".peerId"));
                assertEquals(assigned.get("score"), matching.getInt(path + ".score"));
                assertEquals("PROPOSED", matching.getString(path + ".status"));
                if ((Boolean) assigned.get("proposedByRun")) {
                    JsonNode proposed = probe.await(event -> EventProbe.ofType("match.proposed", referral).test(event)
                            && event.value().path("data").path("proposals").path(0).path("proposalId").asText()
                                    .equals(assigned.get("proposalId")), MatchingTestSupport.WAIT);
                    assertEquals(1, proposed.path("data").path("proposals").size());
                }
            }
        }
        assertEquals(proposals.stream().filter(p -> (Boolean) p.get("proposedByRun")).count(), run.getInt("newProposals"));

        // The coordinator confirms the first through the ordinary accept; the run shows it.
        String firstProposal = (String) entryFor(proposals, first).get("proposalId");
        as("coordinator").post("/proposals/" + firstProposal + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        assertEquals("MATCHED", proposals(first).getString("status"));
        JsonPath reviewed = as("admin").get("/assignment-runs/" + runId).then().statusCode(200).extract().jsonPath();
        assertEquals("ACCEPTED", entryFor(reviewed.getList("proposals"), first).get("status"));
        assertEquals("PROPOSED", entryFor(reviewed.getList("proposals"), second).get("status"));
        assertEquals(run.getInt("totalScore"), reviewed.getInt("totalScore"));

        // Run again: Noor's place still goes to the second, through the proposal already open; nothing new.
        JsonPath again = as("admin").post("/assignment-runs").then().statusCode(201).extract().jsonPath();
        assertEquals("test-admin@alongside.local", again.getString("requestedBy"));
        assertFalse(referralIds(again.getList("proposals")).contains(first.toString()));
        assertEquals(entryFor(proposals, second).get("proposalId"),
                entryFor(again.getList("proposals"), second).get("proposalId"));
        assertEquals(false, entryFor(again.getList("proposals"), second).get("proposedByRun"));
        assertEquals(0, again.getInt("newProposals"));
        assertThat((String) entryFor(again.getList("unassigned"), third).get("reason"),
                containsString("went to referrals that score higher"));
    }

    @Test
    void onlyCoordinatorsAndAdminsRunAndReadAssignments() {
        String runId = as("coordinator").post("/assignment-runs").then().statusCode(201).extract().path("id");
        String path = "/assignment-runs/" + runId;

        given().post("/assignment-runs").then().statusCode(401).contentType("application/problem+json");
        given().get(path).then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.expired("coordinator"))).post("/assignment-runs")
                .then().statusCode(401);
        for (String role : List.of("supervisor", "peer-worker", "referrer", "commissioner")) {
            as(role).post("/assignment-runs").then().statusCode(403).contentType("application/problem+json");
            as(role).get(path).then().statusCode(403).contentType("application/problem+json");
        }
        as("admin").get(path).then().statusCode(200).body("id", equalTo(runId));
        as("coordinator").get("/assignment-runs/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("was not found"));
    }
}
