package org.alongside.outcomes.facts;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Writes {@code supervision_fact}: when each supervision session was held with a peer, and nothing else. */
@ApplicationScoped
public class SupervisionFacts {

    private final AgroalDataSource dataSource;

    SupervisionFacts(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A supervision sent again, or corrected, keeps one row: the time it says it was held. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recorded(UUID supervisionId, UUID peerId, OffsetDateTime heldAt) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     INSERT INTO supervision_fact AS s (supervision_id, peer_id, held_at) VALUES (?, ?, ?)
                     ON CONFLICT (supervision_id) DO UPDATE SET peer_id = EXCLUDED.peer_id, held_at = EXCLUDED.held_at
                     WHERE (s.peer_id, s.held_at) IS DISTINCT FROM (EXCLUDED.peer_id, EXCLUDED.held_at)""")) {
            upsert.setObject(1, supervisionId);
            upsert.setObject(2, peerId);
            upsert.setObject(3, heldAt);
            upsert.executeUpdate();
        }
    }
}
