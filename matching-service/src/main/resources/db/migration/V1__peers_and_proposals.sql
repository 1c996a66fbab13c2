-- Peer workers' profiles: what matching needs, and a display name; contact details stay in HR systems.
CREATE TABLE peer (
    id               UUID PRIMARY KEY,
    display_name     TEXT        NOT NULL,
    lived_experience JSONB       NOT NULL,
    experiences      JSONB       NOT NULL,
    gender           TEXT,
    languages        JSONB       NOT NULL,
    formats          JSONB       NOT NULL,
    capacity         INT         NOT NULL CHECK (capacity BETWEEN 0 AND 50),
    -- Changed only by the conditional UPDATE that takes a place, so two accepts can never overfill a peer.
    active_clients   INT         NOT NULL DEFAULT 0 CHECK (active_clients >= 0),
    active           BOOLEAN     NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    CONSTRAINT peer_within_capacity CHECK (active_clients <= capacity)
);
CREATE INDEX peer_display_name ON peer (display_name, id);

-- Matching's copy of an accepted referral: needs and preferences only, never who the person is.
CREATE TABLE referral (
    id                 UUID PRIMARY KEY,
    status             TEXT        NOT NULL,
    conditions         JSONB       NOT NULL,
    peer_gender        TEXT,
    formats            JSONB       NOT NULL,
    shared_condition   BOOLEAN,
    language           TEXT,
    interpreter_needed BOOLEAN     NOT NULL DEFAULT FALSE,
    waiting_reason     TEXT,
    matched_peer_id    UUID REFERENCES peer (id),
    accepted_at        TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);

CREATE TABLE proposal (
    id             UUID PRIMARY KEY,
    referral_id    UUID        NOT NULL REFERENCES referral (id),
    peer_id        UUID        NOT NULL REFERENCES peer (id),
    rank           INT         NOT NULL CHECK (rank >= 1),
    score          INT         NOT NULL CHECK (score BETWEEN 0 AND 100),
    reasons        JSONB       NOT NULL,
    status         TEXT        NOT NULL,
    decline_reason TEXT,
    decline_note   TEXT,
    proposed_at    TIMESTAMPTZ NOT NULL,
    decided_at     TIMESTAMPTZ,
    decided_by     TEXT
);
CREATE INDEX proposal_referral ON proposal (referral_id, rank);
CREATE INDEX proposal_peer ON proposal (peer_id);
-- A referral is matched with one peer at most, whatever the timing of two coordinators' accepts.
CREATE UNIQUE INDEX proposal_one_accepted ON proposal (referral_id) WHERE status = 'ACCEPTED';
