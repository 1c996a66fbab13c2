package org.alongside.outcomes.rights;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Everything outcomes-service holds about one person, for a subject access request. Complete by construction:
 * every table of the service's schema with a {@code referral_id} column is read (so a table added later is in the
 * export without anyone remembering to add it), except the plumbing (outbox, inbox) and the audit trail.
 */
@Path("/referrals/{referralId}/subject-access")
@Tag(name = "Information governance")
@Produces(MediaType.APPLICATION_JSON)
public class SubjectAccessResource {

    /** Not about the person: event plumbing, and the trail of who looked. */
    static final Set<String> NOT_HELD_ABOUT_THE_PERSON = Set.of("outbox", "inbox", "audit_event",
            "flyway_schema_history");

    @Schema(name = "OutcomesServiceSubjectAccess")
    public record SubjectAccess(String service, UUID referralId, OffsetDateTime generatedAt, String generatedBy,
            @Schema(description = "Rows held about the person, by table; each row by column")
            Map<String, List<Map<String, Object>>> tables) {
    }

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final Caller caller;
    private final Clock clock;

    SubjectAccessResource(AgroalDataSource dataSource, ObjectMapper mapper, Caller caller, Clock clock) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "exportSubjectAccess", summary = "Everything held about one person, for a subject access request", description = """
            Admin (information governance lead) only; every call is in the audit trail. Every row of every table \\
            that holds data by referral id. A referral never heard of answers 200 with empty tables.""")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SubjectAccess.class)))
    public SubjectAccess export(@PathParam("referralId") UUID referralId) throws SQLException {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String table : tablesByReferral(connection)) {
                // the table name comes from the catalogue, never from the request
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT * FROM \"" + table + "\" WHERE referral_id = ?")) {
                    select.setObject(1, referralId);
                    tables.put(table, rows(select.executeQuery()));
                }
            }
        }
        return new SubjectAccess("outcomes-service", referralId, OffsetDateTime.now(clock), caller.user(), tables);
    }

    private static List<String> tablesByReferral(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT c.table_name FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = current_schema() AND c.column_name = 'referral_id'
                  AND t.table_type = 'BASE TABLE'
                ORDER BY c.table_name""");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                if (!NOT_HELD_ABOUT_THE_PERSON.contains(rs.getString(1))) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    private List<Map<String, Object>> rows(ResultSet rs) throws SQLException {
        try (rs) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), value(rs.getObject(i), meta.getColumnTypeName(i)));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private Object value(Object value, String type) throws SQLException {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof Array array) {
            return Arrays.asList((Object[]) array.getArray());
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC).toString();
        }
        if ("json".equals(type) || "jsonb".equals(type)) {
            try {
                return mapper.readTree(value.toString());
            } catch (Exception e) {
                return value.toString();
            }
        }
        return value.toString();
    }
}
