-- Contract v2 (docs/vocabulary.md) and the commissioner's figures of issue 16:
--  * condition groups are matching-service's taxonomy ids (mapping version 2), stored facts migrated;
--  * sessions say their setting (ONE_TO_ONE, GROUP) and medium (IN_PERSON, TELEPHONE, VIDEO, ONLINE_TEXT);
--  * referrals carry the person's NHS ethnic category, a breakdown of every per-day table;
--  * outcome pairs keep the sum of squared changes (for a confidence interval) and per-item scores (service use,
--    ONS4), and the facts behind the workforce and delivery figures: matches, goals, group meetings.

-- Mapping version 2: matching-service's taxonomy (V2 migration there) groups the same codes; its mental health
-- groups split what version 1 called MENTAL_HEALTH.
INSERT INTO condition_group_mapping (version, snomed_code, condition_group) VALUES
    (2, '46635009', 'diabetes'),
    (2, '44054006', 'diabetes'),
    (2, '13645005', 'respiratory'),
    (2, '195967001', 'respiratory'),
    (2, '709044004', 'renal'),
    (2, '84114007', 'cardiac'),
    (2, '53741008', 'cardiac'),
    (2, '363346000', 'cancer'),
    (2, '86406008', 'hiv'),
    (2, '49049000', 'neurological'),
    (2, '24700007', 'neurological'),
    (2, '69896004', 'musculoskeletal-and-pain'),
    (2, '82423001', 'musculoskeletal-and-pain'),
    (2, '35489007', 'common-mental-health'),
    (2, '197480006', 'common-mental-health'),
    (2, '69322001', 'severe-mental-illness'),
    (2, '13746004', 'severe-mental-illness'),
    (2, '58214004', 'severe-mental-illness');

ALTER TABLE referral_fact
    ADD COLUMN ethnicity             TEXT,
    -- when referral.updated last replaced the dimensions: from then on received/accepted no longer set them
    ADD COLUMN dimensions_updated_at TIMESTAMPTZ;
ALTER TABLE outcome_pair
    ADD COLUMN ethnicity       TEXT,
    -- per-item scores of instruments reported item by item (SERVICE_USE, ONS4): {"itemKey": number}
    ADD COLUMN baseline_items  JSONB,
    ADD COLUMN follow_up_items JSONB;
ALTER TABLE measurement_fact ADD COLUMN item_scores JSONB;

ALTER TABLE session_fact RENAME COLUMN format TO medium;
ALTER TABLE session_fact RENAME COLUMN kind TO setting;
ALTER TABLE session_fact ADD COLUMN meeting_id UUID;
UPDATE session_fact SET setting = 'ONE_TO_ONE' WHERE setting IS NULL; -- version 1's absent kind meant 1:1
-- the dashboard's group meeting figures read only these
CREATE INDEX session_fact_group ON session_fact (referral_id) WHERE setting = 'GROUP';

-- Matches (match.accepted, match.ended v1 and v2): caseloads. One row per person and peer.
CREATE TABLE match_fact (
    referral_id UUID        NOT NULL REFERENCES referral_fact (referral_id),
    peer_id     UUID        NOT NULL,
    accepted_at TIMESTAMPTZ,
    ended_at    TIMESTAMPTZ,
    end_reason  TEXT,
    PRIMARY KEY (referral_id, peer_id)
);
CREATE INDEX match_fact_peer ON match_fact (peer_id);

-- Goals of people's wellness plans (goal.updated): never the words, only focus, status and progress ratings.
CREATE TABLE goal_update_fact (
    goal_id     UUID        NOT NULL,
    referral_id UUID        NOT NULL REFERENCES referral_fact (referral_id),
    updated_at  TIMESTAMPTZ NOT NULL,
    focus       TEXT        NOT NULL,
    status      TEXT        NOT NULL,
    rating      SMALLINT,
    PRIMARY KEY (goal_id, updated_at)
);
CREATE INDEX goal_update_fact_referral ON goal_update_fact (referral_id);

ALTER TABLE outcome_day ADD COLUMN sum_change_sq NUMERIC NOT NULL DEFAULT 0;

