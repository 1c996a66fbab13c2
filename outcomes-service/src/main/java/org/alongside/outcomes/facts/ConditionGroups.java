package org.alongside.outcomes.facts;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.alongside.platform.events.referrals.Condition;
import org.alongside.platform.events.referrals.ConditionKind;

/**
 * The latest version of the SNOMED CT code to condition group mapping, read once from the table the migrations
 * seed (a new mapping arrives with a new version, a restart and a read model rebuild).
 */
@ApplicationScoped
public class ConditionGroups {

    /** A code and its mapping version, as the migrations left them. */
    record Mapping(int version, Map<String, ConditionGroup> groups) {

        ConditionGroup groupOf(Condition condition) {
            ConditionGroup mapped = condition.snomedCode() == null ? null
                    : groups.get(condition.snomedCode().strip());
            if (mapped != null) {
                return mapped;
            }
            return condition.kind() == ConditionKind.MENTAL
                    ? ConditionGroup.OTHER_MENTAL : ConditionGroup.OTHER_PHYSICAL;
        }
    }

    private final AgroalDataSource dataSource;
    private volatile Mapping mapping;

    ConditionGroups(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public ConditionGroup groupOf(Condition condition) throws SQLException {
        return mapping().groupOf(condition);
    }

    public int version() throws SQLException {
        return mapping().version();
    }

    private Mapping mapping() throws SQLException {
        Mapping current = mapping;
        if (current == null) {
            current = load();
            mapping = current;
        }
        return current;
    }

    private Mapping load() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT version, snomed_code, condition_group FROM condition_group_mapping
                     WHERE version = (SELECT max(version) FROM condition_group_mapping)""");
             ResultSet rs = query.executeQuery()) {
            int version = 0;
            Map<String, ConditionGroup> groups = new HashMap<>();
            while (rs.next()) {
                version = rs.getInt(1);
                groups.put(rs.getString(2), ConditionGroup.ofId(rs.getString(3)).orElseThrow(
                        () -> new IllegalStateException("condition_group_mapping names an unknown group")));
            }
            return new Mapping(version, Map.copyOf(groups));
        }
    }
}
