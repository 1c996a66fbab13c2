package org.alongside.platform.inbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The record of events already applied by this service. */
@ApplicationScoped
public class Inbox {

    private final AgroalDataSource dataSource;

    Inbox(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records the event in the caller's transaction; false when it was applied before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String eventId, String eventType, String topic, int partition, long offset)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO inbox (event_id, event_type, topic, kafka_partition, kafka_offset)
                     VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""")) {
            insert.setString(1, eventId);
            insert.setString(2, eventType);
            insert.setString(3, topic);
            insert.setInt(4, partition);
            insert.setLong(5, offset);
            return insert.executeUpdate() == 1;
        }
    }
}
