package org.alongside.outcomes;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.test.junit.QuarkusMock;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.outcomes.dashboard.DisclosurePolicy;
import org.alongside.platform.events.EventData;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventSpec;
import org.alongside.platform.events.Topics;
import org.alongside.platform.testing.KafkaBroker;
import org.alongside.platform.testing.TestEvents;
import org.alongside.platform.testing.Tokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Event data as the other services publish it, and the dashboard counts as a commissioner reads them. */
final class OutcomesTestSupport {

    static final List<String> COUNTS = List.of("referralsReceived", "referralsAccepted", "referralsDeclined",
            "referralsWithdrawn", "referralsMatched", "referralsActive", "referralsClosed", "sessionsRecorded",
            "sessionsAttended");

    private static final List<Map<String, Object>> CONDITIONS = List.of(
            Map.of("snomedCode", "44054006", "display", "Type 2 diabetes mellitus", "kind", "PHYSICAL"),
            Map.of("snomedCode", "35489007", "display", "Depressive disorder", "kind", "MENTAL"));

    private static final ObjectMapper EVENT_JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private OutcomesTestSupport() {
    }

    /**
     * For the rest of the current test, the dashboard shows exact figures, as the journey stack configures it
     * (alongside.dashboard.disclosure.enabled=false): these tests count single referrals.
     */
    static void exactFigures() {
        QuarkusMock.installMockForType(new DisclosurePolicy(false, 7, 5), DisclosurePolicy.class);
    }

