package org.alongside.outcomes.measures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.alongside.platform.outbox.Outbox;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.security.Caller;

/**
 * Records measurements: checks them against the instrument's definition, scores them, stores them and tells the
 * rest of Alongside (outcome.recorded, and risk.flagged for a risk answer) in the same transaction.
 */
@ApplicationScoped
public class Measurements {

    /** Tolerance for a device clock a little ahead of ours; anything later is a mistake, not a completion. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private static final String INSERT = """
            INSERT INTO measurement (id, referral_id, instrument, definition_version, timepoint, completed_at, answers,
                score, raw_score, band, item_scores, item_bands, caseness, not_scored_reason, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)
            ON CONFLICT (referral_id, instrument, timepoint) WHERE timepoint IN ('BASELINE', 'DISCHARGE') DO NOTHING""";

    private static final String SELECT = """
            SELECT m.*, EXISTS (SELECT 1 FROM risk_flag f WHERE f.measurement_id = m.id) AS risk_flagged
            FROM measurement m""";

    private static final TypeReference<List<Integer>> ANSWERS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, BigDecimal>> ITEM_SCORES = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> ITEM_BANDS = new TypeReference<>() {
    };

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final Outbox outbox;
    private final Instruments instruments;
    private final ReferralAccess access;
    private final RiskFlags riskFlags;
    private final ProcessingRestrictions restrictions;
    private final Clock clock;

    Measurements(AgroalDataSource dataSource, ObjectMapper mapper, Outbox outbox, Instruments instruments,
            ReferralAccess access, RiskFlags riskFlags, ProcessingRestrictions restrictions, Clock clock) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.outbox = outbox;
        this.instruments = instruments;
        this.access = access;
        this.riskFlags = riskFlags;
        this.restrictions = restrictions;
        this.clock = clock;
    }

    @Transactional
    public MeasurementView record(NewMeasurement request, Caller caller) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MICROS);
        List<Problem.FieldError> errors = new ArrayList<>();
        Optional<Instrument> found = instruments.find(request.instrument());
        if (found.isEmpty()) {
            errors.add(new Problem.FieldError("instrument", "'" + request.instrument()
                    + "' is not a known instrument; one of " + instruments.codes()));
        } else if (!found.get().recordedAt(request.timepoint())) {
            errors.add(new Problem.FieldError("timepoint", found.get().code() + " is recorded at "
                    + found.get().timepoints() + " only, not " + request.timepoint()));
        }
        if (request.completedAt().isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(new Problem.FieldError("completedAt", "must not be in the future (it is now " + now + ")"));
        }
        Scored scored = found.map(i -> Scorer.score(i, request.answers(), request.score(), errors)).orElse(null);
        if (!errors.isEmpty()) {
            throw Scorer.invalid(errors);
        }
        Instrument instrument = found.orElseThrow();
        access.requireRecordable(request.referralId(), caller);
        restrictions.requireMayRecord(request.referralId());

        Measurement measurement = new Measurement(UUID.randomUUID(), request.referralId(), instrument.code(),
                instrument.version(), request.timepoint(),
                request.completedAt().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS), scored,
                !scored.riskItems().isEmpty(), now);
        if (!insert(measurement, caller.user())) {
            throw ProblemException.conflict("already-recorded", "A " + request.timepoint() + " " + instrument.code()
                    + " measurement is already recorded for referral " + request.referralId()
                    + ": change is measured from one baseline, and support is discharged once");
        }
        Change change = request.timepoint() == Timepoint.BASELINE ? null
                : baseline(request.referralId(), instrument.code())
                        .map(baseline -> Change.between(instrument, baseline.scored(), scored)).orElse(null);
        MeasurementView view = MeasurementView.of(measurement, change);

        outbox.publish(OutcomeEvents.recorded(measurement, view));
        for (int item : scored.riskItems()) {
            riskFlags.raise(measurement, item, now);
        }
        return view;
    }

    /** One measurement, if the caller may read its referral's outcomes. */
    public MeasurementView get(UUID id, Caller caller) throws SQLException {
        Measurement measurement = query(SELECT + " WHERE m.id = ?", id).stream().findFirst()
                .filter(m -> access.readable(m.referralId(), caller))
                .orElseThrow(() -> ProblemException.notFound("Measurement", id));
        Instrument instrument = definition(measurement.instrument());
        Change change = measurement.timepoint() == Timepoint.BASELINE ? null
                : baseline(measurement.referralId(), measurement.instrument())
                        .map(baseline -> Change.between(instrument, baseline.scored(), measurement.scored()))
                        .orElse(null);
        return MeasurementView.of(measurement, change);
    }

    /** Per instrument, in the order of the catalogue: the series over time and its change from baseline. */
    public ReferralOutcomes outcomes(UUID referralId, Caller caller) throws SQLException {
        access.requireReadable(referralId, caller);
        Map<String, List<Measurement>> byInstrument = new LinkedHashMap<>();
        instruments.codes().forEach(code -> byInstrument.put(code, new ArrayList<>()));
        for (Measurement m : query(SELECT + " WHERE m.referral_id = ? ORDER BY m.completed_at, m.recorded_at",
                referralId)) {
            byInstrument.computeIfAbsent(m.instrument(), code -> new ArrayList<>()).add(m);
        }
        List<ReferralOutcomes.InstrumentOutcomes> outcomes = new ArrayList<>();
        byInstrument.forEach((code, series) -> {
            if (!series.isEmpty()) {
                outcomes.add(outcomes(definition(code), series));
            }
        });
        return new ReferralOutcomes(referralId, outcomes);
    }

