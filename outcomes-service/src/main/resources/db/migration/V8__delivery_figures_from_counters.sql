-- The delivery figures are read the way every other figure is (docs/performance.md#dashboard-summary): a year's
-- summary joined every group place (about 220,000 a year for a large ICB), goal update and match of the cohort
-- to its referrals, 0.7-1.3 s under load. Now:
--  * referral_fact counts the referral's group places missed and its goals (set, rated at least twice, latest
--    rating higher / the same / lower than the first, achieved), recounted by the handlers like its sessions;
--  * referral_day_activity sums those, with the people who attended a group and the people with a goal;
--  * group_meeting_fact holds, per group meeting, the days of receipt of the people who attended it: "meetings a
--    person of the cohort attended" counts meetings, not places, so it cannot be a sum over days;
--  * match_fact and safeguarding_fact carry their referral's day of receipt (caseloads, concerns), kept in step by
--    triggers whichever event comes first.

ALTER TABLE referral_fact
    ADD COLUMN group_did_not_attend INT NOT NULL DEFAULT 0,
    ADD COLUMN goals_set            INT NOT NULL DEFAULT 0,
    ADD COLUMN goals_rated_twice    INT NOT NULL DEFAULT 0,
    ADD COLUMN goals_rated_higher   INT NOT NULL DEFAULT 0,
    ADD COLUMN goals_rated_same     INT NOT NULL DEFAULT 0,
    ADD COLUMN goals_rated_lower    INT NOT NULL DEFAULT 0,
    ADD COLUMN goals_achieved       INT NOT NULL DEFAULT 0;

ALTER TABLE referral_day_activity
    ADD COLUMN group_did_not_attend BIGINT  NOT NULL DEFAULT 0,
    ADD COLUMN people_in_groups     INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN goals_set            BIGINT  NOT NULL DEFAULT 0,
    ADD COLUMN people_with_goals    INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN goals_rated_twice    BIGINT  NOT NULL DEFAULT 0,
    ADD COLUMN goals_rated_higher   BIGINT  NOT NULL DEFAULT 0,
    ADD COLUMN goals_rated_same     BIGINT  NOT NULL DEFAULT 0,
    ADD COLUMN goals_rated_lower    BIGINT  NOT NULL DEFAULT 0,
    ADD COLUMN goals_achieved       BIGINT  NOT NULL DEFAULT 0;

ALTER TABLE match_fact ADD COLUMN received_day DATE;
ALTER TABLE safeguarding_fact ADD COLUMN received_day DATE;
-- the caseloads read only the matches in force
CREATE INDEX match_fact_in_force ON match_fact (received_day, peer_id)
    WHERE accepted_at IS NOT NULL AND ended_at IS NULL;
CREATE INDEX safeguarding_fact_received ON safeguarding_fact (received_day);

-- One row per group meeting a person attended (as last recorded, not entered in error) whose referral's receipt is
-- known: the days those people's referrals were received, as a multirange, so a period's meetings are the rows
-- whose days overlap it.
CREATE TABLE group_meeting_fact (
    meeting_id    UUID           PRIMARY KEY,
    received_days datemultirange NOT NULL
);
CREATE INDEX session_fact_meeting ON session_fact (meeting_id) WHERE setting = 'GROUP';

