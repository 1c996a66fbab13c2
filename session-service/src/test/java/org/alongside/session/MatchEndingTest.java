package org.alongside.session;

import static org.alongside.session.SessionTestSupport.assignSupervisor;
import static org.alongside.session.SessionTestSupport.as;
import static org.alongside.session.SessionTestSupport.asSupervisor;
import static org.alongside.session.SessionTestSupport.asPeer;
import static org.alongside.session.SessionTestSupport.awaitStatus;
import static org.alongside.session.SessionTestSupport.matchedWithSession;
import static org.alongside.session.SessionTestSupport.now;
import static org.alongside.session.SessionTestSupport.publishEvent;
import static org.alongside.session.SessionTestSupport.publishMatch;
import static org.alongside.session.SessionTestSupport.publishMatchEnded;
import static org.alongside.session.SessionTestSupport.publishReferralClosed;
import static org.alongside.session.SessionTestSupport.publishReferralWithdrawn;
import static org.alongside.session.SessionTestSupport.recordOnceMatched;
import static org.alongside.session.SessionTestSupport.session;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.Topics;
import org.alongside.platform.events.matches.MatchEndedV2;
import org.alongside.platform.testing.AlongsideTestResource;
import org.alongside.platform.testing.EventProbe;
import org.alongside.platform.testing.KafkaBroker;
import org.alongside.platform.testing.TestEvents;
import org.alongside.session.match.Match;
import org.junit.jupiter.api.Test;

/** Support ends: the peer records no more, the history stays for those who oversee it. */
@QuarkusTest
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alongside_session_test"))
class MatchEndingTest {

    @Test
    void whenMatchingEndsTheMatchThePeerRecordsNoMoreAndTheHistoryStays() {
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        String earlier = matchedWithSession(referral, peer);

        publishMatchEnded(referral, peer, now().minusHours(1));
        awaitStatus(() -> asPeer(peer).body(session(referral, peer)).post("/sessions"), 409).then()
                .contentType("application/problem+json")
                .body("detail", containsString("ended at"))
                .body("detail", containsString("(PEER_LEFT)"));
        asPeer(peer).get("/sessions?referralId=" + referral).then().statusCode(404);
        asPeer(peer).get("/sessions/" + earlier).then().statusCode(404);
        asPeer(peer).get("/caseload").then().body("clients", hasSize(0));
        as("coordinator").get("/sessions?referralId=" + referral).then().statusCode(200).body("items.id", contains(earlier));
        // the peer's supervisor still oversees the work their peer did, after the match ended
        String supervisor = "sup-" + UUID.randomUUID();
        assignSupervisor(peer, supervisor).then()
                .statusCode(200);
        asSupervisor(supervisor).get("/sessions/" + earlier).then().statusCode(200);
        // a coordinator may still catch up on a session held before the end, not after
        as("coordinator").body(session(referral, peer, now().minusHours(2))).post("/sessions").then().statusCode(201);
        as("coordinator").body(session(referral, peer, now().minusMinutes(10))).post("/sessions").then()
                .statusCode(409);
    }

    @Test
    void aTransferredPersonTakesTheirSessionsAndGoalsToTheirNewPeer() {
        UUID referral = UUID.randomUUID();
        UUID leaving = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        String earlier = matchedWithSession(referral, leaving);
        String goal = asPeer(leaving).body(Map.of("text", "Walk to the shop", "focus", "DAILY_MANAGEMENT"))
                .post("/referrals/" + referral + "/goals").then().statusCode(201).extract().path("id");

        publishEvent(new MatchEndedV2(referral, UUID.randomUUID(), leaving, MatchEndedV2.Reason.TRANSFERRED,
                now().minusMinutes(5)));
        awaitStatus(() -> asPeer(leaving).get("/sessions?referralId=" + referral), 404);
        asPeer(leaving).get("/goals/" + goal).then().statusCode(404);

        publishMatch(referral, next, now().minusMinutes(1));
        awaitStatus(() -> asPeer(next).get("/sessions?referralId=" + referral), 200).then()
                .body("items.id", contains(earlier))
                .body("items[0].notes", equalTo(SessionTestSupport.NOTES))
                .body("items[0].peerId", equalTo(leaving.toString()));
        asPeer(next).get("/goals/" + goal).then().statusCode(200).body("text", equalTo("Walk to the shop"));
        asPeer(next).body(session(referral, next)).post("/sessions").then().statusCode(201);
        List<Match> matches = QuarkusTransaction.requiringNew().call(() -> Match.<Match>list(
                "referralId = ?1 order by matchedAt", referral));
        assertEquals(Match.TRANSFERRED, matches.get(0).endReason);
    }

