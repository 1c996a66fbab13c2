package org.alongside.journey;

import static org.alongside.journey.Suite.Service.MATCHING;
import static org.alongside.journey.Suite.Service.OUTCOMES;
import static org.alongside.journey.Suite.Service.REFERRAL;
import static org.alongside.journey.Suite.Service.SESSION;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A person's journey through all four services: referral, triage, proposals, choice, a session, the dashboard. */
class JourneyTest {

    private final Suite suite = Suite.get();

    @Test
    void aReferralFlowsThroughEveryService() {
        JsonPath before = Journeys.summary(suite);
        UUID peer = Journeys.createPeer(suite, "709044004", "Chronic kidney disease", 3);

        String referralId = Journeys.refer(suite,
                Journeys.referral("Marguerite", "9434765919", "BD7 1DP", "709044004", "Chronic kidney disease"));
        assertEquals("RECEIVED", Journeys.status(suite, referralId));
        Journeys.accept(suite, referralId);

        // matching proposes peers within a second or so of acceptance, with reasons people can read
        await().atMost(Duration.ofSeconds(20)).until(() -> Journeys.proposalsStatus(suite, referralId) == 200
                && !Journeys.proposals(suite, referralId).getList("proposals").isEmpty());
        JsonPath proposals = Journeys.proposals(suite, referralId);
        assertEquals(peer.toString(), proposals.getString("proposals[0].peerId"));
        List<String> reasons = proposals.getList("proposals[0].reasons.detail");
        assertTrue(reasons.stream().anyMatch(r -> r.toLowerCase().contains("kidney")), "reasons: " + reasons);
        String proposalId = proposals.getString("proposals[0].id");

        suite.as(MATCHING, "coordinator").post("/proposals/" + proposalId + "/accept").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "MATCHED".equals(Journeys.status(suite, referralId)));

        // the matched peer worker records the first session once session-service has learned the match
        Map<String, Object> session = Map.of(
                "referralId", referralId, "peerId", peer.toString(),
                "startedAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).toString(),
                "durationMinutes", 45, "medium", "IN_PERSON", "attendance", "ATTENDED",
                "focus", List.of("EMOTIONAL_SUPPORT", "DAILY_MANAGEMENT"),
                "notes", "Talked about dialysis days and how tiring they are");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> suite.asPeer(SESSION, peer).body(session).post("/sessions").statusCode() == 201);
        await().atMost(Duration.ofSeconds(20)).until(() -> "ACTIVE".equals(Journeys.status(suite, referralId)));

        // the commissioner sees the journey in the counts, built only from events
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath after = Journeys.summary(suite);
            for (String count : List.of("referralsReceived", "referralsAccepted", "referralsMatched",
                    "referralsActive", "sessionsAttended")) {
                assertEquals(before.getInt(count) + 1, after.getInt(count), count);
            }
        });
        String dashboard = suite.as(OUTCOMES, "commissioner").get("/dashboard/summary").asString();
        assertFalse(dashboard.contains(referralId), "the dashboard shows aggregates only");
    }

    @Test
    void rolesAndScopeHoldAcrossServices() {
        suite.anonymous(REFERRAL).get("/referrals").then().statusCode(401);
        suite.anonymous(MATCHING).get("/peers").then().statusCode(401);
        suite.anonymous(SESSION).get("/sessions").then().statusCode(401);
        suite.anonymous(OUTCOMES).get("/dashboard/summary").then().statusCode(401);
        suite.as(OUTCOMES, "peer-worker").get("/dashboard/summary").then().statusCode(403);
        suite.as(MATCHING, "referrer").get("/peers").then().statusCode(403);

        String referralId = Journeys.refer(suite,
                Journeys.referral("Tomasz", "9434765919", "LS6 2AB", "44054006", "Type 2 diabetes mellitus"));
        suite.bearer(REFERRAL, org.alongside.platform.testing.Tokens.referrer("Y99999"))
                .get("/referrals/" + referralId).then().statusCode(404);
        suite.asPeer(REFERRAL, UUID.randomUUID()).get("/referrals/" + referralId).then().statusCode(404);
    }
}
