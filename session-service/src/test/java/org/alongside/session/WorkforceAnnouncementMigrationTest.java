package org.alongside.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventSpec;
import org.alongside.platform.events.Topics;
import org.alongside.platform.events.sessions.SignpostingUpdated;
import org.alongside.platform.events.staff.SupervisionRecorded;
import org.alongside.platform.testing.Databases;
import org.junit.jupiter.api.Test;

/**
 * What was recorded before supervision and signposting had events waits in the outbox after the migration, as the
 * contract's supervision.recorded and signposting.updated (in its current state), so outcomes-service's figures
 * include it; nothing but what the events carry.
 */
class WorkforceAnnouncementMigrationTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    private static final UUID PEER = UUID.fromString("11111111-1111-1111-1111-111111111111");
    private static final UUID REFERRAL = UUID.fromString("22222222-2222-2222-2222-222222222222");

    @Test
    void everySupervisionHeldAndEveryResourceLinkedToIsAnnouncedOnce() throws Exception {
        String database = Databases.testName("alongside_session_workforce_migration_test");
        Databases.recreate(database);
        String url = Databases.jdbcUrl(database);
        SessionTestSupport.migrate(url, "11");
        try (Connection db = DriverManager.getConnection(url, Databases.USER, "");
             Statement sql = db.createStatement()) {
            sql.execute("""
                    INSERT INTO supervision (id, peer_id, supervisor_id, held_at, duration_minutes, topics, wellbeing,
                        wellbeing_notes, actions, recorded_at, recorded_by)
                    VALUES ('33333333-3333-3333-3333-333333333333', '%s', 'sue', '2026-03-02T10:00:00Z', 60,
                            '["SAFEGUARDING"]', 'STRUGGLING', 'Finding the evenings hard', '[]',
                            '2026-03-02T12:00:00Z', 'sue')""".formatted(PEER));
            sql.execute("""
                    INSERT INTO signposting (id, referral_id, name, category, take_up, signposted_at, recorded_by,
                        take_up_updated_at, take_up_updated_by)
                    VALUES ('44444444-4444-4444-4444-444444444444', '%1$s', 'Hyde Park walking group',
                            'PHYSICAL_ACTIVITY', 'TAKEN_UP', '2026-03-01T10:00:00Z', 'peer', '2026-03-20T09:30:00Z',
                            'peer'),
                           ('55555555-5555-5555-5555-555555555555', '%1$s', 'Citizens Advice Leeds',
                            'WELFARE_BENEFITS_AND_MONEY', 'NOT_KNOWN', '2026-03-01T10:00:00Z', 'peer', NULL, NULL)
                    """.formatted(REFERRAL));
        }

        SessionTestSupport.migrate(url, null);

        Map<String, EventEnvelope> announced = new HashMap<>();
        try (Connection db = DriverManager.getConnection(url, Databases.USER, "");
             Statement sql = db.createStatement();
             ResultSet queued = sql.executeQuery("SELECT topic, message_key, payload::text FROM outbox")) {
            while (queued.next()) {
                String payload = queued.getString(3);
                for (String secret : new String[] {"sue", "STRUGGLING", "evenings", "SAFEGUARDING", "Hyde Park",
                        "Citizens Advice"}) {
                    assertFalse(payload.contains(secret), "the migration leaks " + secret + ": " + payload);
                }
                EventEnvelope event = MAPPER.readValue(payload, EventEnvelope.class);
                assertEquals(null, event.invalidReason());
                assertEquals(queued.getString(2), event.subject());
                assertEquals(Topics.forType(event.type()), queued.getString(1));
                announced.put(event.data().path(event.type().startsWith("supervision") ? "supervisionId"
                        : "signpostingId").asText(), event);
            }
        }
        assertEquals(3, announced.size());

        EventEnvelope held = announced.get("33333333-3333-3333-3333-333333333333");
        assertTrue(held.dataschema().endsWith(EventSpec.of(SupervisionRecorded.class).dataschema("")));
        SupervisionRecorded supervision = MAPPER.treeToValue(held.data(), SupervisionRecorded.class);
        assertEquals(PEER, supervision.peerId());
        assertEquals(Instant.parse("2026-03-02T10:00:00Z"), supervision.heldAt().toInstant());

        SignpostingUpdated walking = MAPPER.treeToValue(announced.get("44444444-4444-4444-4444-444444444444").data(),
                SignpostingUpdated.class);
        assertEquals(REFERRAL, walking.referralId());
        assertEquals(SignpostingUpdated.Category.PHYSICAL_ACTIVITY, walking.category());
        assertEquals(SignpostingUpdated.TakeUp.TAKEN_UP, walking.takeUp());
        assertEquals(Instant.parse("2026-03-20T09:30:00Z"), walking.updatedAt().toInstant(), "when it was taken up");
        SignpostingUpdated advice = MAPPER.treeToValue(announced.get("55555555-5555-5555-5555-555555555555").data(),
                SignpostingUpdated.class);
        assertEquals(SignpostingUpdated.TakeUp.NOT_KNOWN, advice.takeUp());
        assertEquals(Instant.parse("2026-03-01T10:00:00Z"), advice.updatedAt().toInstant(), "when it was linked to");
    }
}
