-- Attempts to reach the person (when, how, what came of it). The note is free text: it stays here, never in an
-- event, and is erased with the referral's other free text.
CREATE TABLE contact_attempt (
    id           UUID PRIMARY KEY,
    referral_id  UUID        NOT NULL REFERENCES referral (id),
    attempted_at TIMESTAMPTZ NOT NULL,
    method       TEXT        NOT NULL,
    outcome      TEXT        NOT NULL,
    note         TEXT,
    recorded_by  TEXT        NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX contact_attempt_referral ON contact_attempt (referral_id, attempted_at);

-- Set when the configured number of failed attempts in a row is reached; cleared when one reaches the person.
ALTER TABLE referral ADD COLUMN unable_to_contact BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX referral_unable_to_contact ON referral (received_at) WHERE unable_to_contact;
