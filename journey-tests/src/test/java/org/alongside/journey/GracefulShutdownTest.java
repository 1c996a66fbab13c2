package org.alongside.journey;

import static org.alongside.journey.Suite.Service.MATCHING;
import static org.alongside.journey.Suite.Service.REFERRAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.alongside.platform.events.Topics;
import org.alongside.platform.testing.Tokens;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM, as an orchestrator sends it on a deploy. referral-service, in a burst of intake, finishes the requests
 * it had accepted and refuses the rest cleanly, with nothing half-written; matching-service, in the middle of a
 * backlog of events, commits the offsets of everything it applied, so after its restart nothing is re-processed.
 */
class GracefulShutdownTest {

    private static final String SNOMED = "84114007";
    private static final String DISPLAY = "Heart failure";

    private final FaultStack stack = FaultStack.get();

    @Test
    void inFlightRequestsFinishAndTheRestAreRefusedCleanly() throws Exception {
        String url = stack.url(REFERRAL) + "/referrals";
        String referrer = Tokens.referrer(Journeys.ODS);
        String body = Http.json(Faults.referral(SNOMED, DISPLAY));
        Map<String, String> completed = new ConcurrentHashMap<>();
        Set<String> refused = ConcurrentHashMap.newKeySet();
        Set<String> cut = ConcurrentHashMap.newKeySet();
        List<String> unclean = new CopyOnWriteArrayList<>();
        AtomicLong sigtermAt = new AtomicLong(Long.MAX_VALUE);
        AtomicLong lastCompleted = new AtomicLong();
        AtomicInteger completedAfterSigterm = new AtomicInteger();
        AtomicInteger unavailable = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread client = new Thread(() -> {
                while (true) {
                    String key = "fault-term-" + UUID.randomUUID();
                    long sentAt = System.nanoTime();
                    Http.Outcome outcome = Http.post(url, referrer, body, Map.of("Idempotency-Key", key));
                    if (outcome.is(201)) {
                        completed.put(key, Http.idOf(outcome));
                        if (sentAt > sigtermAt.get()) {
                            completedAfterSigterm.incrementAndGet();
                        }
                        lastCompleted.accumulateAndGet(System.nanoTime(), Math::max);
                    } else if (outcome.cleanUnavailable()) {
                        refused.add(key); // the instance is shutting down and said so
                        unavailable.incrementAndGet();
                    } else if (outcome.refused()) {
                        refused.add(key);
                        return; // the process has gone: nobody to talk to
                    } else if (outcome.ioError() != null) {
                        cut.add(key); // sent, but the connection closed without an answer
                    } else {
                        unclean.add(outcome.describe());
                    }
                }
            }, "burst-" + i);
            client.start();
            clients.add(client);
        }
        Faults.await("the burst is under way", Duration.ofSeconds(60), () -> completed.size() >= 20);
        ServiceProcess referral = stack.primary(REFERRAL);
        sigtermAt.set(System.nanoTime());
        referral.stop();
        long exitedAfterMs = (System.nanoTime() - sigtermAt.get()) / 1_000_000;
        int exitCode = referral.exitValue();
        for (Thread client : clients) {
            client.join(60_000);
        }
        referral.start();