-- Per item of an item-by-item instrument, over people with both a baseline and a follow-up answer to the item.
CREATE TABLE outcome_item_day (
    dimension     TEXT    NOT NULL,
    day           DATE    NOT NULL,
    instrument    TEXT    NOT NULL,
    item          TEXT    NOT NULL,
    key           TEXT    NOT NULL,
    paired        INTEGER NOT NULL,
    sum_before    NUMERIC NOT NULL,
    sum_after     NUMERIC NOT NULL,
    sum_change_sq NUMERIC NOT NULL,
    PRIMARY KEY (dimension, day, instrument, item, key)
);

DO $$
DECLARE
    fact TEXT;
BEGIN
    FOREACH fact IN ARRAY ARRAY['match_fact', 'goal_update_fact'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION read_model_version_bump()', fact || '_version', fact);
    END LOOP;
END
$$;

-- Every breakdown now includes ethnicity: the functions that name them are replaced together.
DROP TRIGGER referral_day_activity_track ON referral_fact;
DROP TRIGGER outcome_day_track ON outcome_pair;
DROP TRIGGER referral_day_count_track ON referral_fact;
DROP FUNCTION dashboard_day_aggregates_fill();
DROP FUNCTION referral_day_activity_track();
DROP FUNCTION outcome_day_track();
DROP FUNCTION referral_day_count_track();
DROP FUNCTION referral_day_activity_add(referral_fact, INTEGER);
DROP FUNCTION referral_day_wait_add(referral_fact, INTEGER);
DROP FUNCTION outcome_day_add(outcome_pair, INTEGER);
DROP FUNCTION referral_day_count_add(referral_fact, INTEGER);
DROP FUNCTION dashboard_keys(TEXT, TEXT, TEXT, SMALLINT, TEXT, TEXT);

CREATE FUNCTION dashboard_keys(referrer_type TEXT, referrer_ods_code TEXT, condition_group TEXT, imd_decile SMALLINT,
        age_band TEXT, gender TEXT, ethnicity TEXT)
    RETURNS TABLE (dimension TEXT, key TEXT) LANGUAGE sql IMMUTABLE AS $$
    VALUES ('all', 'all'),
           ('referrerType', COALESCE(referrer_type, 'NOT_RECORDED')),
           ('referrerOrganisation', COALESCE(referrer_ods_code, 'NOT_RECORDED')),
           ('conditionGroup', COALESCE(condition_group, 'NOT_RECORDED')),
           ('imdDecile', COALESCE(imd_decile::text, 'NOT_RECORDED')),
           ('ageBand', COALESCE(age_band, 'NOT_RECORDED')),
           ('gender', COALESCE(gender, 'NOT_RECORDED')),
           ('ethnicity', COALESCE(ethnicity, 'NOT_RECORDED'))
$$;

CREATE FUNCTION referral_day_count_add(r referral_fact, delta INTEGER) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO referral_day_count AS c (day, dimension, key, referrals)
    SELECT r.received_day, d.dimension, COALESCE(d.key, 'NOT_RECORDED'), delta
    FROM (VALUES ('referrer_type', r.referrer_type),
                 ('referrer_ods_code', r.referrer_ods_code),
                 ('condition_group', r.condition_group),
                 ('imd', r.imd_decile::text),
                 ('age_band', r.age_band),
                 ('gender', r.gender),
                 ('ethnicity', r.ethnicity),
                 ('decline_reason', CASE WHEN r.declined_at IS NOT NULL THEN r.decline_reason END),
                 ('withdraw_reason', CASE WHEN r.withdrawn_at IS NOT NULL THEN r.withdraw_reason END),
                 ('close_reason', CASE WHEN r.closed_at IS NOT NULL THEN r.close_reason END)) d (dimension, key)
    WHERE d.key IS NOT NULL OR d.dimension NOT IN ('decline_reason', 'withdraw_reason', 'close_reason')
    ON CONFLICT (day, dimension, key) DO UPDATE SET referrals = c.referrals + EXCLUDED.referrals;
    IF delta < 0 THEN
        DELETE FROM referral_day_count WHERE day = r.received_day AND referrals = 0;
    END IF;
END
$$;

CREATE FUNCTION referral_day_count_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (OLD.received_day, OLD.referrer_type, OLD.referrer_ods_code, OLD.condition_group,
            OLD.imd_decile, OLD.age_band, OLD.gender, OLD.ethnicity, OLD.declined_at IS NULL, OLD.decline_reason,
            OLD.withdrawn_at IS NULL, OLD.withdraw_reason, OLD.closed_at IS NULL, OLD.close_reason)
        IS NOT DISTINCT FROM (NEW.received_day, NEW.referrer_type, NEW.referrer_ods_code, NEW.condition_group,
            NEW.imd_decile, NEW.age_band, NEW.gender, NEW.ethnicity, NEW.declined_at IS NULL, NEW.decline_reason,
            NEW.withdrawn_at IS NULL, NEW.withdraw_reason, NEW.closed_at IS NULL, NEW.close_reason) THEN
        RETURN NULL; -- a session or outcome counter changed: nothing this table counts
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.received_day IS NOT NULL THEN
        PERFORM referral_day_count_add(OLD, -1);
    END IF;
    IF NEW.received_day IS NOT NULL THEN
        PERFORM referral_day_count_add(NEW, 1);
    END IF;
    RETURN NULL;
END
$$;

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
                        r.gender, r.ethnicity) d
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
        DELETE FROM referral_day_activity a
        USING dashboard_keys(r.referrer_type, r.referrer_ods_code, r.condition_group, r.imd_decile, r.age_band,
                             r.gender, r.ethnicity) d
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
                        r.gender, r.ethnicity) d
    ON CONFLICT (dimension, day, key, days) DO UPDATE SET referrals = w.referrals + EXCLUDED.referrals;
    IF delta < 0 THEN
        DELETE FROM referral_day_wait w
        USING dashboard_keys(r.referrer_type, r.referrer_ods_code, r.condition_group, r.imd_decile, r.age_band,
                             r.gender, r.ethnicity) d
        WHERE w.dimension = d.dimension AND w.day = r.received_day AND w.key = d.key AND w.days = whole_days
          AND w.referrals = 0;
    END IF;
