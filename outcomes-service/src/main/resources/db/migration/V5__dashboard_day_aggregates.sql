-- Per-day aggregates of everything the dashboard summary adds up, kept exact by triggers on the fact tables (any
-- write, in any order), so a year's summary sums a few thousand small rows per breakdown instead of reading every
-- referral and outcome pair: docs/performance.md. Rows are keyed by the day of receipt (report periods are whole
-- days in the reporting time zone) and by a breakdown: 'all' (key 'all') or a summary groupBy value, named as the
-- API names it (referrerType, referrerOrganisation, conditionGroup, imdDecile, ageBand, gender), with
-- NOT_RECORDED where the events did not say.

ALTER TABLE outcome_pair ADD COLUMN received_day DATE;
UPDATE outcome_pair o SET received_day = f.received_day FROM referral_fact f WHERE f.referral_id = o.referral_id;

-- The breakdowns a referral (or its outcome pair, which carries the same columns) is counted under.
CREATE FUNCTION dashboard_keys(referrer_type TEXT, referrer_ods_code TEXT, condition_group TEXT, imd_decile SMALLINT,
        age_band TEXT, gender TEXT)
    RETURNS TABLE (dimension TEXT, key TEXT) LANGUAGE sql IMMUTABLE AS $$
    VALUES ('all', 'all'),
           ('referrerType', COALESCE(referrer_type, 'NOT_RECORDED')),
           ('referrerOrganisation', COALESCE(referrer_ods_code, 'NOT_RECORDED')),
           ('conditionGroup', COALESCE(condition_group, 'NOT_RECORDED')),
           ('imdDecile', COALESCE(imd_decile::text, 'NOT_RECORDED')),
           ('ageBand', COALESCE(age_band, 'NOT_RECORDED')),
           ('gender', COALESCE(gender, 'NOT_RECORDED'))
$$;

-- Days from receipt to the first attended session, as a fraction; null when none (or one before receipt).
CREATE FUNCTION dashboard_wait(r referral_fact) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN r.first_attended_at >= r.received_at
                THEN extract(epoch FROM r.first_attended_at - r.received_at)::float8 / 86400 END
$$;

CREATE TABLE referral_day_activity (
    dimension                 TEXT    NOT NULL,
    day                       DATE    NOT NULL,
    key                       TEXT    NOT NULL,
    received                  INTEGER NOT NULL,
    accepted                  INTEGER NOT NULL,
    declined                  INTEGER NOT NULL,
    withdrawn                 INTEGER NOT NULL,
    matched                   INTEGER NOT NULL,
    started                   INTEGER NOT NULL,
    closed                    INTEGER NOT NULL,
    sessions_recorded         BIGINT  NOT NULL,
    sessions_attended         BIGINT  NOT NULL,
    sessions_did_not_attend   BIGINT  NOT NULL,
    sessions_cancelled_client BIGINT  NOT NULL,
    sessions_cancelled_peer   BIGINT  NOT NULL,
    attended_in_person        BIGINT  NOT NULL,
    attended_telephone        BIGINT  NOT NULL,
    attended_video            BIGINT  NOT NULL,
    attended_online_text      BIGINT  NOT NULL,
    attended_group            BIGINT  NOT NULL,
    with_baseline             INTEGER NOT NULL,
    paired                    INTEGER NOT NULL,
    waited                    INTEGER NOT NULL,
    wait_0_13                 INTEGER NOT NULL,
    wait_14_27                INTEGER NOT NULL,
    wait_28_55                INTEGER NOT NULL,
    wait_56_83                INTEGER NOT NULL,
    wait_84_plus              INTEGER NOT NULL,
    PRIMARY KEY (dimension, day, key)
);

-- Referrals per whole day waited: the median and 90th percentile are worked out from these.
CREATE TABLE referral_day_wait (
    dimension TEXT    NOT NULL,
    day       DATE    NOT NULL,
    key       TEXT    NOT NULL,
    days      INTEGER NOT NULL,
    referrals INTEGER NOT NULL,
    PRIMARY KEY (dimension, day, key, days)
);

