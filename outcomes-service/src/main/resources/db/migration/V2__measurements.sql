-- Outcome measures recorded for a referral (package org.alongside.outcomes.measures). Answers stay in this table:
-- events and aggregates carry scores only. Scores are kept as computed when recorded, with the definition version
-- that computed them, so a later change to a definition never silently rewrites what a person scored.
CREATE TABLE measurement (
    id                 UUID PRIMARY KEY,
    referral_id        UUID        NOT NULL,
    instrument         TEXT        NOT NULL,
    definition_version INT         NOT NULL,
    timepoint          TEXT        NOT NULL CHECK (timepoint IN ('BASELINE', 'REVIEW', 'DISCHARGE', 'FOLLOW_UP')),
    completed_at       TIMESTAMPTZ NOT NULL,
    -- item answers in item order, null where an item was left unanswered; null for scores entered from a licensed tool
    answers            JSONB,
    -- the instrument's score (SWEMWBS: the metric score); null when not scored or scored per item
    score              NUMERIC,
    raw_score          INT,
    band               TEXT,
    -- per-item scores and bands ({"itemKey": value}) for instruments reported item by item (ONS4, SERVICE_USE)
    item_scores        JSONB,
    item_bands         JSONB,
    caseness           BOOLEAN,
    not_scored_reason  TEXT,
    recorded_by        TEXT        NOT NULL,
    recorded_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX measurement_referral ON measurement (referral_id, instrument, completed_at);
-- Change is measured from one baseline, and support ends once: a second of either is a conflict, not a new series.
CREATE UNIQUE INDEX measurement_once ON measurement (referral_id, instrument, timepoint)
    WHERE timepoint IN ('BASELINE', 'DISCHARGE');

-- Who supports whom, from match.accepted: the latest acceptance wins, whatever order the events arrive in.
CREATE TABLE peer_assignment (
    referral_id UUID PRIMARY KEY,
    peer_id     UUID        NOT NULL,
    accepted_at TIMESTAMPTZ NOT NULL,
    event_id    TEXT        NOT NULL
);
CREATE INDEX peer_assignment_peer ON peer_assignment (peer_id);

-- A risk signal in a person's answers (PHQ-9 item 9 above 0) waiting for a supervisor to see and acknowledge it.
CREATE TABLE risk_flag (
    id               UUID PRIMARY KEY,
    referral_id      UUID        NOT NULL,
    measurement_id   UUID        NOT NULL REFERENCES measurement (id),
    instrument       TEXT        NOT NULL,
    item             INT         NOT NULL,
    peer_id          UUID,
    raised_at        TIMESTAMPTZ NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('OPEN', 'ACKNOWLEDGED')),
    acknowledged_at  TIMESTAMPTZ,
    acknowledged_by  TEXT,
    acknowledgement_note TEXT,
    UNIQUE (measurement_id, item)
);
CREATE INDEX risk_flag_status ON risk_flag (status, raised_at);
