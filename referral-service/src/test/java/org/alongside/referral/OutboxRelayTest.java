package org.alongside.referral;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.alongside.platform.events.Topics;
import org.alongside.platform.events.referrals.ReferralStatus;
import org.alongside.platform.events.referrals.ReferralWithdrawn;
import org.alongside.platform.outbox.Outbox;
import org.alongside.platform.testing.EventProbe;
import org.alongside.platform.testing.KafkaBroker;
import org.junit.jupiter.api.Test;

/**
 * Transactions commit out of the order in which they wrote to the outbox: an event written early by a transaction
 * that commits late must still be published, whatever the relay has already sent and deleted after it. Any relay
 * that starts its scan past the rows it published (a lever of issue 18, measured and not kept) must keep this.
 */
@QuarkusTest
class OutboxRelayTest {

    @Inject
    Outbox outbox;

    @Test
    void anEventCommittedAfterLaterEventsWerePublishedIsPublishedToo() throws Exception {
        UUID early = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.REFERRALS)) {
            // writes its event first (the lower sequence number), then stays open while another commits and is sent
            CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
                outbox.publish(withdrawn(early));
                written.countDown();
                awaitUninterruptibly(release);
            }));
            try {
                assertTrue(written.await(30, TimeUnit.SECONDS), "the slow transaction wrote its event");
                QuarkusTransaction.requiringNew().run(() -> outbox.publish(withdrawn(late)));
                probe.await(EventProbe.ofType("referral.withdrawn", late), Duration.ofSeconds(30));
            } finally {
                release.countDown(); // a failure above must not leave the slow transaction open for later tests
            }
            slow.get(30, TimeUnit.SECONDS);
            probe.await(EventProbe.ofType("referral.withdrawn", early), Duration.ofSeconds(30));
        }
    }

    private static ReferralWithdrawn withdrawn(UUID referralId) {
        return new ReferralWithdrawn(referralId, "PERSON_REQUEST", ReferralStatus.RECEIVED, OffsetDateTime.now());
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