CREATE TABLE outcome_day (
    dimension          TEXT    NOT NULL,
    day                DATE    NOT NULL,
    instrument         TEXT    NOT NULL,
    key                TEXT    NOT NULL,
    with_baseline      INTEGER NOT NULL,
    paired             INTEGER NOT NULL,
    with_change        INTEGER NOT NULL,
    sum_change         NUMERIC NOT NULL, -- exact, so adding and taking away a pair leaves no rounding behind
    improved           INTEGER NOT NULL,
    no_reliable_change INTEGER NOT NULL,
    deteriorated       INTEGER NOT NULL,
    PRIMARY KEY (dimension, day, instrument, key)
);

-- One referral's contribution (delta 1) or its removal (delta -1). PL/pgSQL, so its statements are planned once
-- per connection; the deletes name their rows by key, so they never scan the table.
CREATE FUNCTION referral_day_activity_add(r referral_fact, delta INTEGER) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    wait float8 := dashboard_wait(r);
BEGIN
    INSERT INTO referral_day_activity AS a
    SELECT d.dimension, r.received_day, d.key, delta,
           delta * (r.accepted_at IS NOT NULL)::int, delta * (r.declined_at IS NOT NULL)::int,
           delta * (r.withdrawn_at IS NOT NULL)::int, delta * (r.matched_at IS NOT NULL)::int,
           delta * (r.first_attended_at IS NOT NULL)::int, delta * (r.closed_at IS NOT NULL)::int,
           delta * r.sessions_recorded, delta * r.sessions_attended, delta * r.sessions_did_not_attend,
           delta * r.sessions_cancelled_client, delta * r.sessions_cancelled_peer, delta * r.attended_in_person,
           delta * r.attended_telephone, delta * r.attended_video, delta * r.attended_online_text,
           delta * r.attended_group, delta * r.outcome_baseline::int, delta * r.outcome_paired::int,
           delta * (wait IS NOT NULL)::int, delta * COALESCE(wait < 14, false)::int,
           delta * COALESCE(wait >= 14 AND wait < 28, false)::int, delta * COALESCE(wait >= 28 AND wait < 56, false)::int,
           delta * COALESCE(wait >= 56 AND wait < 84, false)::int, delta * COALESCE(wait >= 84, false)::int
    FROM dashboard_keys(r.referrer_type, r.referrer_ods_code, r.condition_group, r.imd_decile, r.age_band,
                        r.gender) d
    ON CONFLICT (dimension, day, key) DO UPDATE SET
        received = a.received + EXCLUDED.received, accepted = a.accepted + EXCLUDED.accepted,
        declined = a.declined + EXCLUDED.declined, withdrawn = a.withdrawn + EXCLUDED.withdrawn,
        matched = a.matched + EXCLUDED.matched, started = a.started + EXCLUDED.started,
        closed = a.closed + EXCLUDED.closed, sessions_recorded = a.sessions_recorded + EXCLUDED.sessions_recorded,
        sessions_attended = a.sessions_attended + EXCLUDED.sessions_attended,
        sessions_did_not_attend = a.sessions_did_not_attend + EXCLUDED.sessions_did_not_attend,
        sessions_cancelled_client = a.sessions_cancelled_client + EXCLUDED.sessions_cancelled_client,
        sessions_cancelled_peer = a.sessions_cancelled_peer + EXCLUDED.sessions_cancelled_peer,
        attended_in_person = a.attended_in_person + EXCLUDED.attended_in_person,
        attended_telephone = a.attended_telephone + EXCLUDED.attended_telephone,
        attended_video = a.attended_video + EXCLUDED.attended_video,
        attended_online_text = a.attended_online_text + EXCLUDED.attended_online_text,
        attended_group = a.attended_group + EXCLUDED.attended_group,
        with_baseline = a.with_baseline + EXCLUDED.with_baseline, paired = a.paired + EXCLUDED.paired,
        waited = a.waited + EXCLUDED.waited, wait_0_13 = a.wait_0_13 + EXCLUDED.wait_0_13,
        wait_14_27 = a.wait_14_27 + EXCLUDED.wait_14_27, wait_28_55 = a.wait_28_55 + EXCLUDED.wait_28_55,
        wait_56_83 = a.wait_56_83 + EXCLUDED.wait_56_83, wait_84_plus = a.wait_84_plus + EXCLUDED.wait_84_plus;
    IF delta < 0 THEN
        -- nobody left in a row leaves no row, so the tables are the same however the facts were reached
        DELETE FROM referral_day_activity a
        USING dashboard_keys(r.referrer_type, r.referrer_ods_code, r.condition_group, r.imd_decile, r.age_band,
                             r.gender) d
        WHERE a.dimension = d.dimension AND a.day = r.received_day AND a.key = d.key AND a.received = 0;
    END IF;
