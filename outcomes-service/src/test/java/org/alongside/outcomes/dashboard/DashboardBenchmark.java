package org.alongside.outcomes.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.alongside.outcomes.facts.MeasurementFacts;
import org.alongside.outcomes.facts.ReportingConfig;
import org.alongside.outcomes.facts.SessionFacts;
import org.alongside.outcomes.measures.Instruments;
import org.flywaydb.core.Flyway;

/**
 * The dashboard summary over a year of a large ICB, timed through the query layer, disclosure control and JSON
 * serialisation (what GET /dashboard/summary does besides HTTP). Loads its own database with set-based SQL and
 * derives the per-referral counters and outcome pairs with the same statements the event handlers run.
 * Run by bench/outcomes-dashboard.sh.
 */
public final class DashboardBenchmark {

    private static final String DATABASE = "alongside_outcomes_bench";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int referrals = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        String host = System.getenv().getOrDefault("ALONGSIDE_DB_HOST", "127.0.0.1");
        String user = System.getenv().getOrDefault("ALONGSIDE_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("ALONGSIDE_DB_PASSWORD", "");
        String url = "jdbc:postgresql://" + host + ":5432/" + DATABASE;
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + host + ":5432/postgres", user,
                password); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/platform", "classpath:db/migration")
                .load().migrate();
        // in the service Quarkus' worker pool runs a summary's statements side by side
        ExecutorService parts = Executors.newCachedThreadPool();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            long started = System.nanoTime();
            load(connection, referrals);
            System.out.printf("loaded in %.1f s: %s%n", (System.nanoTime() - started) / 1e9, sizes(connection));

