package org.alongside.journey;

import static org.alongside.journey.Suite.Service.MATCHING;
import static org.alongside.journey.Suite.Service.OUTCOMES;
import static org.alongside.journey.Suite.Service.SESSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.alongside.platform.events.Topics;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Two consuming services, matching and session, are killed with SIGKILL ({@code kill -9}) while matching is in the
 * middle of a batch of 30 acceptances, and started again. Events they had applied but not yet acknowledged to
 * Kafka come again after the restart; the inbox makes them no-ops. Nothing is lost, nothing is doubled.
 */
class ConsumerCrashTest {

    private static final String SNOMED = "195967001";
    private static final String DISPLAY = "Asthma";
    private static final int REFERRALS = 30;

    private final FaultStack stack = FaultStack.get();

    @Test
    void aConsumerKilledMidStreamLosesNothingAndDoublesNothing() throws Exception {
        Journeys.createPeer(stack, SNOMED, DISPLAY, 50);
        List<ServiceProcess> consumers = List.of(stack.primary(MATCHING), stack.primary(SESSION));
        List<String> sent = Faults.backlogForMatching(stack, REFERRALS, Faults.referral(SNOMED, DISPLAY));
        String[] ids = sent.toArray(String[]::new);
        Instant deadline = Instant.now().plusSeconds(120);
        while (applied(MATCHING, ids) < 3) { // kill -9 as soon as matching is working through the backlog
            assertTrue(Instant.now().isBefore(deadline), "matching did not start on the backlog");
            Faults.sleep(20);
        }
        consumers.parallelStream().forEach(ServiceProcess::kill);
        long appliedAtKill = applied(MATCHING, ids);
        long redelivered = appliedButUncommitted();
        consumers.parallelStream().forEach(ServiceProcess::start);
        Instant restarted = Instant.now();

        Faults.await("matching has every referral", Duration.ofSeconds(180),
                () -> applied(MATCHING, ids) == sent.size());
        // the dead instance's partitions wait for its session to expire (KafkaSettings: 10 s) before they move
        long caughtUpMs = Duration.between(restarted, Instant.now()).toMillis();
        Faults.await("session-service has every referral", Duration.ofSeconds(120), () -> Faults.count(stack, SESSION,
                "SELECT count(*) FROM referral_state WHERE referral_id::text = ANY(?)", (Object) ids) == sent.size());
        List<JsonNode> accepted = Faults.eventsAbout(stack.broker.bootstrapServers(), Topics.REFERRALS, sent).stream()
                .filter(e -> "referral.accepted".equals(e.path("type").asText())).toList();
        String[] acceptedIds = accepted.stream().map(e -> e.path("id").asText()).toArray(String[]::new);
        Faults.await("outcomes applied every acceptance", Duration.ofSeconds(120), () -> Faults.count(stack, OUTCOMES,
                "SELECT count(*) FROM inbox WHERE event_id = ANY(?)", (Object) acceptedIds) == sent.size());
        Faults.awaitSettled(stack, stack.broker.bootstrapServers());
        List<JsonNode> matchEvents = Faults.eventsAbout(stack.broker.bootstrapServers(), Topics.MATCHES, sent);
        Map<String, Long> proposed = Faults.distinctPerSubject(matchEvents, "match.proposed");
        long proposedCopies = Faults.perSubject(matchEvents, "match.proposed").values().stream()
                .mapToLong(Long::longValue).sum();
        long shortlists = Faults.count(stack, MATCHING,
                "SELECT count(DISTINCT referral_id) FROM proposal WHERE referral_id::text = ANY(?)", (Object) ids);
        long matchingApplied = Faults.count(stack, MATCHING, "SELECT count(*) FROM inbox WHERE event_id = ANY(?)",
                (Object) acceptedIds);
        long sessionApplied = Faults.count(stack, SESSION, "SELECT count(*) FROM inbox WHERE event_id = ANY(?)",
                (Object) acceptedIds);

        Faults.report("consumer-kill-9", Faults.counts("sent", sent.size(), "acceptedEvents", accepted.size(),
                "appliedBeforeKill", appliedAtKill, "appliedButUncommittedAtKill", redelivered,
                "matchingCaughtUpMsAfterRestart", caughtUpMs,
                "matchingApplied", matchingApplied, "matchProposedEvents",
                proposed.values().stream().mapToLong(Long::longValue).sum(), "matchProposedRecords", proposedCopies,
                "referralsWithProposals", shortlists,
                "sessionApplied", sessionApplied));
        assertEquals(sent.size(), accepted.size(), "one referral.accepted per referral on the topic");
        assertEquals(sent.size(), matchingApplied, "acceptances applied by matching");
        assertEquals(sent.size(), sessionApplied, "acceptances applied by session-service");
        assertEquals(sent.size(), proposed.size(), "a match.proposed for every referral");
        proposed.forEach((id, n) -> assertEquals(1L, n, "match.proposed events for " + id));
        assertEquals(sent.size(), shortlists, "referrals with proposals in matching");
        assertTrue(appliedAtKill < sent.size(), "the kill came mid-stream");
    }

    /** How many of these referrals' acceptances the service has applied (matching: has a referral row). */
    private long applied(Suite.Service service, String[] ids) {
        return Faults.count(stack, service, "SELECT count(*) FROM referral WHERE id::text = ANY(?)", (Object) ids);
    }

    /** Events matching applied whose offsets it had not committed when it died: they will be delivered again. */
    private long appliedButUncommitted() {
        Map<TopicPartition, Long> committed = Faults.committed(stack.broker.bootstrapServers(), "matching-service",
                Topics.REFERRALS);
        long count = 0;
        for (Map.Entry<TopicPartition, Long> partition : committed.entrySet()) {
            count += Faults.count(stack, MATCHING, "SELECT count(*) FROM inbox WHERE topic = ? AND kafka_partition = ? "
                    + "AND kafka_offset >= ?", Topics.REFERRALS, partition.getKey().partition(), partition.getValue());
        }
        return count;
    }
}
