-- The person's rights over their records (docs/information-governance.md): a withdrawal of consent stops anything
-- new being recorded; an erasure at the end of the retention period removes every free text, keeping the
-- coded rows that the counts need.
ALTER TABLE referral_state
    ADD COLUMN consent_withdrawn_at TIMESTAMPTZ,
    ADD COLUMN erased_at            TIMESTAMPTZ;

-- Erased free text is NULL (the length checks still hold for text that is there).
ALTER TABLE goal ALTER COLUMN text DROP NOT NULL;
ALTER TABLE signposting ALTER COLUMN name DROP NOT NULL;
ALTER TABLE safeguarding_concern ALTER COLUMN description DROP NOT NULL;
