package org.alongside.outcomes.measures;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Which peer supports which referral, learnt from {@code match.accepted}: the peer worker who may record and read
 * that person's outcomes. A later acceptance (a new peer) replaces an earlier one whatever order they arrive in.
 */
@ApplicationScoped
public class PeerAssignments {

    private static final String UPSERT = """
            INSERT INTO peer_assignment AS a (referral_id, peer_id, accepted_at, event_id) VALUES (?, ?, ?, ?)
            ON CONFLICT (referral_id) DO UPDATE SET
                peer_id = EXCLUDED.peer_id, accepted_at = EXCLUDED.accepted_at, event_id = EXCLUDED.event_id
            WHERE (EXCLUDED.accepted_at, EXCLUDED.event_id) > (a.accepted_at, a.event_id)""";

    private final AgroalDataSource dataSource;

    PeerAssignments(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void accepted(UUID referralId, UUID peerId, OffsetDateTime acceptedAt, String eventId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setObject(1, referralId);
            upsert.setObject(2, peerId);
            upsert.setObject(3, acceptedAt);
            upsert.setString(4, eventId);
            upsert.executeUpdate();
        }
    }

    /** The peer currently matched with the referral, if any. */
    public Optional<UUID> peerOf(UUID referralId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT peer_id FROM peer_assignment WHERE referral_id = ?")) {
            query.setObject(1, referralId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the peer of referral " + referralId, e);
        }
    }
}