END
$$;

-- The items answered at both baseline and follow-up of a pair, with both numbers.
CREATE FUNCTION outcome_pair_items(o outcome_pair)
    RETURNS TABLE (item TEXT, before NUMERIC, after NUMERIC) LANGUAGE sql IMMUTABLE AS $$
    SELECT b.key, b.value::numeric, f.value::numeric
    FROM jsonb_each_text(COALESCE(o.baseline_items, '{}')) b
    JOIN jsonb_each_text(COALESCE(o.follow_up_items, '{}')) f ON f.key = b.key
    WHERE o.follow_up_at IS NOT NULL AND b.value IS NOT NULL AND f.value IS NOT NULL
$$;

CREATE FUNCTION outcome_day_add(o outcome_pair, delta INTEGER) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    followed BOOLEAN := o.follow_up_at IS NOT NULL;
BEGIN
    INSERT INTO outcome_day AS a
        (dimension, day, instrument, key, with_baseline, paired, with_change, sum_change, improved,
         no_reliable_change, deteriorated, sum_change_sq)
    SELECT d.dimension, o.received_day, o.instrument, d.key, delta, delta * followed::int,
           delta * (followed AND o.change IS NOT NULL)::int,
           delta * CASE WHEN followed AND o.change IS NOT NULL THEN o.change ELSE 0 END,
           delta * (followed AND o.classification IS NOT DISTINCT FROM 'IMPROVED')::int,
           delta * (followed AND o.classification IS NOT DISTINCT FROM 'NO_RELIABLE_CHANGE')::int,
           delta * (followed AND o.classification IS NOT DISTINCT FROM 'DETERIORATED')::int,
           delta * CASE WHEN followed AND o.change IS NOT NULL THEN o.change * o.change ELSE 0 END
    FROM dashboard_keys(o.referrer_type, o.referrer_ods_code, o.condition_group, o.imd_decile, o.age_band,
                        o.gender, o.ethnicity) d
    WHERE d.dimension <> 'all' -- an instrument's overall figures are the sums over its condition groups
    ON CONFLICT (dimension, day, instrument, key) DO UPDATE SET
        with_baseline = a.with_baseline + EXCLUDED.with_baseline, paired = a.paired + EXCLUDED.paired,
        with_change = a.with_change + EXCLUDED.with_change, sum_change = a.sum_change + EXCLUDED.sum_change,
        improved = a.improved + EXCLUDED.improved,
        no_reliable_change = a.no_reliable_change + EXCLUDED.no_reliable_change,
        deteriorated = a.deteriorated + EXCLUDED.deteriorated,
        sum_change_sq = a.sum_change_sq + EXCLUDED.sum_change_sq;
    INSERT INTO outcome_item_day AS a
    SELECT d.dimension, o.received_day, o.instrument, i.item, d.key, delta, delta * i.before, delta * i.after,
           delta * (i.after - i.before) * (i.after - i.before)
    FROM outcome_pair_items(o) i
    CROSS JOIN dashboard_keys(o.referrer_type, o.referrer_ods_code, o.condition_group, o.imd_decile, o.age_band,
                              o.gender, o.ethnicity) d
    WHERE d.dimension <> 'all'
    ON CONFLICT (dimension, day, instrument, item, key) DO UPDATE SET
        paired = a.paired + EXCLUDED.paired, sum_before = a.sum_before + EXCLUDED.sum_before,
        sum_after = a.sum_after + EXCLUDED.sum_after, sum_change_sq = a.sum_change_sq + EXCLUDED.sum_change_sq;
    IF delta < 0 THEN
        DELETE FROM outcome_day a
        USING dashboard_keys(o.referrer_type, o.referrer_ods_code, o.condition_group, o.imd_decile, o.age_band,
                             o.gender, o.ethnicity) d
        WHERE a.dimension = d.dimension AND a.day = o.received_day AND a.instrument = o.instrument
          AND a.key = d.key AND a.with_baseline = 0;
        DELETE FROM outcome_item_day a
        USING dashboard_keys(o.referrer_type, o.referrer_ods_code, o.condition_group, o.imd_decile, o.age_band,
                             o.gender, o.ethnicity) d
        WHERE a.dimension = d.dimension AND a.day = o.received_day AND a.instrument = o.instrument
          AND a.key = d.key AND a.paired = 0;
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
            OLD.condition_group, OLD.imd_decile, OLD.age_band, OLD.gender, OLD.ethnicity)
        IS NOT DISTINCT FROM (NEW.received_day, floor(dashboard_wait(NEW)), NEW.referrer_type, NEW.referrer_ods_code,
            NEW.condition_group, NEW.imd_decile, NEW.age_band, NEW.gender, NEW.ethnicity) THEN
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

