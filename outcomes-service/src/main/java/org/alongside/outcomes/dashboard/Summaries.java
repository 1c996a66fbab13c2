package org.alongside.outcomes.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.alongside.outcomes.dashboard.CohortFacts.Activity;
import org.alongside.outcomes.dashboard.CohortFacts.Concerns;
import org.alongside.outcomes.dashboard.CohortFacts.InstrumentOutcomes;
import org.alongside.outcomes.dashboard.CohortFacts.ItemOutcome;
import org.alongside.outcomes.dashboard.CohortFacts.Outcome;
import org.alongside.outcomes.dashboard.CohortFacts.People;
import org.alongside.outcomes.dashboard.CohortFacts.Signposts;
import org.alongside.outcomes.dashboard.CohortFacts.Workforce;
import org.alongside.outcomes.facts.ReportingConfig;

/**
 * Reads a cohort's aggregates from the per-day tables the triggers keep and from small tables that carry their
 * referral's day of receipt: a few statements, run side by side in one shared database snapshot, so the numbers
 * agree with each other. Session and goal counts and whether a person has paired outcomes come from the counters
 * kept on each referral's fact row, summed by day of receipt; no statement reads referrals, sessions, goals or
 * measurements one by one, or joins. A referral belongs to the cohort once its receipt is known; facts that
 * arrived before it wait to be counted.
 */
@ApplicationScoped
public class Summaries {

    private static final String TOTAL = "\u0000total";
    private static final String ALL = "all";
    private static final int ANSWERS_KEPT = 64;

    /** Referrals received from the period's first day to its last, either end open: the cohort. */
    private static final String RECEIVED_IN_PERIOD = " received_day >= COALESCE(?::date, '-infinity'::date)"
            + " AND received_day <= COALESCE(?::date, 'infinity'::date) ";

    // Sums of the per-day rows the triggers on referral_fact keep (V5 migration): the whole cohort under 'all', and
    // each group of the breakdown under its name.
    private static final String ACTIVITY = """
            SELECT dimension, key, sum(received), sum(accepted), sum(declined), sum(withdrawn), sum(matched),
                   sum(started), sum(closed), sum(sessions_recorded), sum(sessions_attended),
                   sum(sessions_did_not_attend), sum(sessions_cancelled_client), sum(sessions_cancelled_peer),
                   sum(attended_in_person), sum(attended_telephone), sum(attended_video), sum(attended_online_text),
                   sum(attended_group), sum(with_baseline), sum(paired), sum(waited), sum(wait_0_13),
                   sum(wait_14_27), sum(wait_28_55), sum(wait_56_83), sum(wait_84_plus), sum(group_did_not_attend),
                   sum(people_in_groups), sum(goals_set), sum(people_with_goals), sum(goals_rated_twice),
                   sum(goals_rated_higher), sum(goals_rated_same), sum(goals_rated_lower), sum(goals_achieved)
            FROM referral_day_activity
            WHERE dimension IN ('all', ?)
              AND day >= COALESCE(?::date, '-infinity'::date) AND day <= COALESCE(?::date, 'infinity'::date)
            GROUP BY dimension, key""";

    // Referrals per whole day waited: the percentiles are worked out from these few rows rather than by sorting
    // every referral, once for each group.
    private static final String WAITS = """
            SELECT dimension, key, days, sum(referrals)
            FROM referral_day_wait
            WHERE dimension IN ('all', ?)
              AND day >= COALESCE(?::date, '-infinity'::date) AND day <= COALESCE(?::date, 'infinity'::date)
            GROUP BY dimension, key, days""";

    // Every referring organisation's latest name (a few hundred rows for an ICB).
    private static final String ORGANISATION_NAMES = "SELECT ods_code, name FROM referrer_organisation";

    /** The reasons referral_day_count keeps (V11 migration). */
    private static final List<String> REASONS = List.of("decline_reason", "withdraw_reason", "close_reason");

