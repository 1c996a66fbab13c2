-- The workforce figures of issue 16 that no event carried before (docs/dashboard.md): whether a match shared the
-- person's lived experience (match.accepted's sharedLivedExperience), supervision held with each peer
-- (supervision.recorded) and signposting made and taken up (signposting.updated). Like every other figure they are
-- read from small rows kept by triggers, by the day the referral was received.

-- What lived experience the peer shares with the person (CONDITION, CONDITION_GROUP, NONE): absent for matches
-- announced before match.accepted said.
ALTER TABLE match_fact ADD COLUMN shared_lived_experience TEXT;

-- Matches accepted, per day of their referral's receipt and what they shared.
CREATE TABLE match_sharing_day (
    day                     DATE    NOT NULL,
    shared_lived_experience TEXT    NOT NULL,
    matches                 INTEGER NOT NULL,
    PRIMARY KEY (day, shared_lived_experience)
);

CREATE FUNCTION match_sharing_day_add(m match_fact, delta INTEGER) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF m.received_day IS NULL OR m.accepted_at IS NULL OR m.shared_lived_experience IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO match_sharing_day AS d (day, shared_lived_experience, matches)
    VALUES (m.received_day, m.shared_lived_experience, delta)
    ON CONFLICT (day, shared_lived_experience) DO UPDATE SET matches = d.matches + EXCLUDED.matches;
    IF delta < 0 THEN
        DELETE FROM match_sharing_day
        WHERE day = m.received_day AND shared_lived_experience = m.shared_lived_experience AND matches = 0;
    END IF;
END
$$;

CREATE FUNCTION match_sharing_day_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (OLD.received_day, OLD.accepted_at IS NULL, OLD.shared_lived_experience)
            IS NOT DISTINCT FROM (NEW.received_day, NEW.accepted_at IS NULL, NEW.shared_lived_experience) THEN
        RETURN NULL; -- the match ended, or its acceptance moved earlier: nothing this table counts
    END IF;
    IF TG_OP <> 'INSERT' THEN
        PERFORM match_sharing_day_add(OLD, -1);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM match_sharing_day_add(NEW, 1);
    END IF;
    RETURN NULL;
END
$$;

-- Supervision sessions held with each peer: when, nothing else.
CREATE TABLE supervision_fact (
    supervision_id UUID        PRIMARY KEY,
    peer_id        UUID        NOT NULL,
    held_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX supervision_fact_peer ON supervision_fact (peer_id, held_at);

-- Community resources people were linked to: the resource's kind and whether they took it up, as last updated.
CREATE TABLE signposting_fact (
    signposting_id UUID        PRIMARY KEY,
    referral_id    UUID        NOT NULL REFERENCES referral_fact (referral_id),
    category       TEXT        NOT NULL,
    take_up        TEXT        NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    received_day   DATE
);
CREATE INDEX signposting_fact_referral ON signposting_fact (referral_id);

-- Signposting per day of the referral's receipt and kind of resource: made, taken up, not taken up.
CREATE TABLE signposting_day (
    day          DATE    NOT NULL,
    category     TEXT    NOT NULL,
    made         INTEGER NOT NULL,
    taken_up     INTEGER NOT NULL,
    not_taken_up INTEGER NOT NULL,
    PRIMARY KEY (day, category)
);

CREATE FUNCTION signposting_day_add(s signposting_fact, delta INTEGER) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF s.received_day IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO signposting_day AS d (day, category, made, taken_up, not_taken_up)
    VALUES (s.received_day, s.category, delta, delta * (s.take_up = 'TAKEN_UP')::int,
            delta * (s.take_up = 'NOT_TAKEN_UP')::int)
    ON CONFLICT (day, category) DO UPDATE SET made = d.made + EXCLUDED.made,
        taken_up = d.taken_up + EXCLUDED.taken_up, not_taken_up = d.not_taken_up + EXCLUDED.not_taken_up;
    IF delta < 0 THEN
        DELETE FROM signposting_day WHERE day = s.received_day AND category = s.category AND made = 0;
    END IF;
END
$$;

CREATE FUNCTION signposting_day_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (OLD.received_day, OLD.category, OLD.take_up)
            IS NOT DISTINCT FROM (NEW.received_day, NEW.category, NEW.take_up) THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        PERFORM signposting_day_add(OLD, -1);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM signposting_day_add(NEW, 1);
    END IF;
    RETURN NULL;
END
$$;

-- A referral's receipt arriving after its facts gives them its day (V8), signposting now included.
CREATE OR REPLACE FUNCTION referral_received_day_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE match_fact SET received_day = NEW.received_day WHERE referral_id = NEW.referral_id;
    UPDATE safeguarding_fact SET received_day = NEW.received_day WHERE referral_id = NEW.referral_id;
    UPDATE signposting_fact SET received_day = NEW.received_day WHERE referral_id = NEW.referral_id;
    PERFORM group_meetings_refresh(ARRAY(SELECT meeting_id FROM session_fact
                                         WHERE referral_id = NEW.referral_id AND setting = 'GROUP'));
    RETURN NULL;
END
$$;

-- The per-day tables, the meetings and the copied days of receipt from the facts in one pass each: after a bulk
-- load that ran with the triggers off, and to check the triggers (ReadModelRebuildTest).
CREATE OR REPLACE FUNCTION dashboard_day_aggregates_fill() RETURNS void LANGUAGE sql AS $$
    TRUNCATE referral_day_activity, referral_day_wait, outcome_day, outcome_item_day, referral_day_count,
             group_meeting_fact, match_sharing_day, signposting_day;
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
    UPDATE signposting_fact s SET received_day = r.received_day FROM referral_fact r
    WHERE r.referral_id = s.referral_id AND s.received_day IS DISTINCT FROM r.received_day;
    INSERT INTO match_sharing_day (day, shared_lived_experience, matches)
    SELECT received_day, shared_lived_experience, count(*) FROM match_fact
    WHERE received_day IS NOT NULL AND accepted_at IS NOT NULL AND shared_lived_experience IS NOT NULL
    GROUP BY 1, 2;
    INSERT INTO signposting_day (day, category, made, taken_up, not_taken_up)
    SELECT received_day, category, count(*), count(*) FILTER (WHERE take_up = 'TAKEN_UP'),
           count(*) FILTER (WHERE take_up = 'NOT_TAKEN_UP')
    FROM signposting_fact WHERE received_day IS NOT NULL
    GROUP BY 1, 2;
$$;


DO $$
DECLARE
    fact TEXT;
BEGIN
    FOREACH fact IN ARRAY ARRAY['supervision_fact', 'signposting_fact'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION read_model_version_bump()', fact || '_version', fact);
    END LOOP;
END
$$;

CREATE TRIGGER match_sharing_day_track AFTER INSERT OR UPDATE OR DELETE ON match_fact
    FOR EACH ROW EXECUTE FUNCTION match_sharing_day_track();
CREATE TRIGGER received_day_of_referral BEFORE INSERT ON signposting_fact
    FOR EACH ROW EXECUTE FUNCTION received_day_of_referral();
CREATE TRIGGER signposting_day_track AFTER INSERT OR UPDATE OR DELETE ON signposting_fact
    FOR EACH ROW EXECUTE FUNCTION signposting_day_track();
