package org.alongside.outcomes;

import static org.alongside.outcomes.OutcomesTestSupport.accepted;
import static org.alongside.outcomes.OutcomesTestSupport.as;
import static org.alongside.outcomes.OutcomesTestSupport.at;
import static org.alongside.outcomes.OutcomesTestSupport.awaitCounts;
import static org.alongside.outcomes.OutcomesTestSupport.closed;
import static org.alongside.outcomes.OutcomesTestSupport.counts;
import static org.alongside.outcomes.OutcomesTestSupport.countsFor;
import static org.alongside.outcomes.OutcomesTestSupport.declined;
import static org.alongside.outcomes.OutcomesTestSupport.exactFigures;
import static org.alongside.outcomes.OutcomesTestSupport.matchAccepted;
import static org.alongside.outcomes.OutcomesTestSupport.received;
import static org.alongside.outcomes.OutcomesTestSupport.session;
import static org.alongside.outcomes.OutcomesTestSupport.withdrawn;
import static org.alongside.platform.events.EventTypes.MATCH_ACCEPTED;
import static org.alongside.platform.events.EventTypes.REFERRAL_ACCEPTED;
import static org.alongside.platform.events.EventTypes.REFERRAL_CLOSED;
import static org.alongside.platform.events.EventTypes.REFERRAL_DECLINED;
import static org.alongside.platform.events.EventTypes.REFERRAL_RECEIVED;
import static org.alongside.platform.events.EventTypes.REFERRAL_WITHDRAWN;
import static org.alongside.platform.events.EventTypes.SESSION_RECORDED;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.Topics;
import org.alongside.platform.inbox.DeadLetters;
import org.alongside.platform.testing.AlongsideTestResource;
import org.alongside.platform.testing.KafkaBroker;
import org.alongside.platform.testing.TestEvents;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The read model as commissioners see it: events in, counts out. The tests share one database, so each uses its
 * own day of referral receipt and reads the counts for that day only.
 */