            Summaries summaries = new Summaries(pooled(url, user, password, 4), parts, Clock.systemUTC(),
                    new ReportingConfig() {
                        @Override
                        public ZoneId reportingZone() {
                            return LONDON;
                        }

                        @Override
                        public Duration supervisionInterval() {
                            return Duration.ofDays(28);
                        }
                    });
            ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
            SummaryPresenter presenter = new SummaryPresenter(new Disclosure(true, 7, 5), Instruments.published()::find);
            record Scenario(String name, String from, String to, String groupBy) {
            }
            List<Scenario> scenarios = List.of(
                    new Scenario("year, no breakdown", "2025-04-01", "2026-03-31", null),
                    new Scenario("year by conditionGroup", "2025-04-01", "2026-03-31", "conditionGroup"),
                    new Scenario("year by referrerOrganisation", "2025-04-01", "2026-03-31", "referrerOrganisation"),
                    new Scenario("year by imdDecile", "2025-04-01", "2026-03-31", "imdDecile"),
                    new Scenario("quarter by ageBand", "2025-10-01", "2025-12-31", "ageBand"),
                    new Scenario("open period by gender", null, null, "gender"));
            System.out.printf("%n| summary (%,d referrals) | facts changed since the last read: p50 / p95 / max ms "
                    + "| unchanged (answer reused): p50 / p95 ms | JSON bytes |%n", referrals);
            System.out.println("|---|---:|---:|---:|");
            for (Scenario scenario : scenarios) {
                ReportingPeriod period = ReportingPeriod.parse(scenario.from(), scenario.to(), LONDON);
                Dimension groupBy = Dimension.parse(scenario.groupBy());
                int bytes = 0;
                for (int i = 0; i < 5; i++) {
                    bytes = json.writeValueAsBytes(presenter.present(period, summaries.read(period, groupBy),
                            OffsetDateTime.now(ZoneOffset.UTC))).length;
                }
                long[] changed = new long[repeats];
                long[] unchanged = new long[repeats];
                for (int i = 0; i < repeats; i++) {
                    // an event arrived: the next read cannot reuse an answer
                    try (Statement event = connection.createStatement()) {
                        event.execute("UPDATE read_model_version SET version = version + 1");
                    }
                    changed[i] = time(() -> json.writeValueAsBytes(presenter.present(period,
                            summaries.read(period, groupBy), OffsetDateTime.now(ZoneOffset.UTC))));
                    unchanged[i] = time(() -> json.writeValueAsBytes(presenter.present(period,
                            summaries.read(period, groupBy), OffsetDateTime.now(ZoneOffset.UTC))));
                }
                Arrays.sort(changed);
                Arrays.sort(unchanged);
                System.out.printf("| %s | %d / %d / %d | %d / %d | %,d |%n", scenario.name(), percentile(changed, 50),
                        percentile(changed, 95), changed[changed.length - 1], percentile(unchanged, 50),
                        percentile(unchanged, 95), bytes);
            }
            writeCost(connection, repeats);
        } finally {
            parts.shutdownNow();
        }
    }

    /**
     * What the per-day aggregates cost each event: one attended session added to a matched referral's counters,
     * as session.recorded does, through the triggers on referral_fact, committed.
     */
    private static void writeCost(Connection connection, int repeats) throws Exception {
        List<Object> referrals = new ArrayList<>();
        try (Statement sql = connection.createStatement()) {
            sql.execute("SET synchronous_commit = on"); // as the service commits
        }
        try (Statement sql = connection.createStatement();
             ResultSet rs = sql.executeQuery("SELECT referral_id FROM referral_fact WHERE first_attended_at IS NOT NULL "
                     + "ORDER BY referral_id LIMIT " + repeats)) {
            while (rs.next()) {
                referrals.add(rs.getObject(1));
            }
        }
        long[] micros = new long[referrals.size()];
        try (PreparedStatement update = connection.prepareStatement("UPDATE referral_fact SET "
                + "sessions_recorded = sessions_recorded + 1, sessions_attended = sessions_attended + 1, "
                + "attended_telephone = attended_telephone + 1 WHERE referral_id = ?")) {
            for (int i = 0; i < micros.length; i++) {
                long started = System.nanoTime();
                update.setObject(1, referrals.get(i));
                update.executeUpdate();
                micros[i] = (System.nanoTime() - started) / 1_000;
            }
        }
        Arrays.sort(micros);
        System.out.printf("%none session's counters on a referral, through the per-day triggers (%d writes): "
                + "p50 %.2f ms, p95 %.2f ms%n", micros.length, percentile(micros, 50) / 1000.0,
                percentile(micros, 95) / 1000.0);
    }

    private interface Read {
        void run() throws Exception;
    }

    private static long time(Read read) throws Exception {
        long started = System.nanoTime();
        read.run();
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Facts for a year from 1 April 2025, shaped like a service's: see docs/performance.md. */
    private static void load(Connection connection, int referrals) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("SET synchronous_commit = off");
            // the per-row triggers are for events one at a time; a bulk load fills their tables in one pass below
            sql.execute("ALTER TABLE referral_fact DISABLE TRIGGER referral_day_count_insert");
            sql.execute("ALTER TABLE referral_fact DISABLE TRIGGER referral_day_count_update");
            sql.execute("ALTER TABLE referral_fact DISABLE TRIGGER referral_day_activity_track");
            sql.execute("ALTER TABLE outcome_pair DISABLE TRIGGER outcome_day_track");
            sql.execute("ALTER TABLE session_fact DISABLE TRIGGER group_meetings_track");
            sql.execute("ALTER TABLE match_fact DISABLE TRIGGER received_day_of_referral");
            sql.execute("ALTER TABLE safeguarding_fact DISABLE TRIGGER received_day_of_referral");
            sql.execute("ALTER TABLE match_fact DISABLE TRIGGER match_sharing_day_track");
            sql.execute("ALTER TABLE signposting_fact DISABLE TRIGGER received_day_of_referral");
            sql.execute("ALTER TABLE signposting_fact DISABLE TRIGGER signposting_day_track");
            sql.execute("""
                    INSERT INTO referral_fact (referral_id, received_at, accepted_at, declined_at, withdrawn_at,
                        matched_at, closed_at, referrer_type, referrer_ods_code, condition_kinds, condition_codes,
                        age_band, gender, imd_decile, locality, decline_reason, withdraw_reason, close_reason,
                        condition_group, condition_mapping_version, received_day, ethnicity)
                    SELECT id, received,
                           CASE WHEN r < 0.85 THEN received + interval '2 days' END,
                           CASE WHEN r >= 0.85 AND r < 0.95 THEN received + interval '3 days' END,
                           CASE WHEN r >= 0.95 THEN received + interval '5 days' END,
                           CASE WHEN r < 0.80 THEN received + interval '9 days' END,
                           CASE WHEN r < 0.55 THEN received + interval '120 days' END,
                           (ARRAY['GP_PRACTICE','GP_PRACTICE','GP_PRACTICE','LINK_WORKER','SELF','OTHER'])[1 + n % 6],
                           CASE WHEN n % 6 < 3 THEN 'P' || lpad((n % 80)::text, 5, '0') END,
                           ARRAY['PHYSICAL'], ARRAY['44054006'],
                           (ARRAY['16-24','25-34','35-44','45-54','55-64','65-74','75+'])[1 + n % 7],
                           (ARRAY['FEMALE','MALE','OTHER','UNKNOWN'])[1 + (n / 7) % 4],
                           1 + (n / 3) % 10, 'LS' || (n % 30),
                           CASE WHEN r >= 0.85 AND r < 0.95 THEN 'NOT_ELIGIBLE' END,
                           CASE WHEN r >= 0.95 THEN 'PERSON_REQUEST' END,
                           CASE WHEN r < 0.55 THEN (ARRAY['GOALS_MET','NOT_ENGAGING','MOVED_AWAY'])[1 + n % 3] END,
                           (ARRAY['diabetes','respiratory','renal','cardiac','cancer','neurological',
                                  'musculoskeletal-and-pain','hiv','common-mental-health','severe-mental-illness',
                                  'other-physical','other-mental'])[1 + (n / 11) % 12],
                           2, (received AT TIME ZONE 'Europe/London')::date,
                           (ARRAY['A','B','C','D','E','F','G','H','J','K','L','M','N','P','R','S','Z','99'])
                               [1 + (n / 5) % 18]
                    FROM (SELECT gen_random_uuid() AS id, n, ((n * 7919) % 1000) / 1000.0 AS r,
                                 timestamptz '2025-04-01' + (n * interval '365 days') / :referrals AS received
                          FROM generate_series(0, :referrals - 1) n) g""".replace(":referrals",
                    Integer.toString(referrals)));
            // 12.5 sessions on average for each matched referral: 1,000,000 for 100,000 referrals. Every fourth is a
            // place at a group meeting: 64 groups meet each day, so a meeting has about eight places.
            sql.execute("""
                    INSERT INTO session_fact (session_id, referral_id, peer_id, started_at, duration_minutes, medium,
                        attendance, focus, recorded_at, event_id, setting, group_id, meeting_id)
                    SELECT gen_random_uuid(), f.referral_id, NULL, started, 60,
                           (ARRAY['IN_PERSON','IN_PERSON','TELEPHONE','VIDEO','ONLINE_TEXT'])[1 + s % 5],
                           CASE WHEN s = 0 OR s % 9 > 1 THEN 'ATTENDED' WHEN s % 9 = 1 THEN 'DID_NOT_ATTEND'
                                ELSE 'CANCELLED_BY_CLIENT' END,
                           ARRAY['EMOTIONAL_SUPPORT'], started + interval '1 day',
                           gen_random_uuid()::text, CASE WHEN s % 4 = 3 THEN 'GROUP' ELSE 'ONE_TO_ONE' END,
                           CASE WHEN s % 4 = 3 THEN md5('group ' || (hashtext(f.referral_id::text) & 63))::uuid END,
                           CASE WHEN s % 4 = 3 THEN md5(started::date || ' ' || (hashtext(f.referral_id::text) & 63))::uuid END
                    FROM referral_fact f, generate_series(0, 15) s,
                         LATERAL (SELECT f.matched_at + s * interval '7 days' + interval '5 days' AS started) t
                    WHERE f.matched_at IS NOT NULL
                      AND s < 9 + (hashtext(f.referral_id::text) & 7)""");
            // one match per matched referral with one of 1,500 peers, ended when the referral closed: about 25,000
            // people supported now, some seventeen per peer; most share a condition or its group
            sql.execute("""
                    INSERT INTO match_fact (referral_id, peer_id, accepted_at, ended_at, end_reason,
                        shared_lived_experience)
                    SELECT referral_id, md5('peer ' || abs(hashtext(referral_id::text || 'peer')) % 1500)::uuid,
                           matched_at, closed_at, CASE WHEN closed_at IS NOT NULL THEN 'CLOSED' END,
                           (ARRAY['CONDITION','CONDITION','CONDITION_GROUP','NONE'])
                               [1 + abs(hashtext(referral_id::text || 'shared')) % 4]
                    FROM referral_fact WHERE matched_at IS NOT NULL""");
            // each peer supervised about every four weeks over the year: some 20,000 supervisions
            sql.execute("""
                    INSERT INTO supervision_fact (supervision_id, peer_id, held_at)
                    SELECT gen_random_uuid(), md5('peer ' || p)::uuid,
                           timestamptz '2025-04-01' + (p % 28) * interval '1 day' + w * interval '28 days'
                    FROM generate_series(0, 1499) p, generate_series(0, 12) w""");
            // one or two community resources per matched referral, a third taken up: some 120,000
            sql.execute("""
                    INSERT INTO signposting_fact (signposting_id, referral_id, category, take_up, updated_at)
                    SELECT gen_random_uuid(), referral_id,
                           (ARRAY['PHYSICAL_ACTIVITY','CONDITION_SUPPORT_GROUP','PEER_SUPPORT_GROUP',
                                  'ARTS_AND_CREATIVITY','BEFRIENDING_AND_SOCIAL','NATURE_AND_GARDENING',
                                  'WELFARE_BENEFITS_AND_MONEY','HOUSING'])[1 + (h + k) % 8],
                           (ARRAY['TAKEN_UP','NOT_TAKEN_UP','NOT_KNOWN'])[1 + (h + k) % 3],
                           matched_at + interval '20 days'
                    FROM (SELECT referral_id, matched_at, abs(hashtext(referral_id::text || 'signposting')) AS h
                          FROM referral_fact WHERE matched_at IS NOT NULL) f, generate_series(0, 1) k
                    WHERE k = 0 OR h % 2 = 0""");
            // two goals per matched referral, set with the first session and rated at three reviews four weeks
            // apart: 640,000 updates, the last one achieving a third of them
            sql.execute("""
                    INSERT INTO goal_update_fact (goal_id, referral_id, updated_at, focus, status, rating)
                    SELECT md5(f.referral_id::text || ' goal ' || g)::uuid, f.referral_id,
                           f.matched_at + interval '5 days' + u * interval '28 days',
                           (ARRAY['DAILY_MANAGEMENT','EMOTIONAL_SUPPORT','COMMUNITY_CONNECTION','ONGOING_SUPPORT'])
                               [1 + (h + g) % 4],
                           CASE WHEN u = 0 THEN 'NOT_STARTED' WHEN u = 3 AND (h + g) % 3 = 0 THEN 'ACHIEVED'
                                ELSE 'IN_PROGRESS' END,
                           CASE WHEN u > 0 THEN 1 + (h + u * (g + 2)) % 10 END
                    FROM (SELECT referral_id, matched_at, abs(hashtext(referral_id::text)) AS h
                          FROM referral_fact WHERE matched_at IS NOT NULL) f,
                         generate_series(0, 1) g, generate_series(0, 3) u""");
            // 300,000 measures: SWEMWBS, SEMCD6 and GAD7 at baseline, most with a follow-up
            sql.execute("""
                    INSERT INTO measurement_fact (measurement_id, referral_id, instrument, timepoint, completed_at,
                        score, raw_score, band, change_from_baseline, classification)
                    SELECT gen_random_uuid(), referral_id, instrument, timepoint,
                           matched_at + CASE timepoint WHEN 'BASELINE' THEN interval '5 days' ELSE interval '100 days' END,
                           20 + (h % 10), 20 + (h % 10), NULL,
                           CASE WHEN timepoint = 'FOLLOW_UP' THEN (h % 9) - 2 END,
                           CASE WHEN timepoint = 'FOLLOW_UP' THEN CASE WHEN h % 9 >= 5 THEN 'IMPROVED'
                                WHEN h % 9 = 0 THEN 'DETERIORATED' ELSE 'NO_RELIABLE_CHANGE' END END
                    FROM (SELECT f.referral_id, f.matched_at, i.instrument, t.timepoint,
                                 abs(hashtext(f.referral_id::text || i.instrument)) AS h
                          FROM referral_fact f
                          CROSS JOIN (VALUES ('SWEMWBS', 0), ('SEMCD6', 1), ('GAD7', 2)) i (instrument, rank)
                          CROSS JOIN (VALUES ('BASELINE'), ('FOLLOW_UP')) t (timepoint)
                          WHERE f.matched_at IS NOT NULL) m
                    WHERE (instrument = 'SWEMWBS' AND (timepoint = 'BASELINE' OR h % 10 < 8))
                       OR (instrument = 'SEMCD6' AND h % 10 < 7 AND (timepoint = 'BASELINE' OR h % 10 < 5))
                       OR (instrument = 'GAD7' AND h % 10 < 5 AND (timepoint = 'BASELINE' OR h % 10 < 3))""");
            sql.execute("""
                    INSERT INTO safeguarding_fact (concern_id, referral_id, category, immediate_risk, raised_at)
                    SELECT gen_random_uuid(), referral_id, (ARRAY['SELF_NEGLECT','DOMESTIC_ABUSE','FINANCIAL'])
                               [1 + abs(hashtext(referral_id::text)) % 3], abs(hashtext(referral_id::text)) % 5 = 0,
                           matched_at + interval '20 days'
                    FROM referral_fact WHERE matched_at IS NOT NULL AND abs(hashtext(referral_id::text)) % 50 = 0""");
        }
        Array ids;
        try (Statement sql = connection.createStatement();
             ResultSet rs = sql.executeQuery("SELECT array_agg(referral_id) FROM referral_fact")) {
            rs.next();
            ids = rs.getArray(1);
        }
        for (String derive : List.of(SessionFacts.RECOUNT, MeasurementFacts.REPAIR, MeasurementFacts.PEOPLE,
                "SELECT referral_goals_recount(?)")) {
            try (PreparedStatement statement = connection.prepareStatement(derive)) {
                statement.setArray(1, ids);
                statement.execute();
            }
        }
        try (Statement sql = connection.createStatement()) {
            // every per-day table, referral_day_count included, the group meetings and the matches' and concerns'
            // days of receipt
            sql.execute("SELECT dashboard_day_aggregates_fill()");
            sql.execute("ALTER TABLE referral_fact ENABLE TRIGGER referral_day_count_insert");
            sql.execute("ALTER TABLE referral_fact ENABLE TRIGGER referral_day_count_update");
            sql.execute("ALTER TABLE referral_fact ENABLE TRIGGER referral_day_activity_track");
            sql.execute("ALTER TABLE outcome_pair ENABLE TRIGGER outcome_day_track");
            sql.execute("ALTER TABLE session_fact ENABLE TRIGGER group_meetings_track");
            sql.execute("ALTER TABLE match_fact ENABLE TRIGGER received_day_of_referral");
            sql.execute("ALTER TABLE safeguarding_fact ENABLE TRIGGER received_day_of_referral");
            sql.execute("ALTER TABLE match_fact ENABLE TRIGGER match_sharing_day_track");
            sql.execute("ALTER TABLE signposting_fact ENABLE TRIGGER received_day_of_referral");
            sql.execute("ALTER TABLE signposting_fact ENABLE TRIGGER signposting_day_track");
            // compacted, as after a rebuild: the set-based derivations above rewrote every referral row twice
            sql.execute("VACUUM FULL ANALYZE");
        }
    }

    private static String sizes(Connection connection) throws SQLException {
        List<String> sizes = new ArrayList<>();
        try (Statement sql = connection.createStatement()) {
            for (String table : List.of("referral_fact", "session_fact", "measurement_fact", "outcome_pair",
                    "safeguarding_fact", "match_fact", "goal_update_fact", "supervision_fact", "signposting_fact")) {
                try (ResultSet rs = sql.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    sizes.add(String.format("%s %,d", table, rs.getLong(1)));
                }
            }
        }
        return String.join(", ", sizes);
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    /** A fixed pool of warm connections, as Agroal hands them out; closing one returns it. */
    private static DataSource pooled(String url, String user, String password, int size) throws SQLException {
        BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            idle.add(DriverManager.getConnection(url, user, password));
        }
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection;
                try {
                    connection = idle.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException(e);
                }
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                            if ("close".equals(method.getName())) {
                                idle.add(connection);
                                return null;
                            }
                            try {
                                return method.invoke(connection, arguments);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return getConnection();
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {
            }

            @Override
            public void setLoginTimeout(int seconds) {
            }

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() throws SQLFeatureNotSupportedException {
                throw new SQLFeatureNotSupportedException();
            }

            @Override
            public <T> T unwrap(Class<T> type) throws SQLException {
                throw new SQLException("not a wrapper");
            }

            @Override
            public boolean isWrapperFor(Class<?> type) {
                return false;
            }
        };
    }
}