        Map<String, String> inDatabase = new TreeMap<>();
        for (String row : Faults.column(stack, REFERRAL, "SELECT idempotency_key || ' ' || id FROM referral "
                + "WHERE idempotency_key LIKE ?", Journeys.ODS + ":fault-term-%")) {
            String[] parts = row.split(" ");
            inDatabase.put(parts[0].substring(Journeys.ODS.length() + 1), parts[1]);
        }
        // requests refused or cut off were not taken in: retried under their keys they create the referral now
        int retriedCreated = 0;
        for (String key : concat(refused, cut)) {
            Http.Outcome retry = Http.post(url, referrer, body, Map.of("Idempotency-Key", key));
            assertEquals(201, retry.status(), "retry of " + key + " (200 would mean it was written): "
                    + retry.describe());
            retriedCreated++;
        }
        Faults.report("sigterm-http", Faults.counts("requests", completed.size() + refused.size() + cut.size()
                        + unclean.size(), "completed201", completed.size(), "sentAfterSigtermAndCompleted",
                completedAfterSigterm.get(), "lastCompletedMsAfterSigterm",
                (lastCompleted.get() - sigtermAt.get()) / 1_000_000, "exitedMsAfterSigterm", exitedAfterMs,
                "refused", refused.size(), "refused503", unavailable.get(), "cutOff", cut.size(),
                "unclean", unclean.size(), "inDatabase", inDatabase.size(), "retriedCreated", retriedCreated,
                "exitCode", exitCode));
        assertEquals(List.of(), unclean, "answers other than 201 or a 503 problem+json");
        assertEquals(new TreeMap<>(completed), inDatabase, "every 201 is in the database and nothing else is");
    }

    @Test
    void aConsumerStoppedMidBacklogCommitsWhatItApplied() throws Exception {
        Journeys.createPeer(stack, SNOMED, DISPLAY, 50);
        ServiceProcess matching = stack.primary(MATCHING);
        List<String> sent = Faults.backlogForMatching(stack, 60, Faults.referral(SNOMED, DISPLAY));
        String[] ids = sent.toArray(String[]::new);
        Instant deadline = Instant.now().plusSeconds(120);
        while (Faults.count(stack, MATCHING, "SELECT count(*) FROM referral WHERE id::text = ANY(?)", (Object) ids)
                < 3) { // SIGTERM as soon as it is working through the backlog
            assertTrue(Instant.now().isBefore(deadline), "matching did not start on the backlog");
            Faults.sleep(20);
        }
        matching.stop();
        List<JsonNode> accepted = Faults.eventsAbout(stack.broker.bootstrapServers(), Topics.REFERRALS, sent).stream()
                .filter(e -> "referral.accepted".equals(e.path("type").asText())).toList();
        String[] acceptedIds = accepted.stream().map(e -> e.path("id").asText()).toArray(String[]::new);
        long appliedAtStop = applied(acceptedIds);
        Map<TopicPartition, Long> committed = Faults.committed(stack.broker.bootstrapServers(), "matching-service",
                Topics.REFERRALS);
        long uncommitted = 0;
        for (Map.Entry<TopicPartition, Long> partition : committed.entrySet()) {
            uncommitted += Faults.count(stack, MATCHING, "SELECT count(*) FROM inbox WHERE topic = ? "
                    + "AND kafka_partition = ? AND kafka_offset >= ?", Topics.REFERRALS,
                    partition.getKey().partition(), partition.getValue());
        }
        matching.start();
        Faults.await("matching applies the rest of the backlog", Duration.ofSeconds(120),
                () -> applied(acceptedIds) == sent.size());
        List<JsonNode> matchEvents = Faults.eventsAbout(stack.broker.bootstrapServers(), Topics.MATCHES, sent);
        Map<String, Long> proposed = Faults.distinctPerSubject(matchEvents, "match.proposed");
        long proposedRecords = Faults.perSubject(matchEvents, "match.proposed").values().stream()
                .mapToLong(Long::longValue).sum();

        Faults.report("sigterm-consumer", Faults.counts("backlog", sent.size(), "appliedBeforeStop", appliedAtStop,
                "appliedButUncommitted", uncommitted, "appliedInTotal", applied(acceptedIds), "matchProposedEvents",
                proposed.values().stream().mapToLong(Long::longValue).sum(), "matchProposedRecords", proposedRecords));
        assertTrue(appliedAtStop < sent.size(), "stopped mid-backlog");
        assertEquals(0, uncommitted, "every event applied before the stop had its offset committed");
        assertEquals(sent.size(), proposed.size());
        proposed.forEach((id, n) -> assertEquals(1L, n, "match.proposed events for " + id));
    }

    private long applied(String[] eventIds) {
        return Faults.count(stack, MATCHING, "SELECT count(*) FROM inbox WHERE event_id = ANY(?)", (Object) eventIds);
    }

    private static List<String> concat(Set<String> a, Set<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
