package org.alongside.outcomes.facts;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.alongside.platform.events.referrals.Condition;
import org.alongside.platform.events.referrals.Gender;
import org.alongside.platform.events.referrals.ReferralAccepted;
import org.alongside.platform.events.referrals.ReferralAcceptedV2;
import org.alongside.platform.events.referrals.ReferralReceived;
import org.alongside.platform.events.referrals.ReferralUpdated;

/**
 * Writes {@code referral_fact} rows. Events about one referral come from three topics and are applied in whatever
 * order they arrive, so every write is an upsert whose merge does not depend on order:
 * <ul>
 * <li>a milestone keeps its earliest time, and the coded details that came with that earliest occurrence;</li>
 * <li>dimensions come from {@code referral.received} where it has them, else from {@code referral.accepted}
 * (they can differ: an age band is worked out again when the referral is accepted), until a coordinator corrects
 * them ({@code referral.updated}): then the latest correction holds them.</li>
 * </ul>
 * The same set of events therefore always leaves the same row.
 */
@ApplicationScoped
public class ReferralFacts {

    /** A step in a referral's journey: its time column, and the details recorded with its first occurrence. */
    public enum Milestone {
        DECLINED("declined_at", "decline_reason"),
        WITHDRAWN("withdrawn_at", "withdraw_reason", "withdrawn_from_status"),
        MATCHED("matched_at"),
        CLOSED("closed_at", "close_reason");

        private final String at;
        private final List<String> details;
        private final String upsert;

        Milestone(String at, String... details) {
            this.at = at;
            this.details = List.of(details);
            this.upsert = upsert();
        }

        private String upsert() {
            String columns = Stream.concat(Stream.of("referral_id", at), details.stream())
                    .collect(Collectors.joining(", "));
            String values = String.join(", ", Collections.nCopies(2 + details.size(), "?"));
            String firstOccurrence = "f." + at + " IS NULL OR EXCLUDED." + at + " < f." + at;
            String merge = Stream.concat(
                    Stream.of(at + " = LEAST(f." + at + ", EXCLUDED." + at + ")"),
                    details.stream().map(d -> d + " = CASE WHEN " + firstOccurrence + " THEN EXCLUDED." + d
                            + " ELSE f." + d + " END"))
                    .collect(Collectors.joining(", "));
            return "INSERT INTO referral_fact AS f (" + columns + ") VALUES (" + values + ")"
                    + " ON CONFLICT (referral_id) DO UPDATE SET " + merge;
        }
    }

    /** The dimensions a coordinator's correction (referral.updated) replaces. */
    private static final List<String> DIMENSIONS = List.of("condition_group", "condition_mapping_version",
            "condition_kinds", "condition_codes", "age_band", "gender", "imd_decile", "locality", "ethnicity");

    /**
     * Received and accepted set the dimensions until a correction arrives; from then on the latest correction holds
     * them, whichever order the events come in.
     */
    private static String untilCorrected(String column, String merged) {
        return column + " = CASE WHEN f.dimensions_updated_at IS NULL THEN " + merged + " ELSE f." + column + " END";
    }

    private static final String RECEIVED = """
            INSERT INTO referral_fact AS f (referral_id, received_at, referrer_type, referrer_ods_code,
                condition_kinds, condition_codes, age_band, gender, imd_decile, condition_group,
                condition_mapping_version, received_day)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (?::timestamptz AT TIME ZONE ?)::date)
            ON CONFLICT (referral_id) DO UPDATE SET
                received_at = LEAST(f.received_at, EXCLUDED.received_at),
                received_day = (LEAST(f.received_at, EXCLUDED.received_at) AT TIME ZONE ?)::date,
                referrer_type = COALESCE(EXCLUDED.referrer_type, f.referrer_type),
                referrer_ods_code = COALESCE(EXCLUDED.referrer_ods_code, f.referrer_ods_code),
            """ + DIMENSIONS.stream().filter(c -> !c.equals("locality") && !c.equals("ethnicity"))
            .map(c -> untilCorrected(c, "COALESCE(EXCLUDED." + c + ", f." + c + ")"))
            .collect(Collectors.joining(",\n"));

