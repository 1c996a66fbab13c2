-- The dashboard only asks whether any fact changed since its last read, so one bump per transaction says it. Bumping
-- per statement made each referral.received update this one row five times (referral_fact plus the referral_day_count
-- statements its row trigger runs), every update a new row version: bench/IntakeBench, pg_stat_user_tables.
-- The flag is transaction-local (set_config's third argument), so the next transaction bumps again.
CREATE OR REPLACE FUNCTION read_model_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('alongside.read_model_bumped', true) IS DISTINCT FROM 'yes' THEN
        UPDATE read_model_version SET version = version + 1;
        PERFORM set_config('alongside.read_model_bumped', 'yes', true);
    END IF;
    RETURN NULL;
END
$$;
