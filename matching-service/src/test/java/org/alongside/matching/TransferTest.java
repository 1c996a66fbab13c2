package org.alongside.matching;

import static org.alongside.matching.MatchingTestSupport.DIABETES;
import static org.alongside.matching.MatchingTestSupport.WAIT;
import static org.alongside.matching.MatchingTestSupport.acceptReferral;
import static org.alongside.matching.MatchingTestSupport.as;
import static org.alongside.matching.MatchingTestSupport.createPeer;
import static org.alongside.matching.MatchingTestSupport.isolate;
import static org.alongside.matching.MatchingTestSupport.peer;
import static org.alongside.matching.MatchingTestSupport.proposals;
import static org.alongside.matching.MatchingTestSupport.proposalsOnceKnown;
import static org.alongside.matching.MatchingTestSupport.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.events.Topics;
import org.alongside.platform.testing.EventProbe;
import org.alongside.platform.testing.KafkaBroker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Workforce continuity: a peer leaves, each of their people is transferred, and the history shows both peers. */
@QuarkusTest
class TransferTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void onlyThisTestsPeersAndReferrals() throws SQLException {
        isolate(dataSource);
    }

    @Test
    void aPeerLeavesAndEachOfTheirPeopleIsTransferredWithTheirHistoryIntact() throws Exception {
        Map<String, Object> unaProfile = peer("Una", List.of(DIABETES), List.of("TELEPHONE"), 2);
        String una = createPeer(unaProfile);
        UUID first = matchedWithOnlyPeer();
        UUID second = matchedWithOnlyPeer();
        String vic = createPeer(peer("Vic", List.of(DIABETES), List.of("TELEPHONE"), 2));
        String full = createPeer(peer("Wyn", List.of(DIABETES), List.of("TELEPHONE"), 0));
        String away = createPeer(with(with(peer("Xan", List.of(DIABETES), List.of("TELEPHONE"), 2), "active", null),
                "status", "ON_LEAVE"));

        // leaving no longer waits for the matches to end: the answer lists whom to transfer
        as("coordinator").body(with(with(unaProfile, "active", null), "status", "LEFT")).put("/peers/" + una)
                .then().statusCode(200).body("status", equalTo("LEFT"))
                .body("peopleToTransfer.referralId", contains(first.toString(), second.toString()));
        as("coordinator").get("/peers/" + una + "/people").then().statusCode(200)
                .body("items.referralId", contains(first.toString(), second.toString())).body("total", equalTo(2));
        as("coordinator").get("/peers/" + una).then().body("peopleToTransfer", nullValue());

        // a peer who cannot take the person on: refused naming peerId, nothing changed
        refused(first, Map.of("reason", "PEER_LEFT", "peerId", una), 422);
        refused(first, Map.of("reason", "PEER_LEFT", "peerId", UUID.randomUUID().toString()), 422);
        refused(first, Map.of("reason", "PEER_LEFT", "peerId", full), 409);
        refused(first, Map.of("reason", "PEER_LEFT", "peerId", away), 409);
        as("coordinator").body(Map.of("peerId", vic)).post("/referrals/" + first + "/transfer").then()
                .statusCode(400).body("errors.field", contains("reason"));
        as("coordinator").get("/peers/" + una).then().body("activeClients", equalTo(2));
        as("coordinator").get("/referrals/" + first + "/matches").then().body("total", equalTo(1));

        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.MATCHES)) {
            // to a named peer: matched with them at once
            as("coordinator").body(Map.of("reason", "PEER_LEFT", "peerId", vic))
                    .post("/referrals/" + first + "/transfer").then().statusCode(200)
                    .body("status", equalTo("MATCHED"))
                    .body("proposals.status", contains("ACCEPTED", "ACCEPTED"))
                    .body("proposals.peerId", contains(una, vic));
            JsonNode ended = probe.await(EventProbe.ofType("match.ended", first), WAIT).path("data");
            assertEquals("TRANSFERRED", ended.path("reason").asText());
            assertEquals(una, ended.path("peerId").asText());
            JsonNode accepted = probe.await(e -> EventProbe.ofType("match.accepted", first).test(e)
                    && e.value().path("data").path("peerId").asText().equals(vic), WAIT).path("data");
            assertEquals(proposals(first).getString("proposals[1].id"), accepted.path("proposalId").asText());
        }

        // without one: peers are proposed afresh (never Una) and the person chooses
        as("coordinator").body(Map.of("reason", "PEER_LEFT")).post("/referrals/" + second + "/transfer").then()
                .statusCode(200).body("status", equalTo("PROPOSED"));
        assertEquals(List.of(una, vic), proposals(second).getList("proposals.peerId"));
        as("coordinator").post("/proposals/" + proposals(second).getString("proposals[1].id") + "/accept")
                .then().statusCode(200);

        for (UUID referral : List.of(first, second)) {
            as("coordinator").get("/referrals/" + referral + "/matches").then().statusCode(200)
                    .body("items.peerId", contains(una, vic))
                    .body("items.peerDisplayName", contains("Una", "Vic"))
                    .body("items[0].endReason", equalTo("TRANSFERRED"))
                    .body("items[0].endDetail", equalTo("PEER_LEFT"))
                    .body("items[1].endedAt", nullValue())
                    .body("total", equalTo(2));
        }
        as("coordinator").get("/peers/" + una).then().body("activeClients", equalTo(0));
        as("coordinator").get("/peers/" + una + "/people").then().body("items", hasSize(0));
        as("coordinator").get("/peers/" + vic + "/people").then()
                .body("items.referralId", contains(first.toString(), second.toString()));

        // only a matched person can be transferred; a referral matching never heard of is 404
        UUID waiting = acceptReferral(List.of(DIABETES), "MALE", List.of("TELEPHONE"), "en");
        proposalsOnceKnown(waiting);
        as("coordinator").body(Map.of("reason", "OTHER")).post("/referrals/" + waiting + "/transfer").then()
                .statusCode(409).contentType("application/problem+json");
        as("coordinator").body(Map.of("reason", "OTHER")).post("/referrals/" + UUID.randomUUID() + "/transfer")
                .then().statusCode(404);
        as("coordinator").get("/referrals/" + UUID.randomUUID() + "/matches").then().statusCode(404);
        as("peer-worker").body(Map.of("reason", "OTHER")).post("/referrals/" + first + "/transfer").then()
                .statusCode(403);
    }

    /** A referral matched with the one active peer there is (its first proposal accepted). */
    private static UUID matchedWithOnlyPeer() {
        UUID referralId = acceptReferral(List.of(DIABETES), null, List.of("TELEPHONE"), "en");
        as("coordinator").post("/proposals/" + proposalsOnceKnown(referralId).getString("proposals[0].id")
                + "/accept").then().statusCode(200);
        return referralId;
    }

    private static void refused(UUID referralId, Map<String, Object> body, int status) {
        as("coordinator").body(body).post("/referrals/" + referralId + "/transfer").then().statusCode(status)
                .contentType("application/problem+json").body("errors.field", contains("peerId"));
    }
}