END
$$;

CREATE FUNCTION referral_day_wait_add(r referral_fact, delta INTEGER) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    whole_days INTEGER := floor(dashboard_wait(r))::int;
BEGIN
    IF whole_days IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO referral_day_wait AS w
    SELECT d.dimension, r.received_day, d.key, whole_days, delta
    FROM dashboard_keys(r.referrer_type, r.referrer_ods_code, r.condition_group, r.imd_decile, r.age_band,
                        r.gender) d
    ON CONFLICT (dimension, day, key, days) DO UPDATE SET referrals = w.referrals + EXCLUDED.referrals;
    IF delta < 0 THEN
        DELETE FROM referral_day_wait w
        USING dashboard_keys(r.referrer_type, r.referrer_ods_code, r.condition_group, r.imd_decile, r.age_band,
                             r.gender) d
        WHERE w.dimension = d.dimension AND w.day = r.received_day AND w.key = d.key AND w.days = whole_days
          AND w.referrals = 0;
    END IF;
END
$$;

CREATE FUNCTION outcome_day_add(o outcome_pair, delta INTEGER) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    followed BOOLEAN := o.follow_up_at IS NOT NULL;
BEGIN
    INSERT INTO outcome_day AS a
    SELECT d.dimension, o.received_day, o.instrument, d.key, delta, delta * followed::int,
           delta * (followed AND o.change IS NOT NULL)::int,
           delta * CASE WHEN followed AND o.change IS NOT NULL THEN o.change ELSE 0 END,
           delta * (followed AND o.classification IS NOT DISTINCT FROM 'IMPROVED')::int,
           delta * (followed AND o.classification IS NOT DISTINCT FROM 'NO_RELIABLE_CHANGE')::int,
           delta * (followed AND o.classification IS NOT DISTINCT FROM 'DETERIORATED')::int
    FROM dashboard_keys(o.referrer_type, o.referrer_ods_code, o.condition_group, o.imd_decile, o.age_band,
                        o.gender) d
    WHERE d.dimension <> 'all' -- an instrument's overall figures are the sums over its condition groups
    ON CONFLICT (dimension, day, instrument, key) DO UPDATE SET
        with_baseline = a.with_baseline + EXCLUDED.with_baseline, paired = a.paired + EXCLUDED.paired,
        with_change = a.with_change + EXCLUDED.with_change, sum_change = a.sum_change + EXCLUDED.sum_change,
        improved = a.improved + EXCLUDED.improved,
        no_reliable_change = a.no_reliable_change + EXCLUDED.no_reliable_change,
        deteriorated = a.deteriorated + EXCLUDED.deteriorated;
    IF delta < 0 THEN
        DELETE FROM outcome_day a
        USING dashboard_keys(o.referrer_type, o.referrer_ods_code, o.condition_group, o.imd_decile, o.age_band,
                             o.gender) d
        WHERE a.dimension = d.dimension AND a.day = o.received_day AND a.instrument = o.instrument
          AND a.key = d.key AND a.with_baseline = 0;
    END IF;
END
$$;

CREATE FUNCTION referral_day_activity_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD IS NOT DISTINCT FROM NEW THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' AND OLD.received_day IS NOT NULL THEN
        PERFORM referral_day_activity_add(OLD, -1);
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.received_day IS NOT NULL THEN
        PERFORM referral_day_activity_add(NEW, 1);
    END IF;
    -- most updates are a session counted: the whole days waited, and where they are counted, stay as they were
    IF TG_OP = 'UPDATE' AND (OLD.received_day, floor(dashboard_wait(OLD)), OLD.referrer_type, OLD.referrer_ods_code,
            OLD.condition_group, OLD.imd_decile, OLD.age_band, OLD.gender)
        IS NOT DISTINCT FROM (NEW.received_day, floor(dashboard_wait(NEW)), NEW.referrer_type, NEW.referrer_ods_code,
            NEW.condition_group, NEW.imd_decile, NEW.age_band, NEW.gender) THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' AND OLD.received_day IS NOT NULL THEN
        PERFORM referral_day_wait_add(OLD, -1);
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.received_day IS NOT NULL THEN
        PERFORM referral_day_wait_add(NEW, 1);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION outcome_day_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD IS NOT DISTINCT FROM NEW THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' AND OLD.received_day IS NOT NULL THEN
        PERFORM outcome_day_add(OLD, -1);
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.received_day IS NOT NULL THEN
        PERFORM outcome_day_add(NEW, 1);
    END IF;
    RETURN NULL;
