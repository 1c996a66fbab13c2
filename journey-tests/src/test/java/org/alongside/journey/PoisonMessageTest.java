package org.alongside.journey;

import static org.alongside.journey.Suite.Service.MATCHING;
import static org.alongside.journey.Suite.Service.OUTCOMES;
import static org.alongside.journey.Suite.Service.REFERRAL;
import static org.alongside.journey.Suite.Service.SESSION;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.alongside.platform.events.Topics;
import org.alongside.platform.inbox.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * Poison and its cure. A malformed record and an event breaking the contract land on the consumers' dead-letter
 * topics with their error headers, and later good events on the same partition are applied. An event whose handler
 * keeps failing (a defect, simulated in referral-service's database) is dead-lettered after three attempts, and the
 * documented replay command puts it back once the defect is fixed: it takes effect once, and consumers that had
 * applied it already ignore the replayed copy.
 */
class PoisonMessageTest {

    private static final String SNOMED = "73211009";
    private static final String DISPLAY = "Diabetes mellitus";

    private final FaultStack stack = FaultStack.get();

    @Test
    void poisonIsDeadLetteredWithItsErrorAndTheStreamMovesOn() throws Exception {
        Journeys.createPeer(stack, SNOMED, DISPLAY, 50);
        String bootstrap = stack.broker.bootstrapServers();
        String referralId = Journeys.refer(stack, Faults.referral(SNOMED, DISPLAY));
        Map<String, Integer> lettersBefore = Map.of(
                "matching", letters("matching-service").size(), "session", letters("session-service").size(),
                "outcomes", letters("outcomes-service").size());

        // keyed by the referral, so on the partition its own later events take
        byte[] malformed = "{\"specversion\":\"1.0\",\"id\":\"not json any more".getBytes(StandardCharsets.UTF_8);
        RecordMetadata unreadable = Faults.publish(bootstrap, Topics.REFERRALS, referralId, malformed);
        ObjectNode invalid = Faults.MAPPER.createObjectNode().put("specversion", "1.0")
                .put("id", UUID.randomUUID().toString()).put("type", "referral.accepted")
                .put("source", "/alongside/referral-service").put("subject", referralId)
                .put("time", Instant.now().toString()).put("datacontenttype", "application/json");
        invalid.putObject("data").put("referralId", referralId); // no conditions: it breaks the contract
        byte[] invalidBytes = Faults.MAPPER.writeValueAsBytes(invalid);
        RecordMetadata failsValidation = Faults.publish(bootstrap, Topics.REFERRALS, referralId, invalidBytes);

        Journeys.accept(stack, referralId); // a good event behind the poison, on the same partition
        Faults.await("matching proposes for the referral behind the poison", Duration.ofSeconds(60),
                () -> Journeys.proposalsStatus(stack, referralId) == 200
                        && !Journeys.proposals(stack, referralId).getList("proposals").isEmpty());
        JsonNode good = Faults.eventsAbout(bootstrap, Topics.REFERRALS, List.of(referralId)).stream()
                .filter(e -> "referral.accepted".equals(e.path("type").asText())
                        && "/alongside/referral-service".equals(e.path("source").asText())
                        && e.path("data").has("conditions")).findFirst().orElseThrow();
        String goodId = good.path("id").asText();
        Faults.await("session-service and outcomes apply it too", Duration.ofSeconds(60), () ->
                Faults.count(stack, SESSION, "SELECT count(*) FROM inbox WHERE event_id = ?", goodId) == 1
                && Faults.count(stack, OUTCOMES, "SELECT count(*) FROM inbox WHERE event_id = ?", goodId) == 1);
        long goodOffset = Faults.count(stack, MATCHING, "SELECT kafka_offset FROM inbox WHERE event_id = ?", goodId);
        long goodPartition = Faults.count(stack, MATCHING, "SELECT kafka_partition FROM inbox WHERE event_id = ?",
                goodId);
        assertEquals(unreadable.partition(), goodPartition, "the good event is on the poisoned partition");
        assertTrue(goodOffset > failsValidation.offset(), "and behind the poison");

        Faults.await("matching dead-lettered both", Duration.ofSeconds(60),
                () -> letters("matching-service").size() == lettersBefore.get("matching") + 2);
        List<ConsumerRecord<String, byte[]>> matching = letters("matching-service");
        ConsumerRecord<String, byte[]> first = matching.get(matching.size() - 2);
        ConsumerRecord<String, byte[]> second = matching.get(matching.size() - 1);
        assertLetter(first, unreadable, malformed, "Unreadable event");
        assertLetter(second, failsValidation, invalidBytes, "data.conditions must not be null");
        // every consumer of the topic reads referral.accepted as the same record, so each dead-letters both
        Faults.await("session-service and outcomes dead-lettered both", Duration.ofSeconds(60),
                () -> letters("session-service").size() == lettersBefore.get("session") + 2
                        && letters("outcomes-service").size() == lettersBefore.get("outcomes") + 2);
        assertLetter(letters("session-service").get(lettersBefore.get("session")), unreadable, malformed,
                "Unreadable event");
        assertLetter(letters("outcomes-service").get(lettersBefore.get("outcomes")), unreadable, malformed,
                "Unreadable event");

        Faults.report("poison", Faults.counts("poison", 2, "deadLetteredByMatching",
                matching.size() - lettersBefore.get("matching"),
                "deadLetteredBySession", letters("session-service").size() - lettersBefore.get("session"),
                "deadLetteredByOutcomes", letters("outcomes-service").size() - lettersBefore.get("outcomes"),
                "goodAfterPoison", 1, "goodApplied",
                Faults.count(stack, MATCHING, "SELECT count(*) FROM inbox WHERE event_id = ?", goodId)));
    }

    @Test
    void aDeadLetterReplayedAfterTheFixTakesEffectOnce() throws Exception {
        String bootstrap = stack.broker.bootstrapServers();
        UUID peer = Journeys.createPeer(stack, "44054006", "Type 2 diabetes mellitus", 50);
        String referralId = Journeys.refer(stack, Faults.referral("44054006", "Type 2 diabetes mellitus"));
        Journeys.accept(stack, referralId);
        Faults.await("proposals", Duration.ofSeconds(60), () -> Journeys.proposalsStatus(stack, referralId) == 200
                && !Journeys.proposals(stack, referralId).getList("proposals").isEmpty());
        int lettersBefore = letters("referral-service").size();
        int matchedBefore = Journeys.summary(stack).getInt("referralsMatched");

        // a defect: referral-service cannot record this referral's move to MATCHED (not an outage: retrying won't help)
        sql(REFERRAL, "CREATE FUNCTION fault_refuse_matched() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.referral_id = '" + referralId + "' AND NEW.to_status = 'MATCHED' THEN "
                + "RAISE EXCEPTION 'simulated defect: MATCHED refused'; END IF; RETURN NEW; END $$",
                "CREATE TRIGGER fault_refuse_matched BEFORE INSERT ON referral_status_change "
                        + "FOR EACH ROW EXECUTE FUNCTION fault_refuse_matched()");
        String proposal = Journeys.proposals(stack, referralId).getString("proposals.find { it.peerId == '" + peer
                + "' }.id");
        stack.as(MATCHING, "coordinator").post("/proposals/" + proposal + "/accept").then().statusCode(200);

        Faults.await("referral-service dead-letters match.accepted", Duration.ofSeconds(60),
                () -> letters("referral-service").size() == lettersBefore + 1);
        ConsumerRecord<String, byte[]> letter = letters("referral-service").get(lettersBefore);
        assertTrue(header(letter, DeadLetters.ERROR_HEADER).contains("simulated defect"), header(letter,
                DeadLetters.ERROR_HEADER));
        String eventId = Faults.json(letter).path("id").asText();
        Faults.await("the other consumers applied it", Duration.ofSeconds(60), () ->
                Faults.count(stack, SESSION, "SELECT count(*) FROM inbox WHERE event_id = ?", eventId) == 1
                && Faults.count(stack, OUTCOMES, "SELECT count(*) FROM inbox WHERE event_id = ?", eventId) == 1);
        assertEquals("ACCEPTED", Journeys.status(stack, referralId));

        // the fix is deployed; then the documented command replays the letters
        sql(REFERRAL, "DROP TRIGGER fault_refuse_matched ON referral_status_change",
                "DROP FUNCTION fault_refuse_matched()");
        String firstReplay = replay(bootstrap);
        Faults.await("the replayed event takes effect", Duration.ofSeconds(60),
                () -> "MATCHED".equals(Journeys.status(stack, referralId)));
        String secondReplay = replay(bootstrap);
        Faults.awaitSettled(stack, bootstrap);

        long matchedChanges = Faults.count(stack, REFERRAL, "SELECT count(*) FROM referral_status_change "
                + "WHERE referral_id = ?::uuid AND to_status = 'MATCHED'", referralId);
        long sessionMatches = Faults.count(stack, SESSION,
                "SELECT count(*) FROM peer_match WHERE referral_id = ?::uuid", referralId);
        int matchedAfter = Journeys.summary(stack).getInt("referralsMatched");
        long copiesOnTopic = Faults.byId(Faults.eventsAbout(bootstrap, Topics.MATCHES, List.of(referralId)))
                .getOrDefault(eventId, 0L);
        Faults.report("dead-letter-replay", Faults.counts("deadLettered", 1, "replayed",
                firstReplay.replaceAll("\\D", ""), "replayedAgain", secondReplay.replaceAll("\\D", ""),
                "copiesOnTopic", copiesOnTopic, "referralMatchedChanges", matchedChanges,
                "sessionMatches", sessionMatches, "outcomesMatched", matchedAfter - matchedBefore));
        assertEquals("replayed 1 dead letter(s) of referral-service", firstReplay);
        assertEquals("replayed 0 dead letter(s) of referral-service", secondReplay);
        assertEquals(2, copiesOnTopic, "the original and the replayed copy");
        assertEquals(1, matchedChanges, "referral-service applied it once");
        assertEquals(1, sessionMatches, "session-service ignored the replayed copy");
        assertEquals(1, matchedAfter - matchedBefore, "outcomes ignored the replayed copy");
    }

    /** Runs {@code deploy/local/replay-dead-letters referral-service BOOTSTRAP} and returns its last line. */
    private static String replay(String bootstrap) throws Exception {
        Path root = Path.of(System.getProperty("alongside.root", "..")).toAbsolutePath().normalize();
        ProcessBuilder command = new ProcessBuilder("bash", root.resolve("deploy/local/replay-dead-letters").toString(),
                "referral-service", bootstrap).redirectErrorStream(true);
        String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
        command.environment().put("PATH", javaBin + ":" + System.getenv("PATH"));
        Path output = Files.createTempFile("replay-", ".log");
        Process process = command.redirectOutput(output.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "replay finished");
        List<String> lines = Files.readAllLines(output);
        Files.delete(output);
        assertEquals(0, process.exitValue(), String.join("\n", lines));
        return lines.get(lines.size() - 1).strip();
    }

    private void sql(Suite.Service service, String... statements) throws Exception {
        try (Connection connection = stack.db(service); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private List<ConsumerRecord<String, byte[]>> letters(String service) {
        try {
            return Faults.records(stack.broker.bootstrapServers(), Topics.deadLetter(service)).stream()
                    .sorted(Comparator.comparing((ConsumerRecord<String, byte[]> r) ->
                            header(r, DeadLetters.FAILED_AT_HEADER))).toList();
        } catch (RuntimeException noTopicYet) {
            return List.of();
        }
    }

    private static void assertLetter(ConsumerRecord<String, byte[]> letter, RecordMetadata original, byte[] value,
            String error) {
        assertArrayEquals(value, letter.value(), "the letter is the record, unchanged");
        assertTrue(header(letter, DeadLetters.ERROR_HEADER).contains(error), header(letter, DeadLetters.ERROR_HEADER));
        assertEquals(original.topic(), header(letter, DeadLetters.ORIGINAL_TOPIC_HEADER));
        assertEquals(String.valueOf(original.partition()), header(letter, DeadLetters.ORIGINAL_PARTITION_HEADER));
        assertEquals(String.valueOf(original.offset()), header(letter, DeadLetters.ORIGINAL_OFFSET_HEADER));
        assertNotNull(Instant.parse(header(letter, DeadLetters.FAILED_AT_HEADER)));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