@QuarkusTest
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alongside_outcomes_dash_test"))
class OutcomesEventFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void countExactly() {
        exactFigures();
    }

    @Test
    void journeysAreCountedForTheDayTheirReferralsWereReceived() {
        LocalDate day = LocalDate.of(2024, 1, 10);
        UUID supported = UUID.randomUUID();
        UUID declined = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        UUID dayBefore = UUID.randomUUID();
        UUID peer = UUID.randomUUID();

        TestEvents.publish(REFERRAL_RECEIVED, supported, received(supported, at("2024-01-10T09:00:00Z")));
        TestEvents.publish(REFERRAL_ACCEPTED, supported,
                accepted(supported, at("2024-01-10T09:00:00Z"), at("2024-01-11T10:00:00Z")));
        TestEvents.publish(MATCH_ACCEPTED, supported, matchAccepted(supported, peer, at("2024-01-15T14:00:00Z")));
        TestEvents.publish(SESSION_RECORDED, supported, session(supported, UUID.randomUUID(), peer,
                at("2024-01-22T10:00:00Z"), "ATTENDED", at("2024-01-22T11:30:00Z")));
        TestEvents.publish(SESSION_RECORDED, supported, session(supported, UUID.randomUUID(), peer,
                at("2024-01-29T10:00:00Z"), "DID_NOT_ATTEND", at("2024-01-29T10:30:00Z")));

        TestEvents.publish(REFERRAL_RECEIVED, declined, received(declined, at("2024-01-10T16:45:00Z")));
        TestEvents.publish(REFERRAL_DECLINED, declined, declined(declined, at("2024-01-12T09:00:00Z")));

        TestEvents.publish(REFERRAL_RECEIVED, waiting, received(waiting, at("2024-01-10T23:59:00Z")));
        TestEvents.publish(REFERRAL_ACCEPTED, waiting,
                accepted(waiting, at("2024-01-10T23:59:00Z"), at("2024-01-12T09:30:00Z")));

        TestEvents.publish(REFERRAL_RECEIVED, dayBefore, received(dayBefore, at("2024-01-09T23:59:00Z")));
        TestEvents.publish(REFERRAL_WITHDRAWN, dayBefore, withdrawn(dayBefore, at("2024-01-12T09:00:00Z")));

        awaitCounts(day, counts("referralsReceived", 3, "referralsAccepted", 2, "referralsDeclined", 1,
                "referralsMatched", 1, "referralsActive", 1, "sessionsRecorded", 2, "sessionsAttended", 1));
        awaitCounts(day.minusDays(1), counts("referralsReceived", 1, "referralsWithdrawn", 1));
        assertEquals(counts("referralsReceived", 4, "referralsAccepted", 2, "referralsDeclined", 1,
                        "referralsWithdrawn", 1, "referralsMatched", 1, "referralsActive", 1, "sessionsRecorded", 2,
                        "sessionsAttended", 1),
                countsFor(day.minusDays(1), day));

        long everReceived = ((Number) as("admin").get("/dashboard/summary").then().statusCode(200)
                .extract().path("referralsReceived")).longValue();
        assertTrue(everReceived >= 4, "an open period counts every referral, was " + everReceived);
    }

    @Test
    void reportDaysAreLondonCalendarDays() {
        UUID lateOnMidsummerNight = UUID.randomUUID();
        TestEvents.publish(REFERRAL_RECEIVED, lateOnMidsummerNight,
                received(lateOnMidsummerNight, at("2024-06-30T23:30:00Z")));

        awaitCounts(LocalDate.of(2024, 7, 1), counts("referralsReceived", 1));
        assertEquals(counts(), countsFor(LocalDate.of(2024, 6, 30), LocalDate.of(2024, 6, 30)));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        LocalDate day = LocalDate.of(2024, 2, 12);
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        List<EventEnvelope> sent = new ArrayList<>();
        sent.add(TestEvents.publish(REFERRAL_RECEIVED, referral, received(referral, at("2024-02-12T09:00:00Z"))));
        sent.add(TestEvents.publish(REFERRAL_ACCEPTED, referral,
                accepted(referral, at("2024-02-12T09:00:00Z"), at("2024-02-13T09:00:00Z"))));
        sent.add(TestEvents.publish(MATCH_ACCEPTED, referral,
                matchAccepted(referral, peer, at("2024-02-14T09:00:00Z"))));
        sent.add(TestEvents.publish(SESSION_RECORDED, referral, session(referral, UUID.randomUUID(), peer,
                at("2024-02-20T10:00:00Z"), "ATTENDED", at("2024-02-20T11:00:00Z"))));
        awaitCounts(day, counts("referralsReceived", 1, "referralsAccepted", 1, "referralsMatched", 1,
                "referralsActive", 1, "sessionsRecorded", 1, "sessionsAttended", 1));
        // what the fresh events below change: the closure and the session counters
        String[] changing = {"closed_at", "close_reason", "sessions_recorded", "sessions_cancelled_client"};
        String factsBefore = referralFact(referral, changing);

        sent.forEach(TestEvents::send);
        sent.forEach(TestEvents::send);
        // Fresh events on the same keys queue behind the redeliveries: once they count, the redeliveries were read.
        TestEvents.publish(REFERRAL_CLOSED, referral, closed(referral, at("2024-03-30T09:00:00Z")));
        TestEvents.publish(SESSION_RECORDED, referral, session(referral, UUID.randomUUID(), peer,
                at("2024-02-27T10:00:00Z"), "CANCELLED_BY_CLIENT", at("2024-02-26T17:00:00Z")));

        awaitCounts(day, counts("referralsReceived", 1, "referralsAccepted", 1, "referralsMatched", 1,
                "referralsActive", 1, "referralsClosed", 1, "sessionsRecorded", 2, "sessionsAttended", 1));
        assertEquals(factsBefore, referralFact(referral, changing));
        assertEquals(sent.size(), inboxEntries(sent), "each event is in the inbox once");
    }

    @Test
    void theOrderEventsArriveInDoesNotChangeTheFacts() {
        LocalDate day = LocalDate.of(2024, 3, 5);
        UUID inOrder = UUID.randomUUID();
        UUID reversed = UUID.randomUUID();
        UUID peer = UUID.randomUUID();

        for (UUID referral : List.of(inOrder, reversed)) {
            List<Map.Entry<String, Map<String, Object>>> journey = List.of(
                    Map.entry(REFERRAL_RECEIVED, received(referral, at("2024-03-05T11:00:00Z"))),
                    Map.entry(REFERRAL_ACCEPTED,
                            accepted(referral, at("2024-03-05T11:00:00Z"), at("2024-03-06T09:00:00Z"))),
                    Map.entry(MATCH_ACCEPTED, matchAccepted(referral, peer, at("2024-03-08T15:00:00Z"))),
                    Map.entry(SESSION_RECORDED, session(referral, UUID.randomUUID(), peer,
                            at("2024-03-12T10:00:00Z"), "DID_NOT_ATTEND", at("2024-03-12T10:30:00Z"))),
                    Map.entry(SESSION_RECORDED, session(referral, UUID.randomUUID(), peer,
                            at("2024-03-19T10:00:00Z"), "ATTENDED", at("2024-03-19T11:00:00Z"))),
                    Map.entry(REFERRAL_CLOSED, closed(referral, at("2024-06-01T09:00:00Z"))));
            List<Map.Entry<String, Map<String, Object>>> delivery = new ArrayList<>(journey);
            if (referral.equals(reversed)) {
                Collections.reverse(delivery);
            }
            delivery.forEach(event -> TestEvents.publish(event.getKey(), referral, event.getValue()));
        }

        awaitCounts(day, counts("referralsReceived", 2, "referralsAccepted", 2, "referralsMatched", 2,
                "referralsActive", 2, "referralsClosed", 2, "sessionsRecorded", 4, "sessionsAttended", 2));
        assertEquals(referralFact(inOrder), referralFact(reversed));
        assertEquals(sessionFacts(inOrder), sessionFacts(reversed));

        JsonNode fact = read(referralFact(inOrder));
        assertEquals("65-74", fact.path("age_band").asText(), "the band at referral, not at acceptance");
        assertEquals("LS6", fact.path("locality").asText());
        assertEquals("[\"MENTAL\",\"PHYSICAL\"]", fact.path("condition_kinds").toString());
        assertEquals("[\"35489007\",\"44054006\"]", fact.path("condition_codes").toString());
        assertEquals("B82001", fact.path("referrer_ods_code").asText());
        assertEquals(Instant.parse("2024-03-19T10:00:00Z"),
                OffsetDateTime.parse(fact.path("first_attended_at").asText()).toInstant());
    }

    @Test
    void aCorrectedSessionCountsAsLastRecordedWhateverTheOrder() {
        LocalDate day = LocalDate.of(2024, 4, 15);
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        UUID sessionId = UUID.randomUUID();
        TestEvents.publish(REFERRAL_RECEIVED, referral, received(referral, at("2024-04-15T10:00:00Z")));
        // the correction (recorded later) overtakes the first recording
        TestEvents.publish(SESSION_RECORDED, referral, session(referral, sessionId, peer,
                at("2024-04-22T10:00:00Z"), "DID_NOT_ATTEND", at("2024-04-23T09:00:00Z")));
        TestEvents.publish(SESSION_RECORDED, referral, session(referral, sessionId, peer,
                at("2024-04-22T10:00:00Z"), "ATTENDED", at("2024-04-22T11:00:00Z")));
        TestEvents.publish(SESSION_RECORDED, referral, session(referral, UUID.randomUUID(), peer,
                at("2024-04-29T10:00:00Z"), "CANCELLED_BY_PEER", at("2024-04-28T08:00:00Z")));

        awaitCounts(day, counts("referralsReceived", 1, "sessionsRecorded", 2));

        TestEvents.publish(SESSION_RECORDED, referral, session(referral, sessionId, peer,
                at("2024-04-22T10:00:00Z"), "ATTENDED", at("2024-04-24T09:00:00Z")));
        awaitCounts(day, counts("referralsReceived", 1, "referralsActive", 1, "sessionsRecorded", 2,
                "sessionsAttended", 1));
    }

    @Test
    void aPoisonMessageIsDeadLetteredAndLaterEventsStillCount() throws Exception {
        LocalDate day = LocalDate.of(2024, 5, 20);
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        TestEvents.sendRaw(Topics.SESSIONS, referral.toString(), "not json".getBytes(StandardCharsets.UTF_8));
        Map<String, Object> noAttendance = session(referral, UUID.randomUUID(), peer, at("2024-05-21T10:00:00Z"),
                "ATTENDED", at("2024-05-21T11:00:00Z"));
        noAttendance.remove("attendance");
        TestEvents.publish(SESSION_RECORDED, referral, noAttendance);
        TestEvents.publish(REFERRAL_RECEIVED, referral, received(referral, at("2024-05-20T10:00:00Z")));
        TestEvents.publish(SESSION_RECORDED, referral, session(referral, UUID.randomUUID(), peer,
                at("2024-05-28T10:00:00Z"), "ATTENDED", at("2024-05-28T11:00:00Z")));

        awaitCounts(day, counts("referralsReceived", 1, "referralsActive", 1, "sessionsRecorded", 1,
                "sessionsAttended", 1));

        List<ConsumerRecord<String, byte[]>> letters = deadLetters(referral.toString(), 2);
        assertEquals("not json", new String(letters.get(0).value(), StandardCharsets.UTF_8));
        assertTrue(header(letters.get(0), DeadLetters.ERROR_HEADER).startsWith("Unreadable event"),
                header(letters.get(0), DeadLetters.ERROR_HEADER));
        assertEquals(Topics.SESSIONS, header(letters.get(0), DeadLetters.ORIGINAL_TOPIC_HEADER));
        assertTrue(header(letters.get(1), DeadLetters.ERROR_HEADER).contains("data.attendance"),
                header(letters.get(1), DeadLetters.ERROR_HEADER));
    }

    @Test
    void aPollsEventsAreAppliedInOneCommitAndAPoisonAmongThemIsIsolated() throws Exception {
        // committed in one Kafka transaction on one partition, so the consumer reads them in one poll
        LocalDate day = LocalDate.of(2024, 8, 6);
        String key = UUID.randomUUID().toString();
        List<EventEnvelope> received = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID referral = UUID.randomUUID();
            received.add(TestEvents.envelope(REFERRAL_RECEIVED, referral, received(referral,
                    at("2024-08-06T09:00:00Z"))));
        }
        TestEvents.sendTogether(received.stream().map(event -> TestEvents.record(event, key)).toList());
        awaitCounts(day, counts("referralsReceived", 20));
        assertEquals(received.size(), inboxEntries(received), "each event is in the inbox once");
        assertEquals("1", query("SELECT count(DISTINCT xmin::text)::text FROM inbox WHERE event_id = ANY(?)",
                (Object) received.stream().map(EventEnvelope::id).toArray(String[]::new)), "transactions committed");

        // one event of the poll breaks the contract: it alone is dead-lettered, the others applied once each
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        Map<String, Object> noAttendance = session(referral, UUID.randomUUID(), peer, at("2024-08-07T10:00:00Z"),
                "ATTENDED", at("2024-08-07T11:00:00Z"));
        noAttendance.remove("attendance");
        EventEnvelope poison = TestEvents.envelope(SESSION_RECORDED, referral, noAttendance);
        List<EventEnvelope> sound = List.of(
                TestEvents.envelope(SESSION_RECORDED, referral, session(referral, UUID.randomUUID(), peer,
                        at("2024-08-06T10:00:00Z"), "ATTENDED", at("2024-08-06T11:00:00Z"))),
                TestEvents.envelope(SESSION_RECORDED, referral, session(referral, UUID.randomUUID(), peer,
                        at("2024-08-08T10:00:00Z"), "ATTENDED", at("2024-08-08T11:00:00Z"))));
        TestEvents.sendTogether(List.of(TestEvents.record(sound.get(0), referral.toString()),
                TestEvents.record(poison, referral.toString()), TestEvents.record(sound.get(1), referral.toString())));

        List<ConsumerRecord<String, byte[]>> letters = deadLetters(referral.toString(), 1);
        assertTrue(header(letters.get(0), DeadLetters.ERROR_HEADER).contains("data.attendance"),
                header(letters.get(0), DeadLetters.ERROR_HEADER));
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxEntries(sound) == sound.size());
        assertEquals(0, inboxEntries(List.of(poison)), "the poison is not in the inbox");
        assertEquals(2, read(sessionFacts(referral)).size(), "both sound sessions recorded");
    }

    /** The referral's fact row as JSON, without its id (so two referrals' facts compare) and any columns named. */
    private String referralFact(UUID referral, String... without) {
        return query("""
                SELECT (to_jsonb(f) - 'referral_id' - ?::text[])::text FROM referral_fact f WHERE referral_id = ?""",
                without, referral);
    }

    private String sessionFacts(UUID referral) {
        return query("""
                SELECT jsonb_agg(to_jsonb(s) - 'session_id' - 'referral_id' - 'event_id' ORDER BY started_at)::text
                FROM session_fact s WHERE referral_id = ?""", referral);
    }

    private long inboxEntries(List<EventEnvelope> events) {
        return events.stream().mapToLong(e -> Long.parseLong(
                query("SELECT count(*)::text FROM inbox WHERE event_id = ?", e.id()))).sum();
    }

    private String query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i] instanceof String[] names
                        ? connection.createArrayOf("text", names) : parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What this service put on its dead-letter topic under {@code key}, in order, once there are {@code count}. */
    private static List<ConsumerRecord<String, byte[]>> deadLetters(String key, int count) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.deadLetter("outcomes-service")));
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(30);
            while (found.size() < count && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
            assertEquals(count, found.size(), "dead letters for " + key);
            return found;
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
