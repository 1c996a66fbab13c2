-- A correction (PATCH) is a step of the referral's history that leaves the status as it was: which fields changed.
ALTER TABLE referral_status_change ADD COLUMN changed_fields JSONB;