END
$$;

-- Fills the three tables from the facts in one pass each: after this migration, and after a bulk load that ran
-- with the triggers off. The same figures the triggers reach one event at a time (DayAggregatesTest).
CREATE FUNCTION dashboard_day_aggregates_fill() RETURNS void LANGUAGE sql AS $$
    TRUNCATE referral_day_activity, referral_day_wait, outcome_day;
    INSERT INTO referral_day_activity
    SELECT d.dimension, r.received_day, d.key, count(*), count(r.accepted_at), count(r.declined_at),
           count(r.withdrawn_at), count(r.matched_at), count(r.first_attended_at), count(r.closed_at),
           sum(r.sessions_recorded), sum(r.sessions_attended), sum(r.sessions_did_not_attend),
           sum(r.sessions_cancelled_client), sum(r.sessions_cancelled_peer), sum(r.attended_in_person),
           sum(r.attended_telephone), sum(r.attended_video), sum(r.attended_online_text), sum(r.attended_group),
           count(*) FILTER (WHERE r.outcome_baseline), count(*) FILTER (WHERE r.outcome_paired),
           count(w.wait), count(*) FILTER (WHERE w.wait < 14), count(*) FILTER (WHERE w.wait >= 14 AND w.wait < 28),
           count(*) FILTER (WHERE w.wait >= 28 AND w.wait < 56), count(*) FILTER (WHERE w.wait >= 56 AND w.wait < 84),
           count(*) FILTER (WHERE w.wait >= 84)
    FROM referral_fact r
    CROSS JOIN LATERAL (SELECT dashboard_wait(r) AS wait) w
    CROSS JOIN LATERAL dashboard_keys(r.referrer_type, r.referrer_ods_code, r.condition_group, r.imd_decile,
                                      r.age_band, r.gender) d
    WHERE r.received_day IS NOT NULL
    GROUP BY 1, 2, 3;
    INSERT INTO referral_day_wait
    SELECT d.dimension, r.received_day, d.key, floor(dashboard_wait(r))::int, count(*)
    FROM referral_fact r
    CROSS JOIN LATERAL dashboard_keys(r.referrer_type, r.referrer_ods_code, r.condition_group, r.imd_decile,
                                      r.age_band, r.gender) d
    WHERE r.received_day IS NOT NULL AND dashboard_wait(r) IS NOT NULL
    GROUP BY 1, 2, 3, 4;
    INSERT INTO outcome_day
    SELECT d.dimension, o.received_day, o.instrument, d.key, count(*), count(o.follow_up_at),
           count(o.change) FILTER (WHERE o.follow_up_at IS NOT NULL),
           COALESCE(sum(o.change) FILTER (WHERE o.follow_up_at IS NOT NULL), 0),
           count(*) FILTER (WHERE o.follow_up_at IS NOT NULL AND o.classification = 'IMPROVED'),
           count(*) FILTER (WHERE o.follow_up_at IS NOT NULL AND o.classification = 'NO_RELIABLE_CHANGE'),
           count(*) FILTER (WHERE o.follow_up_at IS NOT NULL AND o.classification = 'DETERIORATED')
    FROM outcome_pair o
    CROSS JOIN LATERAL dashboard_keys(o.referrer_type, o.referrer_ods_code, o.condition_group, o.imd_decile,
                                      o.age_band, o.gender) d
    WHERE o.received_day IS NOT NULL AND d.dimension <> 'all'
    GROUP BY 1, 2, 3, 4;
$$;

SELECT dashboard_day_aggregates_fill();

CREATE TRIGGER referral_day_activity_track AFTER INSERT OR UPDATE OR DELETE ON referral_fact
    FOR EACH ROW EXECUTE FUNCTION referral_day_activity_track();
CREATE TRIGGER outcome_day_track AFTER INSERT OR UPDATE OR DELETE ON outcome_pair
    FOR EACH ROW EXECUTE FUNCTION outcome_day_track();
