package org.alongside.journey;

import static org.alongside.journey.Suite.Service.MATCHING;
import static org.alongside.journey.Suite.Service.OUTCOMES;
import static org.alongside.journey.Suite.Service.REFERRAL;
import static org.alongside.journey.Suite.Service.SESSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.alongside.platform.events.Topics;
import org.alongside.platform.testing.Tokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Test;

/**
 * Two instances of every service: the consuming services' instances share their consumer group's partitions, and
 * two outbox relays work on referral-service's one database. Referrals arrive at both referral-service instances;
 * every event is on its topic once and every effect happens once.
 */
class ScaleOutTest {

    private static final String SNOMED = "399211009";
    private static final String DISPLAY = "History of myocardial infarction";
    private static final int REFERRALS = 40;

    private final FaultStack stack = FaultStack.get();

    @Test
    void twoInstancesShareTheWorkAndNothingIsPublishedOrAppliedTwice() throws Exception {
        Journeys.createPeer(stack, SNOMED, DISPLAY, 50);
        Map<Suite.Service, ServiceProcess> second = new EnumMap<>(Suite.Service.class);
        try {
            for (Suite.Service service : Suite.Service.values()) {
                second.put(service, stack.addInstance(service));
            }
            for (ServiceProcess instance : second.values()) {
                instance.awaitReady(Duration.ofSeconds(180));
            }
            Map<String, String> sharing = new java.util.TreeMap<>();
            for (Suite.Service service : Suite.Service.values()) {
                Faults.await(service.module + "'s two instances share the partitions", Duration.ofSeconds(120),
                        () -> assignments(service.module).size() == 2
                                && assignments(service.module).stream().allMatch(n -> n > 0));
                sharing.put(service.shortName(), assignments(service.module).stream().map(String::valueOf)
                        .reduce((a, b) -> a + "+" + b).orElse(""));
            }

            // intake and triage spread over both referral-service instances, so both relays publish
            String referrer = Tokens.referrer(Journeys.ODS);
            String coordinator = Tokens.as("coordinator");
            String body = Http.json(Faults.referral(SNOMED, DISPLAY));
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < REFERRALS; i++) {
                ServiceProcess intake = i % 2 == 0 ? stack.primary(REFERRAL) : second.get(REFERRAL);
                ServiceProcess triage = i % 2 == 0 ? second.get(REFERRAL) : stack.primary(REFERRAL);
                Http.Outcome created = Http.post(intake.url() + "/referrals", referrer, body, Map.of());
                assertEquals(201, created.status(), created.describe());
                String id = Http.idOf(created);
                Http.Outcome accepted = Http.post(triage.url() + "/referrals/" + id + "/accept", coordinator, "{}",
                        Map.of());
                assertEquals(200, accepted.status(), accepted.describe());
                sent.add(id);
            }

            String[] ids = sent.toArray(String[]::new);
            Faults.await("matching has every referral", Duration.ofSeconds(120), () -> Faults.count(stack, MATCHING,
                    "SELECT count(*) FROM referral WHERE id::text = ANY(?)", (Object) ids) == sent.size());
            Faults.await("the outbox is empty", Duration.ofSeconds(60), () -> Faults.count(stack, REFERRAL,
                    "SELECT count(*) FROM outbox") == 0);
            String bootstrap = stack.broker.bootstrapServers();
            List<JsonNode> events = Faults.eventsAbout(bootstrap, Topics.REFERRALS, sent);
            String[] eventIds = events.stream().map(e -> e.path("id").asText()).distinct().toArray(String[]::new);
            String[] acceptedIds = events.stream().filter(e -> "referral.accepted".equals(e.path("type").asText()))
                    .map(e -> e.path("id").asText()).distinct().toArray(String[]::new);
            Faults.await("outcomes applied every event", Duration.ofSeconds(120), () -> Faults.count(stack, OUTCOMES,
                    "SELECT count(*) FROM inbox WHERE event_id = ANY(?)", (Object) eventIds) == eventIds.length);
            Faults.await("session-service applied every acceptance", Duration.ofSeconds(120), () -> Faults.count(
                    stack, SESSION, "SELECT count(*) FROM inbox WHERE event_id = ANY(?)", (Object) acceptedIds)
                    == acceptedIds.length);
            Faults.awaitSettled(stack, bootstrap);

            events = Faults.eventsAbout(bootstrap, Topics.REFERRALS, sent);
            Map<String, Long> proposed = Faults.perSubject(Faults.eventsAbout(bootstrap, Topics.MATCHES, sent),
                    "match.proposed");
            long matchingApplied = Faults.count(stack, MATCHING, "SELECT count(*) FROM inbox WHERE event_id = ANY(?)",
                    (Object) acceptedIds);
            long sessionApplied = Faults.count(stack, SESSION, "SELECT count(*) FROM inbox WHERE event_id = ANY(?)",
                    (Object) acceptedIds);
            long outcomesApplied = Faults.count(stack, OUTCOMES, "SELECT count(*) FROM inbox WHERE event_id = ANY(?)",
                    (Object) eventIds);
            long shortlists = Faults.count(stack, MATCHING,
                    "SELECT count(DISTINCT referral_id) FROM proposal WHERE referral_id::text = ANY(?)", (Object) ids);

            Faults.report("two-instances", Faults.counts("sent", sent.size(), "partitionsPerInstance",
                    sharing.toString().replace(" ", ""), "eventsOnTopic", events.size(),
                    "distinctEvents", eventIds.length, "matchingApplied", matchingApplied, "matchProposedEvents",
                    proposed.values().stream().mapToLong(Long::longValue).sum(), "referralsWithProposals", shortlists,
                    "sessionApplied", sessionApplied, "outcomesApplied", outcomesApplied));
            // the outbox is empty, so every row it held is on the topic: received + accepted per referral, once
            assertEquals(2L * sent.size(), events.size(), "received + accepted per referral on the topic");
            assertEquals(events.size(), eventIds.length, "no event id twice on the topic");
            assertEquals(sent.size(), acceptedIds.length);
            assertEquals(sent.size(), matchingApplied, "acceptances applied by matching");
            assertEquals(sent.size(), proposed.size(), "a match.proposed for every referral");
            proposed.forEach((id, n) -> assertEquals(1L, n, "match.proposed events for " + id));
            assertEquals(sent.size(), shortlists);
            assertEquals(sent.size(), sessionApplied, "acceptances applied by session-service");
            assertEquals(eventIds.length, outcomesApplied, "events applied by outcomes");
            assertTrue(sharing.values().stream().allMatch(s -> s.contains("+")));
        } finally {
            stack.removeExtraInstances();
        }
    }

    /** How many partitions each member of the group has now. */
    private List<Integer> assignments(String group) {
        try (Admin admin = Faults.admin(stack.broker.bootstrapServers())) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).describedGroups()
                    .get(group).get(30, TimeUnit.SECONDS);
            List<Integer> counts = new ArrayList<>();
            for (MemberDescription member : description.members()) {
                counts.add(member.assignment().topicPartitions().size());
            }
            return counts;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
