-- Safeguarding concerns from session-service, as far as access needs them: while one is open, the supervisor it
-- names may see the person's identity. Ids and a token subject only.
CREATE TABLE safeguarding_concern (
    concern_id  UUID PRIMARY KEY,
    referral_id UUID,
    supervisor  TEXT,
    raised_at   TIMESTAMPTZ,
    closed_at   TIMESTAMPTZ
);
CREATE INDEX safeguarding_concern_open ON safeguarding_concern (referral_id, supervisor) WHERE closed_at IS NULL;
