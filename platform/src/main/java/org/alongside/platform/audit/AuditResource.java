package org.alongside.platform.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.query.Page;
import org.alongside.platform.query.PageNumber;
import org.alongside.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail of this service, for an admin answering "who looked at this person?" or "what did this user do?". */
@Path("/audit")
@Tag(name = "Audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    public record AuditEvent(long id, OffsetDateTime occurredAt, String actor, List<String> roles, String action,
            String operation, List<String> recordIds, UUID referralId, int status, String client) {
    }

    /** The events of the person (referral id), of the user (actor), or of both, as asked: bound by {@link #bind}. */
    private static final String MATCHING =
            "WHERE (?::uuid IS NULL OR referral_id = ?::uuid) AND (?::text IS NULL OR actor = ?::text)";

    private final AgroalDataSource dataSource;

    AuditResource(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @GET
    @NotAudited
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "searchAuditEvents", summary = "Audit events by person (referral id) or by user, newest first")
    public Page<AuditEvent> query(@QueryParam("referralId") UUID referralId, @QueryParam("actor") String actor,
            @QueryParam("page") @DefaultValue("0") @PageNumber int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) throws SQLException {
        if (referralId == null && (actor == null || actor.isBlank())) {
            throw ProblemException.invalid("referralId", "name a person (referralId) or a user (actor)");
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM audit_event " + MATCHING);
             PreparedStatement select = connection.prepareStatement("SELECT id, occurred_at, actor, roles, action, "
                     + "operation, record_ids, referral_id, status, client FROM audit_event " + MATCHING
                     + " ORDER BY id DESC LIMIT ? OFFSET ?")) {
            bind(count, referralId, actor);
            long total;
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            bind(select, referralId, actor);
            select.setInt(5, size);
            select.setLong(6, (long) page * size);
            List<AuditEvent> events = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    events.add(new AuditEvent(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                            Arrays.asList(rs.getString(4).split(",")), rs.getString(5), rs.getString(6),
                            Arrays.asList((String[]) rs.getArray(7).getArray()), rs.getObject(8, UUID.class),
                            rs.getInt(9), rs.getString(10)));
                }
            }
            return new Page<>(events, page, size, total);
        }
    }

    private static void bind(PreparedStatement statement, UUID referralId, String actor) throws SQLException {
        statement.setObject(1, referralId);
        statement.setObject(2, referralId);
        statement.setString(3, actor);
        statement.setString(4, actor);
    }
}
