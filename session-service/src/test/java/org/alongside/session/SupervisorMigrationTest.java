package org.alongside.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventSpec;
import org.alongside.platform.events.staff.SupervisorAssigned;
import org.alongside.platform.testing.Databases;
import org.junit.jupiter.api.Test;

/**
 * The supervisor registry's migration on data stored before it: everyone assigned is registered, and each current
 * assignment waits in the outbox as the contract's supervisor.assigned, for matching-service to apply.
 */
class SupervisorMigrationTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    @Test
    void registersTheSupervisorsAlreadyAssignedAndAnnouncesEachCurrentAssignment() throws Exception {
        String database = Databases.testName("alongside_session_migration_test");
        Databases.recreate(database);
        String url = Databases.jdbcUrl(database);
        SessionTestSupport.migrate(url, "9");
        try (Connection db = DriverManager.getConnection(url, Databases.USER, "");
             Statement sql = db.createStatement()) {
            sql.execute("""
                    INSERT INTO supervisor_assignment (id, peer_id, supervisor_id, assigned_at, assigned_by, ended_at)
                    VALUES (gen_random_uuid(), '11111111-1111-1111-1111-111111111111', 'sue', '2026-01-05T09:00:00Z',
                            'coord', '2026-03-01T09:00:00Z'),
                           (gen_random_uuid(), '11111111-1111-1111-1111-111111111111', 'sam', '2026-03-01T09:00:00Z',
                            'coord', NULL),
                           (gen_random_uuid(), '22222222-2222-2222-2222-222222222222', 'sue', '2026-02-01T10:30:00.123456Z',
                            'coord', NULL)""");
        }

        SessionTestSupport.migrate(url, null);

        try (Connection db = DriverManager.getConnection(url, Databases.USER, "");
             Statement sql = db.createStatement()) {
            ResultSet registered = sql.executeQuery("SELECT subject, active FROM supervisor ORDER BY subject");
            Map<String, Boolean> supervisors = new HashMap<>();
            while (registered.next()) {
                supervisors.put(registered.getString(1), registered.getBoolean(2));
            }
            assertEquals(Map.of("sam", true, "sue", true), supervisors);

            ResultSet queued = sql.executeQuery(
                    "SELECT topic, message_key, payload::text FROM outbox ORDER BY message_key");
            Map<String, SupervisorAssigned> announced = new HashMap<>();
            EventSpec<SupervisorAssigned> spec = EventSpec.of(SupervisorAssigned.class);
            while (queued.next()) {
                assertEquals("alongside.staff.v1", queued.getString(1));
                EventEnvelope event = MAPPER.readValue(queued.getString(3), EventEnvelope.class);
                assertEquals(null, event.invalidReason());
                assertEquals(spec.type(), event.type());
                assertTrue(event.dataschema().endsWith(spec.dataschema("")), event.dataschema());
                assertEquals(queued.getString(2), event.subject());
                JsonNode data = event.data();
                announced.put(queued.getString(2), MAPPER.treeToValue(data, SupervisorAssigned.class));
            }
            assertEquals(2, announced.size(), "one per current assignment, none for the ended one");
            assertEquals("sam", announced.get("11111111-1111-1111-1111-111111111111").supervisor());
            SupervisorAssigned sue = announced.get("22222222-2222-2222-2222-222222222222");
            assertEquals("sue", sue.supervisor());
            assertTrue(sue.assignedAt().toInstant().equals(java.time.Instant.parse("2026-02-01T10:30:00.123456Z")));
        }
    }
}
