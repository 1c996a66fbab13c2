-- Who supports whom, learned from matching-service's match.accepted events. A later match for the same
-- referral ends the earlier one (kept, with what replaced it), so past sessions stay attached to their match.
CREATE TABLE peer_match (
    id          UUID PRIMARY KEY,
    referral_id UUID        NOT NULL,
    peer_id     UUID        NOT NULL,
    proposal_id UUID        NOT NULL,
    matched_at  TIMESTAMPTZ NOT NULL,
    ended_at    TIMESTAMPTZ,
    -- deferred: the ended match names its successor in the same transaction that inserts it
    replaced_by UUID REFERENCES peer_match (id) DEFERRABLE INITIALLY DEFERRED,
    CHECK ((ended_at IS NULL) = (replaced_by IS NULL))
);
-- At most one active match per referral.
CREATE UNIQUE INDEX peer_match_active ON peer_match (referral_id) WHERE ended_at IS NULL;
CREATE INDEX peer_match_pair ON peer_match (referral_id, peer_id);

-- One contact (or missed contact) between a peer worker and the person they support. Notes are free text
-- and stay in this table: they never leave the service in an event.
CREATE TABLE support_session (
    id                      UUID PRIMARY KEY,
    referral_id             UUID        NOT NULL,
    peer_id                 UUID        NOT NULL,
    match_id                UUID        NOT NULL REFERENCES peer_match (id),
    started_at              TIMESTAMPTZ NOT NULL,
    duration_minutes        INT         NOT NULL CHECK (duration_minutes BETWEEN 1 AND 600),
    format                  TEXT        NOT NULL,
    attendance              TEXT        NOT NULL,
    focus                   JSONB       NOT NULL,
    notes                   TEXT CHECK (char_length(notes) <= 10000),
    shared_lived_experience BOOLEAN,
    recorded_at             TIMESTAMPTZ NOT NULL,
    recorded_by             TEXT        NOT NULL,
    idempotency_key         TEXT UNIQUE
);
CREATE INDEX support_session_referral ON support_session (referral_id, started_at);