    private static final String ACCEPTED = """
            INSERT INTO referral_fact AS f (referral_id, received_at, accepted_at,
                condition_kinds, condition_codes, age_band, gender, imd_decile, locality, condition_group,
                condition_mapping_version, ethnicity, received_day)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (?::timestamptz AT TIME ZONE ?)::date)
            ON CONFLICT (referral_id) DO UPDATE SET
                received_at = LEAST(f.received_at, EXCLUDED.received_at),
                received_day = (LEAST(f.received_at, EXCLUDED.received_at) AT TIME ZONE ?)::date,
                accepted_at = LEAST(f.accepted_at, EXCLUDED.accepted_at),
            """ + DIMENSIONS.stream()
            .map(c -> untilCorrected(c, "COALESCE(f." + c + ", EXCLUDED." + c + ")"))
            .collect(Collectors.joining(",\n"));

    // A correction carries the whole current state: the latest one replaces every dimension, absent ones included.
    private static final String UPDATED = "INSERT INTO referral_fact AS f (referral_id, dimensions_updated_at, "
            + String.join(", ", DIMENSIONS) + ") VALUES (?, ?, " + String.join(", ", Collections.nCopies(
                    DIMENSIONS.size(), "?")) + ") ON CONFLICT (referral_id) DO UPDATE SET "
            + DIMENSIONS.stream().map(c -> c + " = CASE WHEN f.dimensions_updated_at IS NULL "
                    + "OR EXCLUDED.dimensions_updated_at > f.dimensions_updated_at THEN EXCLUDED." + c
                    + " ELSE f." + c + " END").collect(Collectors.joining(", "))
            + ", dimensions_updated_at = GREATEST(f.dimensions_updated_at, EXCLUDED.dimensions_updated_at)";

    private static final String ORGANISATION_NAMED = """
            INSERT INTO referrer_organisation AS o (ods_code, name, named_at) VALUES (?, ?, ?)
            ON CONFLICT (ods_code) DO UPDATE SET name = EXCLUDED.name, named_at = EXCLUDED.named_at
            WHERE (EXCLUDED.named_at, EXCLUDED.name) > (o.named_at, o.name)""";

    /** What either version of referral.accepted says about who the referral is for. */
    public record Accepted(List<Condition> conditions, String ageBand, Gender gender, Integer imdDecile,
            String locality, String ethnicity, OffsetDateTime receivedAt) {

        public static Accepted of(ReferralAccepted event) {
            return new Accepted(event.conditions(), event.ageBand(), event.gender(), event.imdDecile(),
                    event.locality(), null, event.receivedAt());
        }

        public static Accepted of(ReferralAcceptedV2 event) {
            return new Accepted(event.conditions(), event.ageBand(), event.gender(), event.imdDecile(),
                    event.locality(), event.ethnicity(), event.receivedAt());
        }
    }

    private final AgroalDataSource dataSource;
    private final ConditionGroups conditionGroups;
    private final String zone;

