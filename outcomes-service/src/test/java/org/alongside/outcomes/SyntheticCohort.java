package org.alongside.outcomes;

import static org.alongside.outcomes.OutcomesTestSupport.accepted;
import static org.alongside.outcomes.OutcomesTestSupport.closed;
import static org.alongside.outcomes.OutcomesTestSupport.matchAccepted;
import static org.alongside.outcomes.OutcomesTestSupport.outcome;
import static org.alongside.outcomes.OutcomesTestSupport.safeguarding;
import static org.alongside.outcomes.OutcomesTestSupport.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventTypes;
import org.alongside.platform.events.Topics;
import org.alongside.platform.testing.KafkaBroker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A year of a peer support service as the other services would publish it, from a seed: referrals from several
 * practices with realistic conditions, triage decisions, matches, sessions with some missed, outcome measures at
 * baseline and follow-up, closures and the odd safeguarding concern. One producer sends it all.
 */
final class SyntheticCohort implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final List<String> PRACTICES = List.of("B82001", "B82005", "B86012", "C84016", "Y02494");
    private static final List<Object[]> CONDITIONS = List.of(
            new Object[] {"44054006", "Type 2 diabetes mellitus", "PHYSICAL"},
            new Object[] {"13645005", "Chronic obstructive lung disease", "PHYSICAL"},
            new Object[] {"709044004", "Chronic kidney disease", "PHYSICAL"},
            new Object[] {"84114007", "Heart failure", "PHYSICAL"},
            new Object[] {"363346000", "Malignant neoplastic disease", "PHYSICAL"},
            new Object[] {"35489007", "Depressive disorder", "MENTAL"},
            new Object[] {"82423001", "Chronic pain", "PHYSICAL"},
            new Object[] {"86406008", "HIV infection", "PHYSICAL"});
    private static final List<String> AGE_BANDS = List.of("16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+");
    private static final List<String> GENDERS = List.of("FEMALE", "MALE", "FEMALE", "MALE", "OTHER");
    private static final List<String> FORMATS = List.of("IN_PERSON", "IN_PERSON", "TELEPHONE", "VIDEO", "ONLINE_TEXT");

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.LINGER_MS_CONFIG, 5,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    private int events;

    /** Publishes {@code referrals} journeys received from {@code start} over the following year. */
    int publishYear(long seed, int referrals, OffsetDateTime start) {
        Random random = new Random(seed);
        for (int i = 0; i < referrals; i++) {
            UUID referral = UUID.randomUUID();
            OffsetDateTime receivedAt = start.plusMinutes(random.nextInt(365 * 24 * 60));
            Object[] condition = CONDITIONS.get(random.nextInt(CONDITIONS.size()));
            List<Map<String, Object>> conditions = random.nextInt(4) == 0 && !"MENTAL".equals(condition[2])
                    ? List.of(condition(condition), condition(CONDITIONS.get(5)))
                    : List.of(condition(condition));
            Map<String, Object> received = new HashMap<>();
            received.put("referralId", referral);
            int source = random.nextInt(10);
            received.put("referrerType", source < 7 ? "GP_PRACTICE" : source < 9 ? "LINK_WORKER" : "SELF");
            received.put("referrerOdsCode", source < 7 ? PRACTICES.get(random.nextInt(PRACTICES.size())) : null);
            received.put("conditions", conditions);
            received.put("ageBand", AGE_BANDS.get(Math.min(6, 2 + random.nextInt(5) + random.nextInt(2))));
            received.put("gender", GENDERS.get(random.nextInt(GENDERS.size())));
            received.put("imdDecile", 1 + Math.min(9, random.nextInt(6) + random.nextInt(5)));
            received.put("receivedAt", receivedAt);
            received.put("someFieldAddedLater", "ignored");
            send(EventTypes.REFERRAL_RECEIVED, referral, received);
            if (random.nextInt(100) < 12) {
                send(EventTypes.REFERRAL_DECLINED, referral, Map.of("referralId", referral,
                        "reason", random.nextBoolean() ? "NOT_ELIGIBLE" : "NEEDS_OTHER_SERVICE",
                        "declinedAt", receivedAt.plusDays(2)));
                continue;
            }
            OffsetDateTime acceptedAt = receivedAt.plusDays(1 + random.nextInt(5));
            Map<String, Object> accepted = accepted(referral, receivedAt, acceptedAt);
            accepted.put("conditions", conditions);
            send(EventTypes.REFERRAL_ACCEPTED, referral, accepted);
            if (random.nextInt(100) < 6) {
                send(EventTypes.REFERRAL_WITHDRAWN, referral, Map.of("referralId", referral,
                        "reason", "PERSON_REQUEST", "fromStatus", "ACCEPTED", "withdrawnAt", acceptedAt.plusDays(3)));
                continue;
            }
            UUID peer = UUID.randomUUID();
            OffsetDateTime matchedAt = acceptedAt.plusDays(2 + random.nextInt(10));
            send(EventTypes.MATCH_ACCEPTED, referral, matchAccepted(referral, peer, matchedAt));
            OffsetDateTime sessionAt = matchedAt.plusDays(3 + random.nextInt(30));
            int sessions = 2 + random.nextInt(6);
            boolean group = random.nextInt(5) == 0;
            for (int s = 0; s < sessions; s++) {
                int roll = random.nextInt(100);
                String attendance = s == 0 || roll >= 22 ? "ATTENDED"
                        : roll < 12 ? "DID_NOT_ATTEND" : roll < 18 ? "CANCELLED_BY_CLIENT" : "CANCELLED_BY_PEER";
                Map<String, Object> data = session(referral, UUID.randomUUID(), peer, sessionAt, attendance,
                        sessionAt.plusHours(2));
                data.put("format", FORMATS.get(random.nextInt(FORMATS.size())));
                if (group && s > 0) {
                    data.put("kind", "GROUP");
                    data.put("groupId", new UUID(seed, 7));
                } else if (random.nextBoolean()) {
                    data.put("kind", "ONE_TO_ONE");
                }
                send(EventTypes.SESSION_RECORDED, referral, data);
                sessionAt = sessionAt.plusDays(7 + random.nextInt(8));
            }
            OffsetDateTime firstSession = matchedAt.plusDays(3);
            double baseline = 15 + random.nextInt(10) + random.nextInt(100) / 100.0;
            send(EventTypes.OUTCOME_RECORDED, referral, outcome(referral, UUID.randomUUID(), "SWEMWBS", "BASELINE",
                    firstSession, baseline, null, null));
            if (random.nextInt(100) < 75) {
                double change = Math.round((random.nextGaussian() * 2.5 + 2.2) * 100) / 100.0;
                send(EventTypes.OUTCOME_RECORDED, referral, outcome(referral, UUID.randomUUID(), "SWEMWBS",
                        "FOLLOW_UP", sessionAt.plusDays(14), baseline + change, change,
                        change >= 2.87 ? "IMPROVED" : change <= -2.87 ? "DETERIORATED" : "NO_RELIABLE_CHANGE"));
            }
            if ("MENTAL".equals(conditions.get(conditions.size() - 1).get("kind"))) {
                int gad = 8 + random.nextInt(10);
                send(EventTypes.OUTCOME_RECORDED, referral, outcome(referral, UUID.randomUUID(), "GAD7", "BASELINE",
                        firstSession, gad, null, null));
                int drop = random.nextInt(9) - 2;
                send(EventTypes.OUTCOME_RECORDED, referral, outcome(referral, UUID.randomUUID(), "GAD7",
                        "FOLLOW_UP", sessionAt.plusDays(14), gad - drop, -drop,
                        drop >= 4 ? "IMPROVED" : drop <= -4 ? "DETERIORATED" : "NO_RELIABLE_CHANGE"));
            }
            if (random.nextInt(100) < 4) {
                send(EventTypes.SAFEGUARDING_RAISED, referral, safeguarding(referral,
                        random.nextBoolean() ? "SELF_NEGLECT" : "DOMESTIC_ABUSE", random.nextBoolean(),
                        sessionAt.minusDays(5)));
            }
            if (random.nextInt(100) < 70) {
                Map<String, Object> close = new HashMap<>(closed(referral, sessionAt.plusDays(20)));
                int reason = random.nextInt(10);
                close.put("reason", reason < 6 ? "GOALS_MET" : reason < 8 ? "SUPPORT_NO_LONGER_WANTED"
                        : "NOT_ENGAGING");
                send(EventTypes.REFERRAL_CLOSED, referral, close);
            }
        }
        producer.flush();
        return events;
    }

    private static Map<String, Object> condition(Object[] condition) {
        return Map.of("snomedCode", condition[0], "display", condition[1], "kind", condition[2]);
    }

    private void send(String type, UUID referral, Map<String, Object> data) {
        EventEnvelope event = new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(), type,
                "/alongside/test", referral.toString(), OffsetDateTime.now(ZoneOffset.UTC),
                EventEnvelope.CONTENT_TYPE, null, MAPPER.valueToTree(data));
        try {
            producer.send(new ProducerRecord<>(Topics.forType(type), referral.toString(),
                    MAPPER.writeValueAsBytes(event)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        events++;
    }

    @Override
    public void close() {
        producer.close();
    }
}