    @Test
    void closingOrWithdrawingTheReferralEndsItsMatch() {
        UUID closed = UUID.randomUUID();
        UUID withdrawn = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        matchedWithSession(closed, peer);
        matchedWithSession(withdrawn, peer);

        publishReferralClosed(closed, now().minusMinutes(30));
        publishReferralWithdrawn(withdrawn, now().minusMinutes(30));
        awaitStatus(() -> asPeer(peer).body(session(closed, peer)).post("/sessions"), 409).then()
                .body("detail", containsString("REFERRAL_CLOSED"));
        awaitStatus(() -> asPeer(peer).body(session(withdrawn, peer)).post("/sessions"), 409).then()
                .body("detail", containsString("REFERRAL_WITHDRAWN"));
        asPeer(peer).body(Map.of("text", "x", "focus", "DAILY_MANAGEMENT")).post("/referrals/" + closed + "/goals")
                .then().statusCode(404);
        as("coordinator").get("/sessions?referralId=" + closed).then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void aMatchAcceptedBeforeTheReferralClosedButDeliveredAfterDoesNotReopenIt() {
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        publishReferralClosed(referral, now().minusDays(1));
        // referral and match events travel on different topics: the close may be applied first
        awaitStatus(() -> as("coordinator").body(Map.of("text", "x", "focus", "DAILY_MANAGEMENT"))
                .post("/referrals/" + referral + "/goals"), 201);
        publishMatch(referral, peer, now().minusDays(5));
        awaitStatus(() -> as("coordinator").body(session(referral, peer, now().minusDays(3))).post("/sessions"), 201);
        asPeer(peer).body(session(referral, peer)).post("/sessions").then().statusCode(409)
                .body("detail", containsString("REFERRAL_CLOSED"));
    }

    @Test
    void aRedeliveredEndingHasNoSecondEffect() throws Exception {
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        matchedWithSession(referral, peer);
        EventEnvelope ended = publishMatchEnded(referral, peer, now().minusDays(1));
        awaitStatus(() -> asPeer(peer).body(session(referral, peer)).post("/sessions"), 409);

        // the same peer is matched again on a new proposal; the old ending, redelivered, must not end it
        publishMatch(referral, peer, now().minusHours(5));
        recordOnceMatched(() -> asPeer(peer), session(referral, peer));
        TestEvents.send(ended);
        // a poison ending behind it on the same partition: once it is dead-lettered the redelivery was handled
        EventEnvelope poison = TestEvents.publish("match.ended", referral, Map.of("referralId", referral.toString()));
        try (EventProbe deadLetters = new EventProbe(KafkaBroker.shared().bootstrapServers(),
                Topics.deadLetter("session-service"))) {
            JsonNode letter = deadLetters.await(r -> r.value() != null
                    && poison.id().equals(r.value().path("id").asText()), Duration.ofSeconds(60));
            assertEquals(referral.toString(), letter.path("subject").asText());
        }
        asPeer(peer).body(session(referral, peer)).post("/sessions").then().statusCode(201);
        List<Match> matches = QuarkusTransaction.requiringNew().call(() -> Match.<Match>list(
                "referralId = ?1 order by matchedAt", referral));
        assertEquals(2, matches.size());
        assertEquals("PEER_LEFT", matches.get(0).endReason);
        assertEquals(null, matches.get(1).endedAt);
    }
}
