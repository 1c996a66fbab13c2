-- A referral's receipt counted it twice by the same keys: in referral_day_count by referrer, organisation, condition
-- group, deprivation decile, age band, gender and ethnicity, and in referral_day_activity's received column by the same
-- seven (and 'all'). The dashboard now reads those distributions from referral_day_activity, and referral_day_count
-- keeps only what no other table has: why referrals were declined, withdrawn and closed. A receipt writes 8 per-day
-- rows instead of 15 (docs/performance.md), and its count trigger fires only when a reason is to be counted.
DROP TRIGGER referral_day_count_track ON referral_fact;
DELETE FROM referral_day_count WHERE dimension NOT IN ('decline_reason', 'withdraw_reason', 'close_reason');

CREATE OR REPLACE FUNCTION referral_day_count_add(r referral_fact, delta INTEGER) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO referral_day_count AS c (day, dimension, key, referrals)
    SELECT r.received_day, d.dimension, d.key, delta
    FROM (VALUES ('decline_reason', CASE WHEN r.declined_at IS NOT NULL THEN r.decline_reason END),
                 ('withdraw_reason', CASE WHEN r.withdrawn_at IS NOT NULL THEN r.withdraw_reason END),
                 ('close_reason', CASE WHEN r.closed_at IS NOT NULL THEN r.close_reason END)) d (dimension, key)
    WHERE d.key IS NOT NULL
    ON CONFLICT (day, dimension, key) DO UPDATE SET referrals = c.referrals + EXCLUDED.referrals;
    IF delta < 0 THEN
        DELETE FROM referral_day_count WHERE day = r.received_day AND referrals = 0;
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION referral_day_count_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.received_day IS NOT NULL THEN
        PERFORM referral_day_count_add(OLD, -1);
    END IF;
    IF NEW.received_day IS NOT NULL THEN
        PERFORM referral_day_count_add(NEW, 1);
    END IF;
    RETURN NULL;
END
$$;

-- The one-pass fill of V10, with the narrower referral_day_count.
CREATE OR REPLACE FUNCTION dashboard_day_aggregates_fill() RETURNS void LANGUAGE sql AS $$
    TRUNCATE referral_day_activity, referral_day_wait, outcome_day, outcome_item_day, referral_day_count,
             group_meeting_fact, match_sharing_day, signposting_day;
    INSERT INTO referral_day_count (day, dimension, key, referrals)
    SELECT r.received_day, d.dimension, d.key, count(*)
    FROM referral_fact r
    CROSS JOIN LATERAL (VALUES ('decline_reason', CASE WHEN r.declined_at IS NOT NULL THEN r.decline_reason END),
                 ('withdraw_reason', CASE WHEN r.withdrawn_at IS NOT NULL THEN r.withdraw_reason END),
                 ('close_reason', CASE WHEN r.closed_at IS NOT NULL THEN r.close_reason END)) d (dimension, key)
    WHERE r.received_day IS NOT NULL AND d.key IS NOT NULL
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

-- The conditions are checked by the trigger itself, without calling the function: most writes count no reason.
CREATE TRIGGER referral_day_count_insert AFTER INSERT ON referral_fact
    FOR EACH ROW WHEN (NEW.received_day IS NOT NULL AND (NEW.decline_reason IS NOT NULL
                       OR NEW.withdraw_reason IS NOT NULL OR NEW.close_reason IS NOT NULL))
    EXECUTE FUNCTION referral_day_count_track();
CREATE TRIGGER referral_day_count_update AFTER UPDATE ON referral_fact
    FOR EACH ROW WHEN ((OLD.received_day, OLD.declined_at IS NULL, OLD.decline_reason, OLD.withdrawn_at IS NULL,
                        OLD.withdraw_reason, OLD.closed_at IS NULL, OLD.close_reason)
                       IS DISTINCT FROM (NEW.received_day, NEW.declined_at IS NULL, NEW.decline_reason,
                        NEW.withdrawn_at IS NULL, NEW.withdraw_reason, NEW.closed_at IS NULL, NEW.close_reason))
    EXECUTE FUNCTION referral_day_count_track();
