package org.alongside.journey;

import static org.alongside.journey.Suite.Service.MATCHING;
import static org.alongside.journey.Suite.Service.OUTCOMES;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alongside.platform.events.Topics;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away for 60 s while referrals keep arriving and being accepted. Intake never notices (the
 * outbox holds the events); once the broker is back every event is delivered once, and every downstream effect
 * happens exactly once. Runs on the fault tests' own stack.
 */
class BrokerOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(60);

    private final FaultStack stack = FaultStack.get();

    @Test
    void noEventIsLostOrDoubledWhenTheBrokerIsAwayFor60Seconds() {
        Journeys.createPeer(stack, "13645005", "Chronic obstructive lung disease", 50);
        JsonPath before = Journeys.summary(stack);

        stack.broker.kill();
        List<String> sent = new ArrayList<>();
        Instant back = Instant.now().plus(OUTAGE);
        try {
            while (Instant.now().isBefore(back)) {
                String id = Journeys.refer(stack, Faults.referral("13645005", "Chronic obstructive lung disease"));
                Journeys.accept(stack, id);
                sent.add(id);
                Faults.sleep(1_000); // about one referral a second, as a busy day's intake
            }
        } finally {
            stack.broker.start();
        }

        Faults.await("matching proposes for every referral", Duration.ofSeconds(180),
                () -> sent.stream().allMatch(id -> Journeys.proposalsStatus(stack, id) == 200));
        Faults.await("outcomes counts every acceptance", Duration.ofSeconds(120),
                () -> Journeys.summary(stack).getInt("referralsAccepted")
                        >= before.getInt("referralsAccepted") + sent.size());
        Faults.await("the outbox is empty", Duration.ofSeconds(60), () -> Faults.count(stack, Suite.Service.REFERRAL,
                "SELECT count(*) FROM outbox") == 0);

        List<JsonNode> referralEvents = Faults.eventsAbout(stack.broker.bootstrapServers(), Topics.REFERRALS, sent);
        long distinct = Faults.byId(referralEvents).size();
        Map<String, Long> proposedPer = Faults.perSubject(
                Faults.eventsAbout(stack.broker.bootstrapServers(), Topics.MATCHES, sent), "match.proposed");
        JsonPath after = Journeys.summary(stack);
        int received = after.getInt("referralsReceived") - before.getInt("referralsReceived");
        int accepted = after.getInt("referralsAccepted") - before.getInt("referralsAccepted");
        long known = Faults.count(stack, MATCHING, "SELECT count(*) FROM referral WHERE id::text = ANY(?)",
                (Object) sent.toArray(String[]::new));
        String[] eventIds = referralEvents.stream().map(e -> e.path("id").asText()).toArray(String[]::new);
        long outcomesInbox = Faults.count(stack, OUTCOMES, "SELECT count(*) FROM inbox WHERE event_id = ANY(?)",
                (Object) eventIds);
        Faults.report("broker-outage-" + OUTAGE.toSeconds() + "s", Faults.counts(
                "sent", sent.size(), "events", referralEvents.size(), "distinctEvents", distinct,
                "matchingReferrals", known,
                "matchProposedEvents", proposedPer.values().stream().mapToLong(l -> l).sum(),
                "outcomesReceived", received, "outcomesAccepted", accepted, "outcomesInbox", outcomesInbox));
        assertEquals(2L * sent.size(), referralEvents.size(), "referral.received + referral.accepted on the topic");
        assertEquals(referralEvents.size(), distinct, "no event published twice");
        assertEquals(sent.size(), known, "referrals known to matching");
        assertEquals(sent.size(), proposedPer.size(), "a match.proposed for every referral");
        proposedPer.forEach((id, n) -> assertEquals(1L, n, "match.proposed events for " + id));
        assertEquals(sent.size(), received, "referral.received effects in outcomes");
        assertEquals(sent.size(), accepted, "referral.accepted effects in outcomes");
        assertEquals(distinct, outcomesInbox, "events applied by outcomes");
    }
}