    // Referrals received by each category of every dimension, from the per-day rows the trigger on referral_fact
    // keeps; the reasons from referral_day_count; months from the 'all' rows, which count every referral once.
    private static final String DISTRIBUTIONS = """
            SELECT dimension, key, sum(received)
            FROM referral_day_activity
            WHERE dimension IN (%s)
              AND day >= COALESCE(?::date, '-infinity'::date) AND day <= COALESCE(?::date, 'infinity'::date)
            GROUP BY dimension, key
            HAVING sum(received) > 0
            UNION ALL
            SELECT dimension, key, sum(referrals)
            FROM referral_day_count
            WHERE day >= COALESCE(?::date, '-infinity'::date) AND day <= COALESCE(?::date, 'infinity'::date)
            GROUP BY dimension, key
            HAVING sum(referrals) > 0
            UNION ALL
            SELECT 'month', to_char(date_trunc('month', day), 'YYYY-MM'), sum(received)
            FROM referral_day_activity
            WHERE dimension = 'all'
              AND day >= COALESCE(?::date, '-infinity'::date) AND day <= COALESCE(?::date, 'infinity'::date)
            GROUP BY 2
            HAVING sum(received) > 0""".formatted(Arrays.stream(Dimension.values())
                    .map(dimension -> "'" + dimension.parameter() + "'").collect(Collectors.joining(", ")));

    // Per-day sums kept by the trigger on outcome_pair, by condition group, by deprivation decile and by the
    // breakdown. Each instrument's totals are the sums over its condition groups.
    private static final String OUTCOMES = """
            SELECT dimension, instrument, key, sum(with_baseline), sum(paired), sum(with_change), sum(sum_change),
                   sum(improved), sum(no_reliable_change), sum(deteriorated), sum(sum_change_sq)
            FROM outcome_day
            WHERE dimension IN ('conditionGroup', 'imdDecile', ?)
              AND day >= COALESCE(?::date, '-infinity'::date) AND day <= COALESCE(?::date, 'infinity'::date)
            GROUP BY dimension, instrument, key""";

    // Items of item-by-item instruments, over the whole cohort: the sums over condition groups, as for instruments.
    private static final String ITEMS = """
            SELECT instrument, item, sum(paired), sum(sum_before), sum(sum_after), sum(sum_change_sq)
            FROM outcome_item_day
            WHERE dimension = 'conditionGroup'
              AND day >= COALESCE(?::date, '-infinity'::date) AND day <= COALESCE(?::date, 'infinity'::date)
            GROUP BY instrument, item""";

    // Peers by the number of the cohort's people they support now (matches accepted and not ended, which carry
    // their referral's day of receipt: V8 migration) and by their latest supervision: on or after the cut-off day,
    // before it, or none.
    private static final String CASELOADS = """
            SELECT c.people, CASE WHEN s.last_held IS NULL THEN 'NONE_RECORDED'
                                  WHEN s.last_held >= ? THEN 'WITHIN_INTERVAL' ELSE 'OVERDUE' END, count(*)
            FROM (SELECT peer_id, count(*) AS people FROM match_fact
                  WHERE accepted_at IS NOT NULL AND ended_at IS NULL AND """ + RECEIVED_IN_PERIOD + """
                  GROUP BY peer_id) c
            LEFT JOIN LATERAL (SELECT max(held_at) AS last_held FROM supervision_fact f
                               WHERE f.peer_id = c.peer_id) s ON true
            GROUP BY 1, 2""";

    // The cohort's matches by what lived experience they shared (V10 migration).
    private static final String SHARING = """
            SELECT shared_lived_experience, sum(matches) FROM match_sharing_day
            WHERE day >= COALESCE(?::date, '-infinity'::date) AND day <= COALESCE(?::date, 'infinity'::date)
            GROUP BY 1""";

    // The cohort's signposting by kind of resource (V10 migration).
    private static final String SIGNPOSTING = """
            SELECT category, sum(made), sum(taken_up), sum(not_taken_up) FROM signposting_day
            WHERE day >= COALESCE(?::date, '-infinity'::date) AND day <= COALESCE(?::date, 'infinity'::date)
            GROUP BY 1
            HAVING sum(made) > 0""";

    // Group meetings a person of the cohort attended: those whose attendees' days of receipt meet the period.
    private static final String MEETINGS = """
            SELECT count(*) FROM group_meeting_fact WHERE received_days && daterange(?::date, ?::date, '[]')""";

