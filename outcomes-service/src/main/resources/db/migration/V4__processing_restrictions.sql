-- The person's rights (docs/information-governance.md): whether they withdrew consent (nothing new may be recorded
-- about them, e.g. no outcome measure) and whether their records were erased at the end of the retention period.
-- The read model's facts are pseudonymous counts and stay as they were either way.
CREATE TABLE processing_restriction (
    referral_id          UUID PRIMARY KEY,
    consent_withdrawn_at TIMESTAMPTZ,
    erased_at            TIMESTAMPTZ
);