    ReferralFacts(AgroalDataSource dataSource, ConditionGroups conditionGroups, ReportingConfig reporting) {
        this.dataSource = dataSource;
        this.conditionGroups = conditionGroups;
        this.zone = reporting.reportingZone().getId();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void received(UUID referralId, ReferralReceived event, OffsetDateTime receivedAt) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(RECEIVED)) {
            upsert.setObject(1, referralId);
            upsert.setObject(2, receivedAt);
            upsert.setString(3, event.referrerType().name());
            upsert.setString(4, event.referrerOdsCode() == null ? null : event.referrerOdsCode().strip().toUpperCase());
            upsert.setArray(5, connection.createArrayOf("text", Dimensions.conditionKinds(event.conditions())));
            upsert.setArray(6, connection.createArrayOf("text", Dimensions.conditionCodes(event.conditions())));
            upsert.setString(7, event.ageBand());
            upsert.setString(8, event.gender() == null ? null : event.gender().name());
            upsert.setObject(9, event.imdDecile(), Types.SMALLINT);
            setConditionGroup(upsert, 10, event.conditions());
            setReceivedDay(upsert, 12, receivedAt);
            upsert.executeUpdate();
            copyToOutcomes(connection, referralId);
        }
        organisationNamed(event, receivedAt);
    }

    /** The referring organisation's name, when the referral carried one with its code: the latest receipt's wins. */
    private void organisationNamed(ReferralReceived event, OffsetDateTime receivedAt) throws SQLException {
        String name = event.referrerOrganisationName() == null ? null : event.referrerOrganisationName().strip();
        if (event.referrerOdsCode() == null || name == null || name.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(ORGANISATION_NAMED)) {
            upsert.setString(1, event.referrerOdsCode().strip().toUpperCase());
            upsert.setString(2, name);
            upsert.setObject(3, receivedAt);
            upsert.executeUpdate();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void accepted(UUID referralId, Accepted event, OffsetDateTime acceptedAt) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(ACCEPTED)) {
            upsert.setObject(1, referralId);
            upsert.setObject(2, event.receivedAt());
            upsert.setObject(3, acceptedAt);
            upsert.setArray(4, event.conditions() == null ? null
                    : connection.createArrayOf("text", Dimensions.conditionKinds(event.conditions())));
            upsert.setArray(5, event.conditions() == null ? null
                    : connection.createArrayOf("text", Dimensions.conditionCodes(event.conditions())));
            upsert.setString(6, event.ageBand());
            upsert.setString(7, event.gender() == null ? null : event.gender().name());
            upsert.setObject(8, event.imdDecile(), Types.SMALLINT);
            upsert.setString(9, event.locality() == null ? null : event.locality().strip().toUpperCase());
            setConditionGroup(upsert, 10, event.conditions());
            upsert.setString(12, event.ethnicity());
            setReceivedDay(upsert, 13, event.receivedAt());
            upsert.executeUpdate();
            copyToOutcomes(connection, referralId);
        }
    }

    /** A coordinator corrected the referral: the latest correction's dimensions replace what was held. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void updated(UUID referralId, ReferralUpdated event, OffsetDateTime updatedAt) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(UPDATED)) {
            upsert.setObject(1, referralId);
            upsert.setObject(2, Objects.requireNonNull(updatedAt));
            setConditionGroup(upsert, 3, event.conditions());
            upsert.setArray(5, connection.createArrayOf("text", Dimensions.conditionKinds(event.conditions())));
            upsert.setArray(6, connection.createArrayOf("text", Dimensions.conditionCodes(event.conditions())));
            upsert.setString(7, event.ageBand());
            upsert.setString(8, event.gender() == null ? null : event.gender().name());
            upsert.setObject(9, event.imdDecile(), Types.SMALLINT);
            upsert.setString(10, event.locality() == null ? null : event.locality().strip().toUpperCase());
            upsert.setString(11, event.ethnicity());
            upsert.executeUpdate();
            copyToOutcomes(connection, referralId);
        }
    }

    /** The day of receipt in the reporting zone, for the new row and for the merge (whichever receipt is earlier). */
    private void setReceivedDay(PreparedStatement upsert, int index, OffsetDateTime receivedAt) throws SQLException {
        upsert.setObject(index, receivedAt);
        upsert.setString(index + 1, zone);
        upsert.setString(index + 2, zone);
    }

    /** Outcome pairs carry their referral's receipt and dimensions, which its events may have just changed. */
    /**
     * Makes sure the referral has a fact row and locks it for the caller's transaction: each of a referral's facts
     * is applied queued on that row, so a fact and a receipt applied at the same time cannot miss each other.
     */
    static void lockReferral(Connection connection, UUID referralId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO referral_fact (referral_id) VALUES (?) ON CONFLICT DO NOTHING")) {
            insert.setObject(1, referralId);
            insert.executeUpdate();
        }
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT 1 FROM referral_fact WHERE referral_id = ? FOR UPDATE")) {
            lock.setObject(1, referralId);
            lock.execute();
        }
    }

    private static void copyToOutcomes(Connection connection, UUID referralId) throws SQLException {
        try (PreparedStatement copy = connection.prepareStatement(MeasurementFacts.COPY_DIMENSIONS)) {
            copy.setObject(1, referralId);
            copy.executeUpdate();
        }
    }

    /** The group of the first condition listed (the reason for referral) and the mapping version that gave it. */
    private void setConditionGroup(PreparedStatement upsert, int index, List<Condition> conditions)
            throws SQLException {
        ConditionGroup group = conditions == null || conditions.isEmpty() ? null
                : conditionGroups.groupOf(conditions.get(0));
        upsert.setString(index, group == null ? null : group.id());
        upsert.setObject(index + 1, group == null ? null : conditionGroups.version(), Types.SMALLINT);
    }

    /** Records that the referral reached {@code milestone} at {@code at}; {@code details} in the milestone's order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reached(UUID referralId, Milestone milestone, OffsetDateTime at, String... details)
            throws SQLException {
        if (details.length != milestone.details.size()) {
            throw new IllegalArgumentException(milestone + " records " + milestone.details + ", not "
                    + Arrays.toString(details));
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(milestone.upsert)) {
            upsert.setObject(1, referralId);
            upsert.setObject(2, Objects.requireNonNull(at));
            for (int i = 0; i < details.length; i++) {
                upsert.setString(3 + i, details[i]);
            }
            upsert.executeUpdate();
        }
    }
}