-- Fills the per-day tables from the facts in one pass each: after this migration, and after a bulk load that ran
-- with the triggers off. The same figures the triggers reach one event at a time (ReadModelRebuildTest).
CREATE FUNCTION dashboard_day_aggregates_fill() RETURNS void LANGUAGE sql AS $$
    TRUNCATE referral_day_activity, referral_day_wait, outcome_day, outcome_item_day, referral_day_count;
    INSERT INTO referral_day_count (day, dimension, key, referrals)
    SELECT r.received_day, d.dimension, COALESCE(d.key, 'NOT_RECORDED'), count(*)
    FROM referral_fact r
    CROSS JOIN LATERAL (VALUES ('referrer_type', r.referrer_type),
                 ('referrer_ods_code', r.referrer_ods_code),
                 ('condition_group', r.condition_group),
                 ('imd', r.imd_decile::text),
                 ('age_band', r.age_band),
                 ('gender', r.gender),
                 ('ethnicity', r.ethnicity),
                 ('decline_reason', CASE WHEN r.declined_at IS NOT NULL THEN r.decline_reason END),
                 ('withdraw_reason', CASE WHEN r.withdrawn_at IS NOT NULL THEN r.withdraw_reason END),
                 ('close_reason', CASE WHEN r.closed_at IS NOT NULL THEN r.close_reason END)) d (dimension, key)
    WHERE r.received_day IS NOT NULL
      AND (d.key IS NOT NULL OR d.dimension NOT IN ('decline_reason', 'withdraw_reason', 'close_reason'))
    GROUP BY 1, 2, 3;
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
                                      r.age_band, r.gender, r.ethnicity) d
    WHERE r.received_day IS NOT NULL
    GROUP BY 1, 2, 3;
    INSERT INTO referral_day_wait
    SELECT d.dimension, r.received_day, d.key, floor(dashboard_wait(r))::int, count(*)
    FROM referral_fact r
    CROSS JOIN LATERAL dashboard_keys(r.referrer_type, r.referrer_ods_code, r.condition_group, r.imd_decile,
                                      r.age_band, r.gender, r.ethnicity) d
    WHERE r.received_day IS NOT NULL AND dashboard_wait(r) IS NOT NULL
    GROUP BY 1, 2, 3, 4;
    INSERT INTO outcome_day
        (dimension, day, instrument, key, with_baseline, paired, with_change, sum_change, improved,
         no_reliable_change, deteriorated, sum_change_sq)
    SELECT d.dimension, o.received_day, o.instrument, d.key, count(*), count(o.follow_up_at),
           count(o.change) FILTER (WHERE o.follow_up_at IS NOT NULL),
           COALESCE(sum(o.change) FILTER (WHERE o.follow_up_at IS NOT NULL), 0),
           count(*) FILTER (WHERE o.follow_up_at IS NOT NULL AND o.classification = 'IMPROVED'),
           count(*) FILTER (WHERE o.follow_up_at IS NOT NULL AND o.classification = 'NO_RELIABLE_CHANGE'),
           count(*) FILTER (WHERE o.follow_up_at IS NOT NULL AND o.classification = 'DETERIORATED'),
           COALESCE(sum(o.change * o.change) FILTER (WHERE o.follow_up_at IS NOT NULL), 0)
    FROM outcome_pair o
    CROSS JOIN LATERAL dashboard_keys(o.referrer_type, o.referrer_ods_code, o.condition_group, o.imd_decile,
                                      o.age_band, o.gender, o.ethnicity) d
    WHERE o.received_day IS NOT NULL AND d.dimension <> 'all'
    GROUP BY 1, 2, 3, 4;
    INSERT INTO outcome_item_day
    SELECT d.dimension, o.received_day, o.instrument, i.item, d.key, count(*), sum(i.before), sum(i.after),
           sum((i.after - i.before) * (i.after - i.before))
    FROM outcome_pair o
    CROSS JOIN LATERAL outcome_pair_items(o) i
    CROSS JOIN LATERAL dashboard_keys(o.referrer_type, o.referrer_ods_code, o.condition_group, o.imd_decile,
                                      o.age_band, o.gender, o.ethnicity) d
    WHERE o.received_day IS NOT NULL AND d.dimension <> 'all'
    GROUP BY 1, 2, 3, 4, 5;
