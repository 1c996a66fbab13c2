package org.alongside.journey;

import static org.alongside.journey.Suite.Service.MATCHING;
import static org.alongside.journey.Suite.Service.OUTCOMES;
import static org.alongside.journey.Suite.Service.REFERRAL;
import static org.alongside.journey.Suite.Service.SESSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.alongside.platform.events.Topics;
import org.alongside.platform.testing.KafkaBroker;
import org.alongside.platform.testing.KafkaCluster;
import org.alongside.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Kafka as production runs it, three brokers with every topic on three replicas and {@code min.insync.replicas} 2,
 * loses the broker that leads most of the referrals topic's partitions ({@code kill -9}) while referrals arrive, and
 * gets it back later. Intake answers 201 throughout; every event reaches the topic, and every consumer applies each
 * once. Runs on a stack of its own ({@link ClusterStack}), closed when the test ends.
 */
class BrokerFailoverTest {

    private static final String SNOMED = "44054006";
    private static final String DISPLAY = "Type 2 diabetes mellitus";
    /** Between one referral's acceptance and the next referral: a steady stream, a few a second. */
    private static final long PACE_MILLIS = 200;

    @Test
    void aLeaderKilledAndRestartedLosesNothingAndDoublesNothing() throws Exception {
        try (ClusterStack stack = new ClusterStack()) {
            KafkaCluster cluster = stack.kafka;
            assertEquals(ClusterStack.BROKERS, cluster.replicas(Topics.REFERRALS), "replicas of the referrals topic");
            Journeys.createPeer(stack, SNOMED, DISPLAY, 50);
            JsonPath before = Journeys.summary(stack);

            Intake intake = new Intake(stack);
            Thread load = new Thread(intake, "referrals");
            load.start();
            Map<Integer, Integer> leaders;
            int victim;
            long failoverMs;
            long rejoinMs;
            try {
                awaitFlowing(stack, intake, "before the kill");
                leaders = cluster.leaders(Topics.REFERRALS);
                victim = leaders.values().stream()
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                        .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                KafkaBroker killed = cluster.node(victim);

                Instant kill = Instant.now();
                killed.kill();
                Faults.await("every partition of the referrals topic led by a live broker", Duration.ofSeconds(90),
                        () -> cluster.leaders(Topics.REFERRALS).values().stream()
                                .allMatch(leader -> leader != -1 && leader != victim));
                failoverMs = Duration.between(kill, Instant.now()).toMillis();
                awaitFlowing(stack, intake, "with a broker down");

                Instant restart = Instant.now();
                killed.start();
                Faults.await("the restarted broker back in sync on every partition", Duration.ofSeconds(120),
                        () -> cluster.inSyncReplicas(Topics.REFERRALS).values().stream()
                                .allMatch(isr -> isr.contains(victim)));
                rejoinMs = Duration.between(restart, Instant.now()).toMillis();
                awaitFlowing(stack, intake, "after the restart");
            } finally {
                intake.stop();
                load.join(Duration.ofSeconds(90).toMillis());
            }

            List<String> sent = intake.created();
            String[] ids = sent.toArray(String[]::new);
            Faults.await("matching proposes for every referral", Duration.ofSeconds(180), () -> Faults.count(stack,
                    MATCHING, "SELECT count(DISTINCT referral_id) FROM proposal WHERE referral_id::text = ANY(?)",
                    (Object) ids) == sent.size());
            Faults.await("the outbox is empty", Duration.ofSeconds(60), () -> Faults.count(stack, REFERRAL,
                    "SELECT count(*) FROM outbox") == 0);
            String bootstrap = cluster.bootstrapServers();
            List<JsonNode> events = Faults.eventsAbout(bootstrap, Topics.REFERRALS, sent);
            String[] eventIds = events.stream().map(e -> e.path("id").asText()).distinct().toArray(String[]::new);
            String[] acceptedIds = events.stream().filter(e -> "referral.accepted".equals(e.path("type").asText()))
                    .map(e -> e.path("id").asText()).distinct().toArray(String[]::new);
            Faults.await("outcomes applied every event", Duration.ofSeconds(120), () -> Faults.count(stack, OUTCOMES,
                    "SELECT count(*) FROM inbox WHERE event_id = ANY(?)", (Object) eventIds) == eventIds.length);
            Faults.await("session-service applied every acceptance", Duration.ofSeconds(120), () -> Faults.count(
                    stack, SESSION, "SELECT count(*) FROM inbox WHERE event_id = ANY(?)", (Object) acceptedIds)
                    == acceptedIds.length);

            List<JsonNode> proposedEvents = Faults.eventsAbout(bootstrap, Topics.MATCHES, sent);
            Map<String, Long> proposedPer = Faults.distinctPerSubject(proposedEvents, "match.proposed");
            long proposals = Faults.count(stack, MATCHING,
                    "SELECT count(*) FROM proposal WHERE referral_id::text = ANY(?)", (Object) ids);
            long matchingReferrals = Faults.count(stack, MATCHING,
                    "SELECT count(*) FROM referral WHERE id::text = ANY(?)", (Object) ids);
            long sessionApplied = Faults.count(stack, SESSION, "SELECT count(*) FROM inbox WHERE event_id = ANY(?)",
                    (Object) acceptedIds);
            long outcomesApplied = Faults.count(stack, OUTCOMES, "SELECT count(*) FROM inbox WHERE event_id = ANY(?)",
                    (Object) eventIds);
            JsonPath after = Journeys.summary(stack);
            int received = after.getInt("referralsReceived") - before.getInt("referralsReceived");
            int accepted = after.getInt("referralsAccepted") - before.getInt("referralsAccepted");

            Faults.report("broker-failover-3-brokers", Faults.counts(
                    "killedBroker", victim, "partitionsItLed", leaders.values().stream().filter(l -> l == victim)
                            .count() + "/" + leaders.size(),
                    "failoverMs", failoverMs, "rejoinMs", rejoinMs,
                    "sent", intake.attempts(), "created201", sent.size(), "accepted200", intake.accepted(),
                    "otherAnswers", intake.failures().size(),
                    "createdWhileDown", intake.createdWhileDown(),
                    "events", events.size(), "distinctEvents", eventIds.length,
                    "matchingReferrals", matchingReferrals, "proposals", proposals,
                    "matchProposedEvents", proposedPer.values().stream().mapToLong(Long::longValue).sum(),
                    "matchProposedRecords", proposedEvents.stream()
                            .filter(e -> "match.proposed".equals(e.path("type").asText())).count(),
                    "sessionApplied", sessionApplied, "outcomesReceived", received, "outcomesAccepted", accepted,
                    "outcomesApplied", outcomesApplied));

            assertEquals(List.of(), intake.failures(), "intake and triage answered 201 and 200 throughout");
            assertEquals(intake.attempts(), sent.size(), "every referral sent was created");
            assertEquals(sent.size(), intake.accepted(), "every referral created was accepted");
            assertTrue(intake.createdWhileDown() > 0, "referrals arrived while the broker was down");
            assertEquals(2 * sent.size(), eventIds.length, "referral.received and referral.accepted for each, once");
            assertEquals(sent.size(), acceptedIds.length, "one referral.accepted per referral");
            assertEquals(sent.size(), matchingReferrals, "referrals known to matching");
            assertEquals(sent.size(), proposals, "one proposal per referral (one peer): none made twice");
            assertEquals(sent.size(), proposedPer.size(), "a match.proposed for every referral");
            proposedPer.forEach((id, n) -> assertEquals(1L, n, "match.proposed events for " + id));
            assertEquals(sent.size(), sessionApplied, "acceptances applied by session-service");
            assertEquals(sent.size(), received, "referral.received effects in outcomes");
            assertEquals(sent.size(), accepted, "referral.accepted effects in outcomes");
            assertEquals(eventIds.length, outcomesApplied, "events applied by outcomes");
        }
    }

