package org.alongside.referral;

import static org.alongside.referral.ReferralTestSupport.as;
import static org.alongside.referral.ReferralTestSupport.referral;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.Topics;
import org.alongside.platform.inbox.DeadLetterReplay;
import org.alongside.platform.inbox.DeadLetters;
import org.alongside.platform.testing.EventProbe;
import org.alongside.platform.testing.KafkaBroker;
import org.alongside.platform.testing.TestEvents;
import org.junit.jupiter.api.Test;

/** The referral follows the journey from other services' events, once per event, and survives poison. */
@QuarkusTest
class ReferralProgressTest {

    private static String acceptedReferral() {
        String id = as("coordinator").body(referral("9434765919")).post("/referrals")
                .then().statusCode(201).extract().path("id");
        as("coordinator").post("/referrals/" + id + "/accept").then().statusCode(200);
        return id;
    }

    private static String status(String id) {
        return as("coordinator").get("/referrals/" + id).then().statusCode(200).extract().path("status");
    }

    @Test
    void matchThenFirstAttendedSessionMoveTheReferralOnExactlyOnce() {
        String id = acceptedReferral();
        UUID peer = UUID.randomUUID();
        EventEnvelope matched = TestEvents.publish("match.accepted", UUID.fromString(id),
                Map.of("referralId", id, "proposalId", UUID.randomUUID(), "peerId", peer, "score", 60));
        await().atMost(Duration.ofSeconds(20)).until(() -> "MATCHED".equals(status(id)));
        as("coordinator").get("/referrals/" + id).then().body("matchedPeerId", equalTo(peer.toString()));

        TestEvents.send(matched); // redelivery
        TestEvents.publish("session.recorded", UUID.fromString(id), Map.of("sessionId", UUID.randomUUID(),
                "referralId", id, "peerId", peer, "startedAt", "2026-01-12T10:00:00Z", "attendance", "ATTENDED"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "ACTIVE".equals(status(id)));

        List<String> history = as("coordinator").get("/referrals/" + id + "/history")
                .then().extract().path("items.toStatus");
        assertEquals(List.of("RECEIVED", "ACCEPTED", "MATCHED", "ACTIVE"), history);
    }

    @Test
    void aPoisonMessageIsDeadLetteredAndTheStreamMovesOn() {
        String id = acceptedReferral();
        TestEvents.sendRaw(Topics.MATCHES, id, "{not json".getBytes(StandardCharsets.UTF_8));
        UUID unknown = UUID.randomUUID(); // a referral this service never received
        TestEvents.publish("match.accepted", unknown,
                Map.of("referralId", unknown, "proposalId", UUID.randomUUID(), "peerId", UUID.randomUUID()));
        TestEvents.publish("match.accepted", UUID.fromString(id),
                Map.of("referralId", id, "proposalId", UUID.randomUUID(), "peerId", UUID.randomUUID()));

        await().atMost(Duration.ofSeconds(20)).until(() -> "MATCHED".equals(status(id)));
        try (EventProbe dlt = new EventProbe(KafkaBroker.shared().bootstrapServers(),
                Topics.deadLetter("referral-service"))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> dlt.all(Duration.ofMillis(500)).stream()
                    .filter(r -> id.equals(r.key()))
                    .anyMatch(r -> r.headers().lastHeader(DeadLetters.ERROR_HEADER) != null));

            // replaying puts each letter back on its topic once; these still fail, so they return with the error
            long lettersBefore = dlt.all(Duration.ofMillis(500)).stream().filter(r -> id.equals(r.key())).count();
            int replayed = DeadLetterReplay.replay("referral-service", KafkaBroker.shared().bootstrapServers());
            assertTrue(replayed >= 1, "replayed " + replayed);
            await().atMost(Duration.ofSeconds(20)).until(() -> dlt.all(Duration.ofMillis(500)).stream()
                    .filter(r -> id.equals(r.key())).count() > lettersBefore);
        }
    }
}
