-- The person's rights (docs/information-governance.md).
-- A withdrawal of consent is recorded when it happened, whatever the referral's status then.
-- At the end of the retention period identity and free text are erased: the row keeps what the counts need
-- (status, dates, referrer type and organisation, condition codes, gender, IMD decile, the age band at receipt,
-- the postcode district) and erased_at says when the rest went.
ALTER TABLE referral
    ALTER COLUMN given_name DROP NOT NULL,
    ALTER COLUMN family_name DROP NOT NULL,
    ALTER COLUMN birth_date DROP NOT NULL,
    ALTER COLUMN reason DROP NOT NULL,
    ADD COLUMN age_band             TEXT,
    ADD COLUMN locality             TEXT,
    ADD COLUMN consent_withdrawn_at TIMESTAMPTZ,
    ADD COLUMN erased_at            TIMESTAMPTZ;

-- The retention sweep's worklist: ended referrals not yet erased, oldest ending first.
CREATE INDEX referral_retention_due ON referral (updated_at)
    WHERE erased_at IS NULL AND status IN ('CLOSED', 'DECLINED', 'WITHDRAWN');