    private static final String CONCERNS = """
            SELECT GROUPING(category), category, count(*), count(DISTINCT referral_id),
                   count(*) FILTER (WHERE immediate_risk)
            FROM safeguarding_fact
            WHERE """ + RECEIVED_IN_PERIOD + """
            GROUP BY GROUPING SETS ((), (category))""";

    private final DataSource dataSource;
    // Recent answers, reused while no fact has changed (any change bumps read_model_version); least recently
    // used first out.
    private final Map<Answer, CohortFacts> answers = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Answer, CohortFacts> eldest) {
                    return size() > ANSWERS_KEPT;
                }
            });
    // Quarkus' own worker pool runs the statements side by side: it starts and stops with the service.
    private final ExecutorService parts;
    private final Clock clock;
    private final ZoneId zone;
    private final long supervisionIntervalDays;

    Summaries(DataSource dataSource, ExecutorService parts, Clock clock, ReportingConfig reporting) {
        this.dataSource = dataSource;
        this.parts = parts;
        this.clock = clock;
        this.zone = reporting.reportingZone();
        this.supervisionIntervalDays = reporting.supervisionInterval().toDays();
    }

    /**
     * The exact aggregates of the referrals received in {@code period}, broken down by {@code groupBy} if given.
     * The statements run side by side on their own connections, all reading the snapshot the first one exports,
     * so they see the same facts as one transaction would.
     */
    public CohortFacts read(ReportingPeriod period, Dimension groupBy) throws SQLException {
        return inSnapshot(null, main -> {
            long version;
            try (Statement current = main.createStatement();
                 ResultSet rs = current.executeQuery("SELECT version FROM read_model_version")) {
                rs.next();
                version = rs.getLong(1);
            }
            // supervision is counted against today: an answer is also one day's
            LocalDate today = LocalDate.now(clock.withZone(zone));
            Answer key = new Answer(period.from(), period.to(), groupBy, version, today);
            CohortFacts known = answers.get(key);
            if (known != null) {
                return known;
            }
            String snapshot;
            try (Statement export = main.createStatement();
                 ResultSet rs = export.executeQuery("SELECT pg_export_snapshot()")) {
                rs.next();
                snapshot = rs.getString(1);
            }
            Future<Distributions> distributions = parts.submit(() -> inSnapshot(snapshot,
                    connection -> distributions(connection, period)));
            Future<Outcomes> outcomes = parts.submit(() -> inSnapshot(snapshot,
                    connection -> outcomes(connection, period, groupBy)));
            Future<Supported> supported = parts.submit(() -> inSnapshot(snapshot,
                    connection -> supported(connection, period, today)));
            Activities activities = activities(main, period, groupBy);
            Concerns concerns = concerns(main, period);
            Distributions d = await(distributions);
            Outcomes o = await(outcomes);
            CohortFacts facts = new CohortFacts(activities.total(), groupBy, activities.byGroup(), d.referralsBy(),
                    d.all().get("month"), d.all().get("decline_reason"), d.all().get("withdraw_reason"),
                    d.all().get("close_reason"), activities.people(), activities.peopleByGroup(), o.instruments(),
                    concerns, workforce(activities, await(supported), supervisionIntervalDays),
                    d.organisationNames());
            answers.put(key, facts);
            return facts;
        });
    }

    /** What an answer depends on: the period, the breakdown, the facts as they were, and the day. */
    private record Answer(LocalDate from, LocalDate to, Dimension groupBy, long version, LocalDate today) {
    }

    private record Activities(Activity total, Map<String, Activity> byGroup, People people,
            Map<String, People> peopleByGroup, Delivered delivered) {
    }

    /** The cohort's goals and group places, summed from its referrals' counters. */
    private record Delivered(long groupDidNotAttend, long peopleInGroups, long goals, long peopleWithGoals,
            long goalsRatedTwice, long goalsImproved, long goalsUnchanged, long goalsWorse, long goalsAchieved) {
    }

    /**
     * The peers supporting the cohort now, by caseload and by supervision, the group meetings its people attended,
     * its matches by what they shared and its signposting.
     */
    private record Supported(Map<Long, Long> peersByCaseload, Map<String, Long> peersBySupervision,
            long groupMeetings, Map<String, Long> matchesBySharing, Map<String, Signposts> signposting) {
    }

    private record Distributions(Map<String, Map<String, Long>> all, Map<Dimension, Map<String, Long>> referralsBy,
            Map<String, String> organisationNames) {
    }

    private record Outcomes(List<InstrumentOutcomes> instruments) {
    }

    private interface Part<T> {
        T read(Connection connection) throws SQLException;
    }

    /** Runs {@code part} in a read-only repeatable-read transaction, importing {@code snapshot} when given. */
    private <T> T inSnapshot(String snapshot, Part<T> part) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                if (snapshot != null) {
                    if (!snapshot.matches("[0-9A-Fa-f-]+")) {
                        throw new SQLException("Unexpected snapshot id " + snapshot);
                    }
                    try (Statement use = connection.createStatement()) {
                        use.execute("SET TRANSACTION SNAPSHOT '" + snapshot + "'");
                    }
                }
                try (Statement settings = connection.createStatement()) {
                    // enough to hash every grouping set in memory rather than sort on disk; the statements
                    // already run side by side, so parallel workers would only add their start-up
                    settings.execute("SET LOCAL work_mem = '64MB'");
                    settings.execute("SET LOCAL max_parallel_workers_per_gather = 0");
                }
                T result = part.read(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setReadOnly(false);
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private static <T> T await(Future<T> part) throws SQLException {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while reading the summary", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private Activities activities(Connection connection, ReportingPeriod period, Dimension groupBy)
            throws SQLException {
        Activity total = Activity.none();
        People people = new People(0, 0);
        Delivered delivered = new Delivered(0, 0, 0, 0, 0, 0, 0, 0, 0);
        Map<String, Activity> byGroup = new LinkedHashMap<>();
        Map<String, People> peopleByGroup = new LinkedHashMap<>();
        try (PreparedStatement query = byDay(connection, ACTIVITY, groupBy, period);
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                Activity activity = activity(rs);
                People found = new People(rs.getLong(20), rs.getLong(21));
                if (ALL.equals(rs.getString(1))) {
                    total = activity;
                    people = found;
                    delivered = new Delivered(rs.getLong(28), rs.getLong(29), rs.getLong(30), rs.getLong(31),
                            rs.getLong(32), rs.getLong(33), rs.getLong(34), rs.getLong(35), rs.getLong(36));
                } else {
                    byGroup.put(rs.getString(2), activity);
                    peopleByGroup.put(rs.getString(2), found);
                }
            }
        }
        Map<String, NavigableMap<Integer, Long>> waits = new HashMap<>();
        try (PreparedStatement query = byDay(connection, WAITS, groupBy, period);
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                String group = ALL.equals(rs.getString(1)) ? TOTAL : rs.getString(2);
                waits.computeIfAbsent(group, g -> new TreeMap<>()).put(rs.getInt(3), rs.getLong(4));
            }
        }
        total = total.withWaits(percentile(waits.get(TOTAL), 0.5), percentile(waits.get(TOTAL), 0.9));
        byGroup.replaceAll((group, activity) -> activity.withWaits(percentile(waits.get(group), 0.5),
                percentile(waits.get(group), 0.9)));
        return new Activities(total, byGroup, people, peopleByGroup, delivered);
    }

    /**
     * The {@code fraction} percentile of whole days waited, interpolated between neighbouring values as
     * PostgreSQL's percentile_cont does; null when nobody waited.
     */
    static Double percentile(NavigableMap<Integer, Long> daysToPeople, double fraction) {
        if (daysToPeople == null || daysToPeople.isEmpty()) {
            return null;
        }
        long people = daysToPeople.values().stream().mapToLong(Long::longValue).sum();
        double position = fraction * (people - 1);
        long below = (long) Math.floor(position);
        int lower = valueAt(daysToPeople, below);
        int upper = valueAt(daysToPeople, (long) Math.ceil(position));
        return lower + (upper - lower) * (position - below);
    }

    /** The value at a 0-based position of the sorted multiset. */
    private static int valueAt(NavigableMap<Integer, Long> counts, long index) {
        long seen = 0;
        for (Map.Entry<Integer, Long> entry : counts.entrySet()) {
            seen += entry.getValue();
            if (index < seen) {
                return entry.getKey();
            }
        }
        return counts.lastKey();
    }

    private Distributions distributions(Connection connection, ReportingPeriod period) throws SQLException {
        Map<String, Map<String, Long>> all = new LinkedHashMap<>();
        for (Dimension dimension : Dimension.values()) {
            all.put(dimension.parameter(), new TreeMap<>());
        }
        REASONS.forEach(reason -> all.put(reason, new TreeMap<>()));
        all.put("month", new TreeMap<>());
        try (PreparedStatement query = connection.prepareStatement(DISTRIBUTIONS)) {
            for (int i = 0; i < 6; i += 2) {
                query.setObject(i + 1, period.from(), Types.DATE);
                query.setObject(i + 2, period.to(), Types.DATE);
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    all.get(rs.getString(1)).put(rs.getString(2), rs.getLong(3));
                }
            }
        }
        Map<Dimension, Map<String, Long>> referralsBy = new EnumMap<>(Dimension.class);
        for (Dimension dimension : Dimension.values()) {
            referralsBy.put(dimension, all.get(dimension.parameter()));
        }
        Map<String, String> names = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(ORGANISATION_NAMES);
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                names.put(rs.getString(1), rs.getString(2));
            }
        }
        return new Distributions(all, referralsBy, names);
    }

    private Outcomes outcomes(Connection connection, ReportingPeriod period, Dimension groupBy) throws SQLException {
        Map<String, Map<String, Outcome>[]> slices = new TreeMap<>();
        Map<String, OutcomeSum> overall = new TreeMap<>();
        try (PreparedStatement query = byDay(connection, OUTCOMES, groupBy, period);
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                String dimension = rs.getString(1);
                String instrument = rs.getString(2);
                String key = rs.getString(3);
                @SuppressWarnings("unchecked")
                Map<String, Outcome>[] slice = slices.computeIfAbsent(instrument,
                        i -> new Map[] {new TreeMap<>(), new TreeMap<>(), new TreeMap<>()});
                OutcomeSum sum = new OutcomeSum(rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getDouble(7),
                        rs.getDouble(11), rs.getLong(8), rs.getLong(9), rs.getLong(10));
                // a breakdown by condition group or decile is also one of the two fixed slices
                if (Dimension.CONDITION_GROUP.parameter().equals(dimension)) {
                    slice[0].put(key, sum.outcome());
                    overall.merge(instrument, sum, OutcomeSum::plus);
                }
                if (Dimension.IMD_DECILE.parameter().equals(dimension)) {
                    slice[1].put(key, sum.outcome());
                }
                if (groupBy != null && groupBy.parameter().equals(dimension)) {
                    slice[2].put(key, sum.outcome());
                }
            }
        }
        Map<String, List<ItemOutcome>> items = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement(ITEMS)) {
            query.setObject(1, period.from(), Types.DATE);
            query.setObject(2, period.to(), Types.DATE);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    long paired = rs.getLong(3);
                    double before = rs.getDouble(4);
                    double after = rs.getDouble(5);
                    items.computeIfAbsent(rs.getString(1), i -> new ArrayList<>()).add(new ItemOutcome(
                            rs.getString(2), paired, before, after,
                            Statistics.mean(paired, after - before, rs.getDouble(6))));
                }
            }
        }
        List<InstrumentOutcomes> instruments = new ArrayList<>();
        slices.forEach((instrument, slice) -> instruments.add(new InstrumentOutcomes(instrument,
                overall.get(instrument).outcome(), items.getOrDefault(instrument, List.of()), slice[0], slice[1],
                slice[2])));
        return new Outcomes(instruments);
    }

    /** Outcome counts with the sums of changes and of their squares rather than a mean, so groups add up. */
    private record OutcomeSum(long withBaseline, long paired, long withChange, double changes, double squares,
            long improved, long noReliableChange, long deteriorated) {

        OutcomeSum plus(OutcomeSum other) {
            return new OutcomeSum(withBaseline + other.withBaseline, paired + other.paired,
                    withChange + other.withChange, changes + other.changes, squares + other.squares,
                    improved + other.improved, noReliableChange + other.noReliableChange,
                    deteriorated + other.deteriorated);
        }

        Outcome outcome() {
            return new Outcome(withBaseline, paired, withChange, Statistics.mean(withChange, changes, squares),
                    improved, noReliableChange, deteriorated);
        }
    }

    /**
     * A peer is supervised within the policy interval when their latest supervision was held on or after the day
     * that many days before {@code today} (in the reporting time zone): whole days, as the figures are.
     */
    private Supported supported(Connection connection, ReportingPeriod period, LocalDate today) throws SQLException {
        Map<Long, Long> peersByCaseload = new TreeMap<>();
        Map<String, Long> peersBySupervision = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement(CASELOADS)) {
            query.setObject(1, today.minusDays(supervisionIntervalDays).atStartOfDay(zone).toOffsetDateTime());
            query.setObject(2, period.from(), Types.DATE);
            query.setObject(3, period.to(), Types.DATE);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    peersByCaseload.merge(rs.getLong(1), rs.getLong(3), Long::sum);
                    peersBySupervision.merge(rs.getString(2), rs.getLong(3), Long::sum);
                }
            }
        }
        long meetings;
        try (PreparedStatement query = inPeriod(connection, MEETINGS, period); ResultSet rs = query.executeQuery()) {
            rs.next();
            meetings = rs.getLong(1);
        }
        Map<String, Long> matchesBySharing = new TreeMap<>();
        try (PreparedStatement query = inPeriod(connection, SHARING, period); ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                matchesBySharing.put(rs.getString(1), rs.getLong(2));
            }
        }
        Map<String, Signposts> signposting = new TreeMap<>();
        try (PreparedStatement query = inPeriod(connection, SIGNPOSTING, period);
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                signposting.put(rs.getString(1), new Signposts(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
            }
        }
        return new Supported(peersByCaseload, peersBySupervision, meetings, matchesBySharing, signposting);
    }

    /** Places taken at group meetings are the cohort's attended group sessions, counted with its sessions. */
    private static Workforce workforce(Activities activities, Supported supported, long supervisionIntervalDays) {
        Delivered d = activities.delivered();
        return new Workforce(supported.peersByCaseload(), d.goals(), d.peopleWithGoals(), d.goalsRatedTwice(),
                d.goalsImproved(), d.goalsUnchanged(), d.goalsWorse(), d.goalsAchieved(), supported.groupMeetings(),
                activities.total().inGroup(), d.groupDidNotAttend(), d.peopleInGroups(), supported.matchesBySharing(),
                supervisionIntervalDays, supported.peersBySupervision(), supported.signposting());
    }

    private Concerns concerns(Connection connection, ReportingPeriod period) throws SQLException {
        Concerns concerns = new Concerns(0, 0, 0, Map.of());
        Map<String, Long> byCategory = new TreeMap<>();
        try (PreparedStatement query = inPeriod(connection, CONCERNS, period)) {
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(1) == 1) {
                        concerns = new Concerns(rs.getLong(3), rs.getLong(4), rs.getLong(5), byCategory);
                    } else {
                        byCategory.put(keyOf(rs.getString(2)), rs.getLong(3));
                    }
                }
            }
        }
        return concerns;
    }

    /** A statement whose only parameters are the period's first and last day (null when open). */
    private static PreparedStatement inPeriod(Connection connection, String sql, ReportingPeriod period)
            throws SQLException {
        PreparedStatement query = connection.prepareStatement(sql);
        query.setObject(1, period.from(), Types.DATE);
        query.setObject(2, period.to(), Types.DATE);
        return query;
    }

    /** A statement over the per-day tables: the breakdown's name (or none), then the period's first and last day. */
    private static PreparedStatement byDay(Connection connection, String sql, Dimension groupBy,
            ReportingPeriod period) throws SQLException {
        PreparedStatement query = connection.prepareStatement(sql);
        query.setString(1, groupBy == null ? ALL : groupBy.parameter());
        query.setObject(2, period.from(), Types.DATE);
        query.setObject(3, period.to(), Types.DATE);
        return query;
    }

    private static Activity activity(ResultSet rs) throws SQLException {
        return new Activity(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13),
                rs.getLong(14), rs.getLong(15), rs.getLong(16), rs.getLong(17), rs.getLong(18), rs.getLong(19),
                rs.getLong(22), null, null,
                List.of(rs.getLong(23), rs.getLong(24), rs.getLong(25), rs.getLong(26), rs.getLong(27)));
    }

    private static String keyOf(String value) {
        return value == null ? Dimension.NOT_RECORDED : value;
    }
}