-- Recomputes the given meetings' rows from their places. Writers of one meeting take turns (a transaction-level
-- advisory lock, always in the same order), and each statement here reads what the one before committed, so two
-- places of one meeting recorded at once cannot leave a row that misses either.
CREATE FUNCTION group_meetings_refresh(ids UUID[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    meeting UUID;
BEGIN
    FOR meeting IN SELECT DISTINCT m FROM unnest(ids) m WHERE m IS NOT NULL ORDER BY m LOOP
        PERFORM pg_advisory_xact_lock(hashtext('group_meeting_fact'), hashtext(meeting::text));
    END LOOP;
    DELETE FROM group_meeting_fact WHERE meeting_id = ANY(ids);
    INSERT INTO group_meeting_fact (meeting_id, received_days)
    SELECT s.meeting_id, range_agg(daterange(r.received_day, r.received_day, '[]'))
    FROM session_fact s JOIN referral_fact r ON r.referral_id = s.referral_id
    WHERE s.meeting_id = ANY(ids) AND s.setting = 'GROUP' AND s.attendance = 'ATTENDED'
      AND s.status IS DISTINCT FROM 'ENTERED_IN_ERROR' AND r.received_day IS NOT NULL
    GROUP BY s.meeting_id;
END
$$;

CREATE FUNCTION group_meetings_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_meeting UUID := CASE WHEN TG_OP <> 'INSERT' AND OLD.setting = 'GROUP' THEN OLD.meeting_id END;
    new_meeting UUID := CASE WHEN TG_OP <> 'DELETE' AND NEW.setting = 'GROUP' THEN NEW.meeting_id END;
BEGIN
    IF old_meeting IS NULL AND new_meeting IS NULL THEN
        RETURN NULL; -- a 1:1 session
    END IF;
    IF TG_OP = 'UPDATE' AND (old_meeting, OLD.attendance, OLD.status IS DISTINCT FROM 'ENTERED_IN_ERROR')
            IS NOT DISTINCT FROM (new_meeting, NEW.attendance, NEW.status IS DISTINCT FROM 'ENTERED_IN_ERROR') THEN
        RETURN NULL; -- a correction of something else (time, focus, medium)
    END IF;
    PERFORM group_meetings_refresh(ARRAY[old_meeting, new_meeting]);
    RETURN NULL;
END
$$;

-- The referral's goals recounted from their updates (goal.updated): each goal's first and latest progress rating
-- and latest status. A referral's row changes only when a count does.
CREATE FUNCTION referral_goals_recount(ids UUID[]) RETURNS void LANGUAGE sql AS $$
    WITH goals AS (
        SELECT referral_id,
               (array_agg(rating ORDER BY updated_at) FILTER (WHERE rating IS NOT NULL))[1] AS first,
               (array_agg(rating ORDER BY updated_at DESC) FILTER (WHERE rating IS NOT NULL))[1] AS last,
               count(rating) AS ratings,
               (array_agg(status ORDER BY updated_at DESC))[1] AS status
        FROM goal_update_fact
        WHERE referral_id = ANY(ids)
        GROUP BY referral_id, goal_id),
    counts AS (
        SELECT f.referral_id, count(g.referral_id) AS goals,
               count(*) FILTER (WHERE g.ratings >= 2) AS rated_twice,
               count(*) FILTER (WHERE g.ratings >= 2 AND g.last > g.first) AS higher,
               count(*) FILTER (WHERE g.ratings >= 2 AND g.last = g.first) AS same,
               count(*) FILTER (WHERE g.ratings >= 2 AND g.last < g.first) AS lower,
               count(*) FILTER (WHERE g.status = 'ACHIEVED') AS achieved
        FROM referral_fact f LEFT JOIN goals g ON g.referral_id = f.referral_id
        WHERE f.referral_id = ANY(ids)
        GROUP BY f.referral_id)
    UPDATE referral_fact f SET goals_set = c.goals, goals_rated_twice = c.rated_twice,
        goals_rated_higher = c.higher, goals_rated_same = c.same, goals_rated_lower = c.lower,
        goals_achieved = c.achieved
    FROM counts c
    WHERE f.referral_id = c.referral_id
      AND (f.goals_set, f.goals_rated_twice, f.goals_rated_higher, f.goals_rated_same, f.goals_rated_lower,
           f.goals_achieved) IS DISTINCT FROM (c.goals, c.rated_twice, c.higher, c.same, c.lower, c.achieved)
$$;

-- A match or concern takes its referral's day of receipt when it is written...
CREATE FUNCTION received_day_of_referral() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.received_day := (SELECT received_day FROM referral_fact WHERE referral_id = NEW.referral_id);
    RETURN NEW;
END
$$;

-- ...and follows it when the referral's receipt arrives later (events come in any order); so do its group meetings.
CREATE FUNCTION referral_received_day_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE match_fact SET received_day = NEW.received_day WHERE referral_id = NEW.referral_id;
    UPDATE safeguarding_fact SET received_day = NEW.received_day WHERE referral_id = NEW.referral_id;
    PERFORM group_meetings_refresh(ARRAY(SELECT meeting_id FROM session_fact
                                         WHERE referral_id = NEW.referral_id AND setting = 'GROUP'));
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION referral_day_activity_add(r referral_fact, delta INTEGER) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    wait float8 := dashboard_wait(r);
BEGIN
    INSERT INTO referral_day_activity AS a (dimension, day, key, received, accepted, declined, withdrawn, matched,
        started, closed, sessions_recorded, sessions_attended, sessions_did_not_attend, sessions_cancelled_client,
        sessions_cancelled_peer, attended_in_person, attended_telephone, attended_video, attended_online_text,
        attended_group, with_baseline, paired, waited, wait_0_13, wait_14_27, wait_28_55, wait_56_83, wait_84_plus,
        group_did_not_attend, people_in_groups, goals_set, people_with_goals, goals_rated_twice, goals_rated_higher,
        goals_rated_same, goals_rated_lower, goals_achieved)
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
           delta * COALESCE(wait >= 56 AND wait < 84, false)::int, delta * COALESCE(wait >= 84, false)::int,
           delta * r.group_did_not_attend, delta * (r.attended_group > 0)::int, delta * r.goals_set,
           delta * (r.goals_set > 0)::int, delta * r.goals_rated_twice, delta * r.goals_rated_higher,
           delta * r.goals_rated_same, delta * r.goals_rated_lower, delta * r.goals_achieved
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
        wait_56_83 = a.wait_56_83 + EXCLUDED.wait_56_83, wait_84_plus = a.wait_84_plus + EXCLUDED.wait_84_plus,
        group_did_not_attend = a.group_did_not_attend + EXCLUDED.group_did_not_attend,
        people_in_groups = a.people_in_groups + EXCLUDED.people_in_groups,
        goals_set = a.goals_set + EXCLUDED.goals_set,
        people_with_goals = a.people_with_goals + EXCLUDED.people_with_goals,
        goals_rated_twice = a.goals_rated_twice + EXCLUDED.goals_rated_twice,
        goals_rated_higher = a.goals_rated_higher + EXCLUDED.goals_rated_higher,
        goals_rated_same = a.goals_rated_same + EXCLUDED.goals_rated_same,
        goals_rated_lower = a.goals_rated_lower + EXCLUDED.goals_rated_lower,
        goals_achieved = a.goals_achieved + EXCLUDED.goals_achieved;
    IF delta < 0 THEN
        DELETE FROM referral_day_activity a
        USING dashboard_keys(r.referrer_type, r.referrer_ods_code, r.condition_group, r.imd_decile, r.age_band,
                             r.gender, r.ethnicity) d
        WHERE a.dimension = d.dimension AND a.day = r.received_day AND a.key = d.key AND a.received = 0;
    END IF;
END
$$;

-- The per-day tables, the meetings and the copied days of receipt from the facts in one pass each: after this
-- migration, and after a bulk load that ran with the triggers off. The same rows the triggers reach one event at a
-- time (ReadModelRebuildTest).
CREATE OR REPLACE FUNCTION dashboard_day_aggregates_fill() RETURNS void LANGUAGE sql AS $$
    TRUNCATE referral_day_activity, referral_day_wait, outcome_day, outcome_item_day, referral_day_count,
             group_meeting_fact;
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
    INSERT INTO referral_day_activity (dimension, day, key, received, accepted, declined, withdrawn, matched,
        started, closed, sessions_recorded, sessions_attended, sessions_did_not_attend, sessions_cancelled_client,
        sessions_cancelled_peer, attended_in_person, attended_telephone, attended_video, attended_online_text,
        attended_group, with_baseline, paired, waited, wait_0_13, wait_14_27, wait_28_55, wait_56_83, wait_84_plus,
        group_did_not_attend, people_in_groups, goals_set, people_with_goals, goals_rated_twice, goals_rated_higher,
        goals_rated_same, goals_rated_lower, goals_achieved)
    SELECT d.dimension, r.received_day, d.key, count(*), count(r.accepted_at), count(r.declined_at),
           count(r.withdrawn_at), count(r.matched_at), count(r.first_attended_at), count(r.closed_at),
           sum(r.sessions_recorded), sum(r.sessions_attended), sum(r.sessions_did_not_attend),
           sum(r.sessions_cancelled_client), sum(r.sessions_cancelled_peer), sum(r.attended_in_person),
           sum(r.attended_telephone), sum(r.attended_video), sum(r.attended_online_text), sum(r.attended_group),
           count(*) FILTER (WHERE r.outcome_baseline), count(*) FILTER (WHERE r.outcome_paired),
           count(w.wait), count(*) FILTER (WHERE w.wait < 14), count(*) FILTER (WHERE w.wait >= 14 AND w.wait < 28),
           count(*) FILTER (WHERE w.wait >= 28 AND w.wait < 56), count(*) FILTER (WHERE w.wait >= 56 AND w.wait < 84),
           count(*) FILTER (WHERE w.wait >= 84),
           sum(r.group_did_not_attend), count(*) FILTER (WHERE r.attended_group > 0), sum(r.goals_set),
           count(*) FILTER (WHERE r.goals_set > 0), sum(r.goals_rated_twice), sum(r.goals_rated_higher),
           sum(r.goals_rated_same), sum(r.goals_rated_lower), sum(r.goals_achieved)
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
    INSERT INTO group_meeting_fact (meeting_id, received_days)
    SELECT s.meeting_id, range_agg(daterange(r.received_day, r.received_day, '[]'))
    FROM session_fact s JOIN referral_fact r ON r.referral_id = s.referral_id
    WHERE s.meeting_id IS NOT NULL AND s.setting = 'GROUP' AND s.attendance = 'ATTENDED'
      AND s.status IS DISTINCT FROM 'ENTERED_IN_ERROR' AND r.received_day IS NOT NULL
    GROUP BY s.meeting_id;
    UPDATE match_fact m SET received_day = r.received_day FROM referral_fact r
    WHERE r.referral_id = m.referral_id AND m.received_day IS DISTINCT FROM r.received_day;
    UPDATE safeguarding_fact s SET received_day = r.received_day FROM referral_fact r
    WHERE r.referral_id = s.referral_id AND s.received_day IS DISTINCT FROM r.received_day;
$$;

-- Existing rows: the counters from the facts (with the per-day triggers off, then one pass rebuilds every per-day
-- table from the counters).
ALTER TABLE referral_fact DISABLE TRIGGER referral_day_activity_track;
ALTER TABLE referral_fact DISABLE TRIGGER referral_day_count_track;
UPDATE referral_fact f SET group_did_not_attend = s.missed
FROM (SELECT referral_id, count(*) AS missed FROM session_fact
      WHERE setting = 'GROUP' AND attendance = 'DID_NOT_ATTEND' AND status IS DISTINCT FROM 'ENTERED_IN_ERROR'
      GROUP BY referral_id) s
WHERE f.referral_id = s.referral_id;
SELECT referral_goals_recount(ARRAY(SELECT DISTINCT referral_id FROM goal_update_fact));
ALTER TABLE referral_fact ENABLE TRIGGER referral_day_activity_track;
ALTER TABLE referral_fact ENABLE TRIGGER referral_day_count_track;
SELECT dashboard_day_aggregates_fill();

CREATE TRIGGER group_meetings_track AFTER INSERT OR UPDATE OR DELETE ON session_fact
    FOR EACH ROW EXECUTE FUNCTION group_meetings_track();
CREATE TRIGGER received_day_of_referral BEFORE INSERT ON match_fact
    FOR EACH ROW EXECUTE FUNCTION received_day_of_referral();
CREATE TRIGGER received_day_of_referral BEFORE INSERT ON safeguarding_fact
    FOR EACH ROW EXECUTE FUNCTION received_day_of_referral();
CREATE TRIGGER referral_received_day_follow AFTER UPDATE OF received_day ON referral_fact
    FOR EACH ROW WHEN (OLD.received_day IS DISTINCT FROM NEW.received_day)
    EXECUTE FUNCTION referral_received_day_follow();