$$;

-- Stored facts move to the taxonomy ids. MENTAL_HEALTH split in two: the referral's codes decide (a severe mental
-- illness code wins when both kinds are listed); POST /admin/read-model/rebuild re-derives every group exactly
-- from the first condition listed.
UPDATE referral_fact SET condition_mapping_version = 2, condition_group = CASE condition_group
        WHEN 'DIABETES' THEN 'diabetes'
        WHEN 'RESPIRATORY' THEN 'respiratory'
        WHEN 'RENAL' THEN 'renal'
        WHEN 'CARDIAC' THEN 'cardiac'
        WHEN 'CANCER' THEN 'cancer'
        WHEN 'NEUROLOGICAL' THEN 'neurological'
        WHEN 'MUSCULOSKELETAL_PAIN' THEN 'musculoskeletal-and-pain'
        WHEN 'HIV' THEN 'hiv'
        WHEN 'OTHER_PHYSICAL' THEN 'other-physical'
        WHEN 'OTHER_MENTAL' THEN 'other-mental'
        WHEN 'MENTAL_HEALTH' THEN CASE WHEN condition_codes && ARRAY['69322001', '13746004', '58214004']
                                       THEN 'severe-mental-illness' ELSE 'common-mental-health' END
        ELSE condition_group END
WHERE condition_group IS NOT NULL;
UPDATE outcome_pair o SET condition_group = f.condition_group FROM referral_fact f WHERE f.referral_id = o.referral_id;

SELECT dashboard_day_aggregates_fill();

CREATE TRIGGER referral_day_count_track AFTER INSERT OR UPDATE ON referral_fact
    FOR EACH ROW EXECUTE FUNCTION referral_day_count_track();
CREATE TRIGGER referral_day_activity_track AFTER INSERT OR UPDATE OR DELETE ON referral_fact
    FOR EACH ROW EXECUTE FUNCTION referral_day_activity_track();
CREATE TRIGGER outcome_day_track AFTER INSERT OR UPDATE OR DELETE ON outcome_pair
    FOR EACH ROW EXECUTE FUNCTION outcome_day_track();
