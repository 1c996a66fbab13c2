package org.alongside.journey;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away for 30 s while referrals keep arriving and being accepted. Intake never notices (the
 * outbox holds the events); once the broker is back every event is delivered, and every downstream effect
 * happens exactly once.
 */
class BrokerOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(30);

    private final Suite suite = Suite.get();

    @Test
    void noEventIsLostOrDoubledWhenTheBrokerIsAwayFor30Seconds() throws InterruptedException {
        Journeys.createPeer(suite, "13645005", "Chronic obstructive lung disease", 50);
        JsonPath before = Journeys.summary(suite);

        suite.broker.kill();
        List<String> sent = new ArrayList<>();
        Instant back = Instant.now().plus(OUTAGE);
        while (Instant.now().isBefore(back)) {
            String id = Journeys.refer(suite, Journeys.referral("Outage", "9434765919", "HU1 1AA", "13645005",
                    "Chronic obstructive lung disease"));
            Journeys.accept(suite, id);
            sent.add(id);
            Thread.sleep(1_000);
        }
        suite.broker.start();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> sent.stream()
                .allMatch(id -> Journeys.proposalsStatus(suite, id) == 200));
        await().atMost(Duration.ofSeconds(60)).until(() -> Journeys.summary(suite).getInt("referralsAccepted")
                >= before.getInt("referralsAccepted") + sent.size());
        Thread.sleep(3_000); // let any duplicate delivery land before counting effects

        JsonPath after = Journeys.summary(suite);
        int received = after.getInt("referralsReceived") - before.getInt("referralsReceived");
        int accepted = after.getInt("referralsAccepted") - before.getInt("referralsAccepted");
        long known = sent.stream().filter(id -> Journeys.proposalsStatus(suite, id) == 200).count();
        System.out.printf("broker outage %ds: sent=%d, received by outcomes=%d, accepted by outcomes=%d, "
                + "known to matching=%d%n", OUTAGE.toSeconds(), sent.size(), received, accepted, known);
        assertEquals(sent.size(), received, "referral.received effects");
        assertEquals(sent.size(), accepted, "referral.accepted effects");
        assertEquals(sent.size(), known, "referrals known to matching");
    }
}