    private ReferralOutcomes.InstrumentOutcomes outcomes(Instrument instrument, List<Measurement> series) {
        Optional<Measurement> baseline = series.stream().filter(m -> m.timepoint() == Timepoint.BASELINE).findFirst();
        List<MeasurementView> views = new ArrayList<>();
        ReferralOutcomes.LatestChange latest = null;
        for (Measurement m : series) {
            Change change = m.timepoint() == Timepoint.BASELINE ? null
                    : baseline.map(b -> Change.between(instrument, b.scored(), m.scored())).orElse(null);
            MeasurementView view = MeasurementView.of(m, change);
            views.add(view);
            if (view.change() != null) {
                latest = new ReferralOutcomes.LatestChange(m.id(), m.timepoint(), m.completedAt(),
                        view.change().fromBaseline(), view.change().classification(),
                        view.change().itemClassifications());
            }
        }
        Map<String, Instrument.Threshold> itemThresholds = null;
        if (instrument.perItem()) {
            Map<String, Instrument.Threshold> thresholds = new LinkedHashMap<>();
            instrument.items().stream().filter(item -> item.meaningfulChange() != null)
                    .forEach(item -> thresholds.put(item.key(), item.meaningfulChange()));
            itemThresholds = thresholds.isEmpty() ? null : thresholds;
        }
        return new ReferralOutcomes.InstrumentOutcomes(instrument.code(), instrument.name(), instrument.direction(),
                instrument.meaningfulChange(), itemThresholds, baseline.map(Measurement::id).orElse(null), views,
                latest);
    }

    private Optional<Measurement> baseline(UUID referralId, String instrument) throws SQLException {
        return query(SELECT + " WHERE m.referral_id = ? AND m.instrument = ? AND m.timepoint = 'BASELINE'",
                referralId, instrument).stream().findFirst();
    }

    private Instrument definition(String code) {
        return instruments.find(code).orElseThrow(() -> new IllegalStateException(
                "Measurement of instrument " + code + ", which is no longer defined"));
    }

    private boolean insert(Measurement m, String recordedBy) throws SQLException {
        Scored s = m.scored();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, m.id());
            insert.setObject(2, m.referralId());
            insert.setString(3, m.instrument());
            insert.setInt(4, m.definitionVersion());
            insert.setString(5, m.timepoint().name());
            insert.setObject(6, m.completedAt());
            insert.setString(7, json(s.answers()));
            insert.setBigDecimal(8, s.score());
            insert.setObject(9, s.rawScore(), Types.INTEGER);
            insert.setString(10, s.band());
            insert.setString(11, json(s.itemScores()));
            insert.setString(12, json(s.itemBands()));
            insert.setObject(13, s.caseness(), Types.BOOLEAN);
            insert.setString(14, s.notScoredReason());
            insert.setString(15, recordedBy);
            insert.setObject(16, m.recordedAt());
            return insert.executeUpdate() == 1;
        }
    }

    private List<Measurement> query(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<Measurement> found = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    found.add(measurement(rs));
                }
            }
            return found;
        }
    }

    private Measurement measurement(ResultSet rs) throws SQLException {
        String instrument = rs.getString("instrument");
        Scored scored = new Scored(
                read(rs.getString("answers"), ANSWERS),
                rs.getBigDecimal("score"),
                rs.getObject("raw_score", Integer.class),
                rs.getString("band"),
                inItemOrder(instrument, read(rs.getString("item_scores"), ITEM_SCORES)),
                inItemOrder(instrument, read(rs.getString("item_bands"), ITEM_BANDS)),
                rs.getObject("caseness", Boolean.class),
                List.of(),
                rs.getString("not_scored_reason"));
        return new Measurement(rs.getObject("id", UUID.class), rs.getObject("referral_id", UUID.class), instrument,
                rs.getInt("definition_version"), Timepoint.valueOf(rs.getString("timepoint")),
                rs.getObject("completed_at", OffsetDateTime.class), scored, rs.getBoolean("risk_flagged"),
                rs.getObject("recorded_at", OffsetDateTime.class));
    }

    /** JSONB keeps keys in its own order; clients see items in the instrument's order. */
    private <V> Map<String, V> inItemOrder(String instrument, Map<String, V> values) {
        if (values == null) {
            return null;
        }
        Map<String, V> ordered = new LinkedHashMap<>();
        instruments.find(instrument).ifPresent(definition -> definition.items().stream()
                .filter(item -> values.containsKey(item.key()))
                .forEach(item -> ordered.put(item.key(), values.get(item.key()))));
        values.forEach(ordered::putIfAbsent);
        return ordered;
    }

    private String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored measurement column", e);
        }
    }
}