    /**
     * Waits until the service's consumer group has committed every record on the topics it reads: from then on
     * the read model holds every event published so far.
     */
    static void awaitConsumerCaughtUp() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBroker.shared().bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                for (String topic : Topics.ALL) {
                    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                            .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("outcomes-service")
                        .partitionsToOffsetAndMetadata().get();
                return admin.listOffsets(latest).all().get().entrySet().stream().allMatch(end -> end.getValue()
                        .offset() == 0 || (committed.get(end.getKey()) != null
                        && committed.get(end.getKey()).offset() >= end.getValue().offset()));
            });
        }
    }

    /** Publishes the typed data of an event in its own version, as a producer on that version does. */
    static EventEnvelope publish(UUID referralId, EventData data) {
        EventSpec<?> spec = EventSpec.of(data.getClass());
        EventEnvelope event = new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(),
                spec.type(), "/alongside/test", referralId.toString(), OffsetDateTime.now(ZoneOffset.UTC),
                EventEnvelope.CONTENT_TYPE, spec.dataschema("http://localhost"), EVENT_JSON.valueToTree(data));
        TestEvents.send(event);
        return event;
    }

    static RequestSpecification as(String role) {
        return given().header("Authorization", Tokens.bearer(Tokens.as(role)));
    }

    static OffsetDateTime at(String instant) {
        return OffsetDateTime.parse(instant);
    }

    static Map<String, Object> received(UUID referralId, OffsetDateTime receivedAt) {
        Map<String, Object> data = new HashMap<>();
        data.put("referralId", referralId);
        data.put("referrerType", "GP_PRACTICE");
        data.put("referrerOdsCode", "B82001");
        data.put("conditions", CONDITIONS);
        data.put("ageBand", "65-74");
        data.put("gender", "FEMALE");
        data.put("imdDecile", 2);
        data.put("receivedAt", receivedAt);
        return data;
    }

    /** As referral-service sends it; the age band is worked out again at acceptance and may have moved on. */
    static Map<String, Object> accepted(UUID referralId, OffsetDateTime receivedAt, OffsetDateTime acceptedAt) {
        Map<String, Object> data = new HashMap<>();
        data.put("referralId", referralId);
        data.put("conditions", CONDITIONS);
        data.put("preferences", Map.of("formats", List.of("ONE_TO_ONE", "TELEPHONE"), "sharedCondition", true));
        data.put("language", "en");
        data.put("interpreterNeeded", false);
        data.put("ageBand", "75+");
        data.put("gender", "FEMALE");
        data.put("locality", "LS6");
        data.put("imdDecile", 2);
        data.put("receivedAt", receivedAt);
        data.put("acceptedAt", acceptedAt);
        return data;
    }

    static Map<String, Object> declined(UUID referralId, OffsetDateTime declinedAt) {
        return Map.of("referralId", referralId, "reason", "NOT_ELIGIBLE", "declinedAt", declinedAt);
    }

    static Map<String, Object> withdrawn(UUID referralId, OffsetDateTime withdrawnAt) {
        return Map.of("referralId", referralId, "reason", "PERSON_REQUEST", "fromStatus", "ACCEPTED",
                "withdrawnAt", withdrawnAt);
    }

    static Map<String, Object> closed(UUID referralId, OffsetDateTime closedAt) {
        return Map.of("referralId", referralId, "reason", "GOALS_MET", "closedAt", closedAt);
    }

    static Map<String, Object> matchAccepted(UUID referralId, UUID peerId, OffsetDateTime acceptedAt) {
        return Map.of("referralId", referralId, "proposalId", UUID.randomUUID(), "peerId", peerId, "score", 87,
                "acceptedAt", acceptedAt);
    }

    static Map<String, Object> session(UUID referralId, UUID sessionId, UUID peerId, OffsetDateTime startedAt,
            String attendance, OffsetDateTime recordedAt) {
        Map<String, Object> data = new HashMap<>();
        data.put("sessionId", sessionId);
        data.put("referralId", referralId);
        data.put("peerId", peerId);
        data.put("startedAt", startedAt);
        data.put("durationMinutes", "ATTENDED".equals(attendance) ? 60 : 0);
        data.put("format", "IN_PERSON");
        data.put("attendance", attendance);
        data.put("focus", List.of("EMOTIONAL_SUPPORT", "DAILY_MANAGEMENT"));
        data.put("recordedAt", recordedAt);
        return data;
    }

    static Map<String, Object> outcome(UUID referralId, UUID measurementId, String instrument, String timepoint,
            OffsetDateTime completedAt, Object score, Object change, String classification) {
        Map<String, Object> data = new HashMap<>();
        data.put("referralId", referralId);
        data.put("measurementId", measurementId);
        data.put("instrument", instrument);
        data.put("timepoint", timepoint);
        data.put("completedAt", completedAt);
        data.put("score", score);
        data.put("rawScore", score instanceof Number n ? n.intValue() : null);
        data.put("band", null);
        if (change != null) {
            Map<String, Object> difference = new HashMap<>();
            difference.put("fromBaseline", change);
            difference.put("classification", classification);
            data.put("change", difference);
        }
        return data;
    }

    static Map<String, Object> safeguarding(UUID referralId, String category, boolean immediateRisk,
            OffsetDateTime raisedAt) {
        return Map.of("referralId", referralId, "concernId", UUID.randomUUID(), "category", category,
                "immediateRisk", immediateRisk, "raisedAt", raisedAt);
    }

    /** The expected counts: the named ones as given, every other count zero. */
    static Map<String, Long> counts(Object... nameThenCount) {
        Map<String, Long> counts = new LinkedHashMap<>();
        COUNTS.forEach(name -> counts.put(name, 0L));
        for (int i = 0; i < nameThenCount.length; i += 2) {
            if (counts.put((String) nameThenCount[i], ((Number) nameThenCount[i + 1]).longValue()) == null) {
                throw new IllegalArgumentException("No count " + nameThenCount[i]);
            }
        }
        return counts;
    }

    /** The counts for referrals received from {@code from} to {@code to}, read as a commissioner. */
    static Map<String, Long> countsFor(LocalDate from, LocalDate to) {
        Map<String, Object> body = as("commissioner").queryParam("from", from.toString())
                .queryParam("to", to.toString()).get("/dashboard/summary")
                .then().statusCode(200).extract().as(Map.class);
        Map<String, Long> counts = new LinkedHashMap<>();
        COUNTS.forEach(name -> counts.put(name, ((Number) body.get(name)).longValue()));
        return counts;
    }

    static void awaitCounts(LocalDate day, Map<String, Long> expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertEquals(expected, countsFor(day, day)));
    }
}