    /** Waits until the next referral created from now on has its proposals: events flow end to end. */
    private static void awaitFlowing(ClusterStack stack, Intake intake, String when) {
        int next = intake.created().size();
        Faults.await("a referral created " + when, Duration.ofSeconds(60), () -> intake.created().size() > next);
        String referral = intake.created().get(next);
        Faults.await("the referral created " + when + " reaches matching", Duration.ofSeconds(120),
                () -> Journeys.proposalsStatus(stack, referral) == 200);
    }

    /** Refers and accepts people one after another, at {@link #PACE_MILLIS}, until stopped; counts every answer. */
    private static final class Intake implements Runnable {

        private final ClusterStack stack;
        private final String body = Http.json(Faults.referral(SNOMED, DISPLAY));
        private final String referrer = Tokens.referrer(Journeys.ODS);
        private final String coordinator = Tokens.as("coordinator");
        private final List<String> created = Collections.synchronizedList(new ArrayList<>());
        private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        private volatile boolean running = true;
        private volatile int attempts;
        private volatile int accepted;
        private volatile int createdWhileDown;

        Intake(ClusterStack stack) {
            this.stack = stack;
        }

        @Override
        public void run() {
            while (running) {
                attempts++;
                boolean brokerDown = stack.kafka.anyNodeDown();
                Http.Outcome outcome = Http.post(stack.url(REFERRAL) + "/referrals", referrer, body, Map.of());
                if (!outcome.is(201)) {
                    failures.add("POST /referrals: " + outcome.describe());
                } else {
                    String id = Http.idOf(outcome);
                    created.add(id);
                    if (brokerDown) {
                        createdWhileDown++;
                    }
                    Http.Outcome accept = Http.post(stack.url(REFERRAL) + "/referrals/" + id + "/accept",
                            coordinator, "{}", Map.of());
                    if (accept.is(200)) {
                        accepted++;
                    } else {
                        failures.add("POST /referrals/" + id + "/accept: " + accept.describe());
                    }
                }
                Faults.sleep(PACE_MILLIS);
            }
        }

        void stop() {
            running = false;
        }

        List<String> created() {
            synchronized (created) {
                return new ArrayList<>(created);
            }
        }

        List<String> failures() {
            synchronized (failures) {
                return new ArrayList<>(failures);
            }
        }

        int attempts() {
            return attempts;
        }

        int accepted() {
            return accepted;
        }

        int createdWhileDown() {
            return createdWhileDown;
        }
    }
}
