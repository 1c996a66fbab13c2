package org.alongside.outcomes.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.alongside.platform.events.outcomes.OutcomeRecorded;
import org.alongside.platform.inbox.PoisonEventException;

/**
 * Writes {@code measurement_fact} rows and keeps the person's {@code outcome_pair} for the instrument in step:
 * the first baseline, and the latest follow-up with its change from baseline. The pair is recomputed from the
 * measurements rather than accumulated, so it does not depend on the order measurements arrive in.
 */
@ApplicationScoped
public class MeasurementFacts {

    private static final String UPSERT = """
            INSERT INTO measurement_fact (measurement_id, referral_id, instrument, timepoint, completed_at, score,
                raw_score, band, change_from_baseline, classification, item_scores)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
            ON CONFLICT (measurement_id) DO UPDATE SET
                instrument = EXCLUDED.instrument,
                timepoint = EXCLUDED.timepoint,
                completed_at = EXCLUDED.completed_at,
                score = EXCLUDED.score,
                raw_score = EXCLUDED.raw_score,
                band = EXCLUDED.band,
                change_from_baseline = EXCLUDED.change_from_baseline,
                classification = EXCLUDED.classification,
                item_scores = EXCLUDED.item_scores""";

    /**
     * Recomputes the outcome pairs of the given referrals; also the set-based form the benchmark's bulk load
     * runs. A change the event did not state is the difference of the scores.
     */
    public static final String REPAIR = """
            WITH wanted AS (
                SELECT DISTINCT referral_id, instrument FROM measurement_fact WHERE referral_id = ANY(?)),
            pairs AS (
                SELECT w.referral_id, w.instrument, b.completed_at AS baseline_at, f.completed_at AS follow_up_at,
                       COALESCE(f.change_from_baseline, f.score - b.score) AS change, f.classification,
                       b.item_scores AS baseline_items, f.item_scores AS follow_up_items
                FROM wanted w
                JOIN LATERAL (SELECT completed_at, score, item_scores FROM measurement_fact m
                              WHERE m.referral_id = w.referral_id AND m.instrument = w.instrument
                                AND m.timepoint = 'BASELINE'
                              ORDER BY completed_at, measurement_id LIMIT 1) b ON true
                LEFT JOIN LATERAL (SELECT completed_at, score, change_from_baseline, classification, item_scores
                                   FROM measurement_fact m
                                   WHERE m.referral_id = w.referral_id AND m.instrument = w.instrument
                                     AND m.timepoint = 'FOLLOW_UP' AND m.completed_at >= b.completed_at
                                   ORDER BY completed_at DESC, measurement_id DESC LIMIT 1) f ON true)
            INSERT INTO outcome_pair AS o (referral_id, instrument, baseline_at, follow_up_at, change, classification,
                baseline_items, follow_up_items, received_at, received_day, referrer_type, referrer_ods_code,
                condition_group, imd_decile, age_band, gender, ethnicity)
            SELECT p.*, r.received_at, r.received_day, r.referrer_type, r.referrer_ods_code, r.condition_group,
                   r.imd_decile, r.age_band, r.gender, r.ethnicity
            FROM pairs p JOIN referral_fact r ON r.referral_id = p.referral_id
            ON CONFLICT (referral_id, instrument) DO UPDATE SET
                baseline_at = EXCLUDED.baseline_at,
                follow_up_at = EXCLUDED.follow_up_at,
                change = EXCLUDED.change,
                classification = EXCLUDED.classification,
                baseline_items = EXCLUDED.baseline_items,
                follow_up_items = EXCLUDED.follow_up_items""";

    /** Whether each of the given referrals has a baseline, and a paired follow-up, on any instrument. */
    public static final String PEOPLE = """
            UPDATE referral_fact f SET
                outcome_baseline = EXISTS (SELECT 1 FROM outcome_pair o WHERE o.referral_id = f.referral_id),
                outcome_paired = EXISTS (SELECT 1 FROM outcome_pair o WHERE o.referral_id = f.referral_id
                                         AND o.follow_up_at IS NOT NULL)
            WHERE f.referral_id = ANY(?)""";

    /** Copies a referral's receipt and dimensions into its outcome pairs, after its own events changed them. */
    public static final String COPY_DIMENSIONS = """
            UPDATE outcome_pair o SET received_at = f.received_at, received_day = f.received_day,
                referrer_type = f.referrer_type,
                referrer_ods_code = f.referrer_ods_code, condition_group = f.condition_group,
                imd_decile = f.imd_decile, age_band = f.age_band, gender = f.gender, ethnicity = f.ethnicity
            FROM referral_fact f
            WHERE f.referral_id = ? AND o.referral_id = f.referral_id""";

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    MeasurementFacts(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recorded(UUID referralId, OutcomeRecorded measurement) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            // Measurements of one referral are applied one at a time, queued on its fact row, like sessions.
            ReferralFacts.lockReferral(connection, referralId);

            try (PreparedStatement owner = connection.prepareStatement(
                    "SELECT referral_id FROM measurement_fact WHERE measurement_id = ?")) {
                owner.setObject(1, measurement.measurementId());
                try (ResultSet rs = owner.executeQuery()) {
                    if (rs.next() && !referralId.equals(rs.getObject(1, UUID.class))) {
                        throw new PoisonEventException("outcome.recorded: measurement " + measurement.measurementId()
                                + " was recorded for another referral");
                    }
                }
            }

            String instrument = measurement.instrument().strip().toUpperCase();
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                upsert.setObject(1, measurement.measurementId());
                upsert.setObject(2, referralId);
                upsert.setString(3, instrument);
                upsert.setString(4, measurement.timepoint().name());
                upsert.setObject(5, measurement.completedAt());
                upsert.setBigDecimal(6, number(measurement.score()));
                upsert.setBigDecimal(7, number(measurement.rawScore()));
                upsert.setString(8, measurement.band());
                OutcomeRecorded.Change change = measurement.change();
                upsert.setBigDecimal(9, change == null ? null : number(change.fromBaseline()));
                upsert.setString(10, change == null || change.classification() == null ? null
                        : change.classification().name());
                upsert.setString(11, itemScores(measurement.score()));
                upsert.executeUpdate();
            }

            // every instrument of the person: a corrected measurement may have moved from one to another
            execute(connection, "DELETE FROM outcome_pair WHERE referral_id = ?", referralId);
            for (String derive : new String[] {REPAIR, PEOPLE}) {
                try (PreparedStatement statement = connection.prepareStatement(derive)) {
                    statement.setArray(1, connection.createArrayOf("uuid", new Object[] {referralId}));
                    statement.executeUpdate();
                }
            }
        }
    }

    /** The per-item scores of an item-by-item instrument (ONS4, SERVICE_USE) as JSON; null for any other score. */
    private String itemScores(Object score) {
        if (!(score instanceof Map<?, ?> items)) {
            return null;
        }
        Map<String, BigDecimal> numbers = new TreeMap<>();
        items.forEach((item, value) -> numbers.put(String.valueOf(item), number(value)));
        try {
            return json.writeValueAsString(numbers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A single number, or null for a per-item score (ONS4) or none. */
    static BigDecimal number(Object value) {
        return value instanceof Number number ? new BigDecimal(number.toString()) : null;
    }

    private static void execute(Connection connection, String sql, UUID referralId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, referralId);
            statement.execute();
        }
    }
}
