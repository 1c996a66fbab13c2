package org.alongside.journey;

import static org.alongside.journey.Suite.Service.MATCHING;
import static org.alongside.journey.Suite.Service.OUTCOMES;
import static org.alongside.journey.Suite.Service.REFERRAL;
import static org.alongside.journey.Suite.Service.SESSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.alongside.platform.events.Topics;
import org.alongside.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL (the fault stack's own cluster, which every service uses) goes down for 10 s with a fast shutdown
 * while clients keep referring, accepting and reading on all four services, and events keep arriving for the
 * consumers. While it is away every answer is a clean 503 problem+json, never a 500; every 201 is in the
 * database; a refused request changed nothing, or, if the connection was cut during its commit (which PostgreSQL
 * may have made durable first: the 503 says it may have been made), took effect whole; consumers wait and retry
 * instead of dead-lettering; and once it is back every service recovers by itself.
 */
class DatabaseRestartTest {

    private static final String SNOMED = "38341003";
    private static final String DISPLAY = "Hypertensive disorder";
    private static final Duration DOWN = Duration.ofSeconds(10);
    private static final int CLIENTS = 3;

    private final FaultStack stack = FaultStack.get();
    private final String body = Http.json(Faults.referral(SNOMED, DISPLAY));
    private final String referrer = Tokens.referrer(Journeys.ODS);
    private final String coordinator = Tokens.as("coordinator");
    private final String commissioner = Tokens.as("commissioner");

    /** Per operation: how the calls ended (status, or "503-problem", or the I/O error). */
    private final Map<String, Map<String, AtomicInteger>> outcomes = new ConcurrentHashMap<>();
    private final List<String> unclean = new CopyOnWriteArrayList<>();
    private final Map<String, String> created = new ConcurrentHashMap<>(); // idempotency key -> referral id
    private final Set<String> refusedKeys = ConcurrentHashMap.newKeySet();
    private final Set<String> acceptedIds = ConcurrentHashMap.newKeySet();
    private final Set<String> notAcceptedIds = ConcurrentHashMap.newKeySet();
    private volatile boolean loading = true;

    @Test
    void aDatabaseRestartUnderLoadFailsCleanlyAndRecoversByItself() throws Exception {
        Journeys.createPeer(stack, SNOMED, DISPLAY, 50);
        String knownReferral = Journeys.refer(stack, Faults.referral(SNOMED, DISPLAY));
        Journeys.accept(stack, knownReferral);
        JsonNode[] accepted = new JsonNode[1];
        Faults.await("the acceptance is on the topic", Duration.ofSeconds(60), () -> {
            accepted[0] = Faults.eventsAbout(stack.broker.bootstrapServers(), Topics.REFERRALS, List.of(knownReferral))
                    .stream().filter(e -> "referral.accepted".equals(e.path("type").asText())).findFirst()
                    .orElse(null);
            return accepted[0] != null;
        });
        JsonNode template = accepted[0]; // copied for the events published while the database is away
        Map<String, Long> deadLettersBefore = deadLetterCounts();

        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Thread client = new Thread(() -> load(knownReferral), "db-restart-client-" + i);
            client.start();
            clients.add(client);
        }
        Faults.sleep(3_000); // the load runs against a healthy database first
        int createdBeforeOutage = created.size();

        Instant down = Instant.now();
        stack.postgres.stop();
        // events keep arriving for the consumers while their database is away
        List<String> publishedWhileDown = new ArrayList<>();
        List<String> eventIdsWhileDown = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String referralId = UUID.randomUUID().toString();
            ObjectNode event = template.deepCopy();
            String eventId = UUID.randomUUID().toString();
            eventIdsWhileDown.add(eventId);
            event.put("id", eventId).put("subject", referralId);
            ((ObjectNode) event.get("data")).put("referralId", referralId);
            Faults.publish(stack.broker.bootstrapServers(), Topics.REFERRALS, referralId,
                    Faults.MAPPER.writeValueAsBytes(event));
            publishedWhileDown.add(referralId);
        }
        Faults.sleep(DOWN.minus(Duration.between(down, Instant.now())).toMillis());
        int refusedDuringOutage = count("503-problem");
        stack.postgres.start();
        Instant up = Instant.now();

        Faults.await("every service answers again", Duration.ofSeconds(120), () -> allServicesAnswer(knownReferral));
        Duration recovery = Duration.between(up, Instant.now());
        Faults.sleep(3_000); // and the load runs on a healthy database again
        loading = false;
        for (Thread client : clients) {
            client.join(120_000);
        }

        // what the clients were told is what the database holds
        Map<String, String> inDatabase = new TreeMap<>();
        for (String row : Faults.column(stack, REFERRAL, "SELECT idempotency_key || ' ' || id FROM referral "
                + "WHERE idempotency_key LIKE ?", Journeys.ODS + ":fault-db-%")) {
            String[] parts = row.split(" ");
            inDatabase.put(parts[0].substring(Journeys.ODS.length() + 1), parts[1]);
        }
        // every 201 is there; besides them only intakes refused because the connection was lost during their commit
        // ("it may have been made"), which PostgreSQL had made durable before it went
        Map<String, String> writtenThoughRefused = new TreeMap<>(inDatabase);
        writtenThoughRefused.keySet().removeAll(created.keySet());
        Map<String, String> createdInDatabase = new TreeMap<>(inDatabase);
        createdInDatabase.keySet().retainAll(created.keySet());
        assertEquals(new TreeMap<>(created), createdInDatabase, "every 201 is in the database");
        assertTrue(refusedKeys.containsAll(writtenThoughRefused.keySet()),
                "only a refused intake is in the database without a 201: " + writtenThoughRefused);
        // once the outbox has drained, what each accept wrote is on the topic
        Faults.await("the outbox is empty", Duration.ofSeconds(60),
                () -> Faults.count(stack, REFERRAL, "SELECT count(*) FROM outbox") == 0);
        Set<String> triaged = new HashSet<>(acceptedIds);
        triaged.addAll(notAcceptedIds);
        Map<String, Long> acceptances = Faults.distinctPerSubject(Faults.eventsAbout(stack.broker.bootstrapServers(),
                Topics.REFERRALS, triaged), "referral.accepted");
        for (String id : acceptedIds) {
            assertEquals(1L, acceptances.getOrDefault(id, 0L), "a 200 accept published its event once: " + id);
        }
        // a refused accept changed nothing, or, where its commit's answer was lost, took effect whole
        int acceptsInDoubt = 0;
        for (String id : notAcceptedIds) {
            if ("ACCEPTED".equals(Journeys.status(stack, id))) {
                assertEquals(1L, acceptances.getOrDefault(id, 0L), "an accept made though refused published its "
                        + "event once: " + id);
                acceptsInDoubt++;
            } else {
                assertEquals("RECEIVED", Journeys.status(stack, id), "a refused accept changed nothing: " + id);
                assertEquals(0L, acceptances.getOrDefault(id, 0L), "a refused accept published nothing: " + id);
            }
        }
        // a refused intake, retried with its key, creates the referral now, or finds the one its lost commit made
        int retriedCreated = 0;
        for (String key : refusedKeys) {
            Http.Outcome retry = Http.post(stack.url(REFERRAL) + "/referrals", referrer, body,
                    Map.of("Idempotency-Key", key));
            if (writtenThoughRefused.containsKey(key)) {
                assertEquals(200, retry.status(), "retry of " + key + ", made though refused: " + retry.describe());
                assertEquals(writtenThoughRefused.get(key), Http.idOf(retry), "the referral its lost commit made");
            } else {
                assertEquals(201, retry.status(), "retry of refused " + key + ": " + retry.describe());
                retriedCreated++;
            }
        }

        // the consumers waited for their database rather than dead-lettering what arrived meanwhile
        String[] whileDown = publishedWhileDown.toArray(String[]::new);
        Faults.await("matching applied the events that arrived during the outage", Duration.ofSeconds(120),
                () -> Faults.count(stack, MATCHING, "SELECT count(*) FROM referral WHERE id::text = ANY(?)",
                        (Object) whileDown) == whileDown.length);
        Faults.await("session-service applied them", Duration.ofSeconds(120), () -> Faults.count(stack, SESSION,
                "SELECT count(*) FROM referral_state WHERE referral_id::text = ANY(?)", (Object) whileDown)
                == whileDown.length);
        String[] eventsWhileDown = eventIdsWhileDown.toArray(String[]::new);
        for (Suite.Service consumer : List.of(MATCHING, SESSION, OUTCOMES)) {
            Faults.await(consumer.module + " recorded them in its inbox", Duration.ofSeconds(60), () -> Faults.count(
                    stack, consumer, "SELECT count(*) FROM inbox WHERE event_id = ANY(?)", (Object) eventsWhileDown)
                    == eventsWhileDown.length);
        }
        Map<String, Long> deadLettersAfter = deadLetterCounts();

        Faults.report("postgres-restart", Faults.counts("down", DOWN.toSeconds() + "s",
                "requests", total(), "ok", total() - count("503-problem") - unclean.size(),
                "refused503", count("503-problem"), "refusedDuringOutage", refusedDuringOutage,
                "http500", unclean.stream().filter(u -> u.contains(" 500 ")).count(), "unclean", unclean.size(),
                "created201", created.size(), "inDatabase", inDatabase.size(), "retriedCreated", retriedCreated,
                "intakesMadeThoughRefused", writtenThoughRefused.size(), "acceptsMadeThoughRefused", acceptsInDoubt,
                "eventsDuringOutage", whileDown.length, "deadLettered",
                sum(deadLettersAfter) - sum(deadLettersBefore), "recoverySeconds", recovery.toSeconds()));
        System.out.println("postgres-restart outcomes per operation: " + outcomes);
        assertEquals(List.of(), unclean, "answers that were neither success nor a clean 503 problem+json");
        assertTrue(refusedDuringOutage > 0, "the outage was felt: requests were refused");
        assertTrue(created.size() > createdBeforeOutage, "intake went on after the outage");
        assertEquals(deadLettersBefore, deadLettersAfter, "nothing dead-lettered because of the outage");
    }

    private void load(String knownReferral) {
        while (loading) {
            String key = "fault-db-" + UUID.randomUUID();
            Http.Outcome intake = call("POST /referrals", Http.post(stack.url(REFERRAL) + "/referrals", referrer, body,
                    Map.of("Idempotency-Key", key)), 201);
            if (intake.is(201)) {
                String id = Http.idOf(intake);
                created.put(key, id);
                Http.Outcome accept = call("POST /referrals/{id}/accept", Http.post(stack.url(REFERRAL) + "/referrals/"
                        + id + "/accept", coordinator, "{}", Map.of()), 200);
                (accept.is(200) ? acceptedIds : notAcceptedIds).add(id);
            } else if (intake.cleanUnavailable()) {
                refusedKeys.add(key);
            }
            call("GET /referrals/{id}", Http.get(stack.url(REFERRAL) + "/referrals/" + knownReferral, coordinator),
                    200);
            call("GET matching proposals", Http.get(stack.url(MATCHING) + "/referrals/" + knownReferral
                    + "/proposals", coordinator), 200);
            call("GET /sessions", Http.get(stack.url(SESSION) + "/sessions?referralId=" + knownReferral, coordinator),
                    200);
            call("GET /dashboard/summary", Http.get(stack.url(OUTCOMES) + "/dashboard/summary", commissioner), 200);
            Faults.sleep(100);
        }
    }

    private Http.Outcome call(String operation, Http.Outcome outcome, int expected) {
        String kind = outcome.is(expected) ? String.valueOf(expected)
                : outcome.cleanUnavailable() ? "503-problem" : "unclean";
        outcomes.computeIfAbsent(operation, o -> new ConcurrentHashMap<>())
                .computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        if (kind.equals("unclean")) {
            unclean.add(operation + ": " + outcome.describe());
        }
        return outcome;
    }

    private int count(String kind) {
        return outcomes.values().stream().mapToInt(m -> m.getOrDefault(kind, new AtomicInteger()).get()).sum();
    }

    private int total() {
        return outcomes.values().stream().flatMap(m -> m.values().stream()).mapToInt(AtomicInteger::get).sum();
    }

    private boolean allServicesAnswer(String knownReferral) {
        return Http.post(stack.url(REFERRAL) + "/referrals", referrer, body, Map.of()).is(201)
                && Http.get(stack.url(MATCHING) + "/referrals/" + knownReferral + "/proposals", coordinator).is(200)
                && Http.get(stack.url(SESSION) + "/sessions?referralId=" + knownReferral, coordinator).is(200)
                && Http.get(stack.url(OUTCOMES) + "/dashboard/summary", commissioner).is(200)
                && Collections.frequency(List.of(stack.primary(REFERRAL).ready(), stack.primary(MATCHING).ready(),
                        stack.primary(SESSION).ready(), stack.primary(OUTCOMES).ready()), true) == 4;
    }

    private Map<String, Long> deadLetterCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String service : List.of("referral-service", "matching-service", "session-service", "outcomes-service")) {
            String topic = Topics.deadLetter(service);
            try {
                counts.put(service, Faults.endOffsets(stack.broker.bootstrapServers(), topic).values().stream()
                        .mapToLong(Long::longValue).sum());
            } catch (IllegalStateException noTopicYet) {
                counts.put(service, 0L);
            }
        }
        return counts;
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
