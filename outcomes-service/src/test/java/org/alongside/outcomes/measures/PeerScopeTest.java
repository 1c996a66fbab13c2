package org.alongside.outcomes.measures;

import static org.alongside.outcomes.measures.MeasuresTestSupport.PATIENCE;
import static org.alongside.outcomes.measures.MeasuresTestSupport.as;
import static org.alongside.outcomes.measures.MeasuresTestSupport.asPeer;
import static org.alongside.outcomes.measures.MeasuresTestSupport.awaitPeerScope;
import static org.alongside.outcomes.measures.MeasuresTestSupport.knownReferral;
import static org.alongside.outcomes.measures.MeasuresTestSupport.matchAccepted;
import static org.alongside.outcomes.measures.MeasuresTestSupport.measurement;
import static org.alongside.outcomes.measures.MeasuresTestSupport.post;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.testing.AlongsideTestResource;
import org.alongside.platform.testing.TestEvents;
import org.junit.jupiter.api.Test;

/** Peer workers record and read the outcomes of the people they are matched with (from match.accepted) only. */
@QuarkusTest
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = MeasuresTestSupport.DATABASE))
class PeerScopeTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theMatchedPeerRecordsAndReadsTheirClientsOutcomes() {
        UUID referral = knownReferral();
        UUID peer = UUID.randomUUID();
        matchAccepted(referral, peer, OffsetDateTime.parse("2018-02-20T10:00:00Z"));
        awaitPeerScope(referral, peer);

        String id = post(asPeer(peer), measurement(referral, "UCLA3", "BASELINE", 3, 2, 3)).statusCode(201)
                .body("score", equalTo(8)).extract().path("id");
        asPeer(peer).get("/measurements/{id}", id).then().statusCode(200);
        asPeer(peer).get("/referrals/{id}/outcomes", referral).then().statusCode(200)
                .body("instruments[0].series[0].id", equalTo(id));

        UUID stranger = UUID.randomUUID();
        post(asPeer(stranger), measurement(referral, "UCLA3", "REVIEW", 1, 1, 1)).statusCode(404)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("referralId"));
        asPeer(stranger).get("/referrals/{id}/outcomes", referral).then().statusCode(404);
        asPeer(stranger).get("/measurements/{id}", id).then().statusCode(404);
    }

    @Test
    void aPeerOutsideScopeCannotTellAnUnknownReferralFromAnotherPeersClient() {
        UUID peer = UUID.randomUUID();
        post(asPeer(peer), measurement(UUID.randomUUID(), "UCLA3", "BASELINE", 1, 1, 1)).statusCode(404)
                .body("errors.field", hasItem("referralId"));
        asPeer(peer).get("/referrals/{id}/outcomes", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void theLatestAcceptedMatchDecidesAndARedeliveryChangesNothing() throws Exception {
        UUID referral = knownReferral();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        EventEnvelope firstMatch = matchAccepted(referral, first, OffsetDateTime.parse("2018-02-20T10:00:00Z"));
        awaitPeerScope(referral, first);
        matchAccepted(referral, second, OffsetDateTime.parse("2018-03-05T10:00:00Z"));
        awaitPeerScope(referral, second);
        asPeer(first).get("/referrals/{id}/outcomes", referral).then().statusCode(404);

        TestEvents.send(firstMatch);
        TestEvents.send(firstMatch);
        // a fresh event on the same key queues behind the redeliveries: once it is applied, they were read
        UUID third = UUID.randomUUID();
        EventEnvelope older = matchAccepted(referral, third, OffsetDateTime.parse("2018-02-25T10:00:00Z"));
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(() -> inboxEntries(older.id()) == 1);

        assertEquals(1, inboxEntries(firstMatch.id()), "the redelivered event is in the inbox once");
        asPeer(second).get("/referrals/{id}/outcomes", referral).then().statusCode(200);
        asPeer(first).get("/referrals/{id}/outcomes", referral).then().statusCode(404);
        asPeer(third).get("/referrals/{id}/outcomes", referral).then().statusCode(404);
        as("coordinator").get("/referrals/{id}/outcomes", referral).then().statusCode(200);
    }

    private int inboxEntries(String eventId) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM inbox WHERE event_id = ?")) {
            query.setString(1, eventId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
