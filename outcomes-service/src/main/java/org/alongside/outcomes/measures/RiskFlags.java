package org.alongside.outcomes.measures;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.alongside.platform.outbox.Outbox;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.query.Page;
import org.alongside.platform.security.Caller;

/**
 * Risk flags: raised when an answer is a risk signal (the instrument's risk items), published as
 * {@code risk.flagged} and kept open until a supervisor acknowledges them.
 */
@ApplicationScoped
public class RiskFlags {

    private static final String COLUMNS = """
            id, referral_id, measurement_id, instrument, item, peer_id, raised_at, status, acknowledged_at,
            acknowledged_by, acknowledgement_note""";

    private final AgroalDataSource dataSource;
    private final Outbox outbox;
    private final Instruments instruments;
    private final PeerAssignments assignments;
    private final Clock clock;

    RiskFlags(AgroalDataSource dataSource, Outbox outbox, Instruments instruments, PeerAssignments assignments,
            Clock clock) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.instruments = instruments;
        this.assignments = assignments;
        this.clock = clock;
    }

    /** Raises a flag for {@code item} of the measurement, with the peer supporting the person now. */
    @Transactional(Transactional.TxType.MANDATORY)
    void raise(Measurement measurement, int item, OffsetDateTime raisedAt) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO risk_flag (id, referral_id, measurement_id, instrument, item, peer_id, raised_at,
                         status)
                     VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN')""")) {
            insert.setObject(1, id);
            insert.setObject(2, measurement.referralId());
            insert.setObject(3, measurement.id());
            insert.setString(4, measurement.instrument());
            insert.setInt(5, item);
            insert.setObject(6, assignments.peerOf(measurement.referralId()).orElse(null));
            insert.setObject(7, raisedAt);
            insert.executeUpdate();
        }
        outbox.publish(OutcomeEvents.riskFlagged(measurement, item, raisedAt));
    }

    /** Flags with the status asked for (all when null), longest waiting first. */
    public Page<RiskFlagView> list(RiskFlagView.Status status, int page, int size) throws SQLException {
        String where = status == null ? "" : " WHERE status = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement items = connection.prepareStatement("SELECT " + COLUMNS + " FROM risk_flag" + where
                     + " ORDER BY raised_at, id LIMIT ? OFFSET ?");
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM risk_flag" + where)) {
            int next = 1;
            if (status != null) {
                items.setString(next++, status.name());
                count.setString(1, status.name());
            }
            items.setInt(next++, size);
            items.setLong(next, (long) page * size);
            List<RiskFlagView> found = new ArrayList<>();
            try (ResultSet rs = items.executeQuery()) {
                while (rs.next()) {
                    found.add(view(rs));
                }
            }
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return new Page<>(found, page, size, rs.getLong(1));
            }
        }
    }

    /** A supervisor has seen the flag (and may say what they did); a flag is acknowledged once. */
    @Transactional
    public RiskFlagView acknowledge(UUID id, String note, Caller caller) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("""
                     UPDATE risk_flag SET status = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ?,
                         acknowledgement_note = ?
                     WHERE id = ? AND status = 'OPEN'""")) {
            update.setObject(1, OffsetDateTime.now(clock));
            update.setString(2, caller.user());
            update.setString(3, note == null || note.isBlank() ? null : note.strip());
            update.setObject(4, id);
            boolean acknowledged = update.executeUpdate() == 1;
            RiskFlagView flag = find(connection, id).orElseThrow(() -> ProblemException.notFound("Risk flag", id));
            if (!acknowledged) {
                throw ProblemException.conflict("already-acknowledged", "Risk flag " + id + " was acknowledged by "
                        + flag.acknowledgedBy() + " at " + flag.acknowledgedAt());
            }
            return flag;
        }
    }

    private Optional<RiskFlagView> find(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM risk_flag WHERE id = ?")) {
            query.setObject(1, id);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(view(rs)) : Optional.empty();
            }
        }
    }

    private RiskFlagView view(ResultSet rs) throws SQLException {
        String instrument = rs.getString("instrument");
        int item = rs.getInt("item");
        String reason = instruments.find(instrument).map(Instrument::riskItems).orElse(List.of()).stream()
                .filter(risk -> risk.item() == item).map(Instrument.RiskItem::description).findFirst().orElse(null);
        return new RiskFlagView(rs.getObject("id", UUID.class), rs.getObject("referral_id", UUID.class),
                rs.getObject("measurement_id", UUID.class), instrument, item, reason,
                rs.getObject("peer_id", UUID.class), rs.getObject("raised_at", OffsetDateTime.class),
                RiskFlagView.Status.valueOf(rs.getString("status")),
                rs.getObject("acknowledged_at", OffsetDateTime.class), rs.getString("acknowledged_by"),
                rs.getString("acknowledgement_note"));
    }
}
