-- The outcomes read model, built only from other services' events. Fact tables hold when things happened and
-- pseudonymous dimensions to group by (codes, bands, categories); never identity or free text. Measures and
-- disclosure control are added on top of these rows, so they keep every dimension the events offer.

-- One row per referral: each milestone's time (null until reached) and who the referral is about, in bands.
-- Any event about a referral may create its row, because events from different topics arrive in any order.
CREATE TABLE referral_fact (
    referral_id           UUID PRIMARY KEY,
    received_at           TIMESTAMPTZ,
    accepted_at           TIMESTAMPTZ,
    declined_at           TIMESTAMPTZ,
    withdrawn_at          TIMESTAMPTZ,
    matched_at            TIMESTAMPTZ,
    first_attended_at     TIMESTAMPTZ,
    closed_at             TIMESTAMPTZ,
    referrer_type         TEXT,
    referrer_ods_code     TEXT,
    condition_kinds       TEXT[],
    condition_codes       TEXT[],
    age_band              TEXT,
    gender                TEXT,
    imd_decile            SMALLINT CHECK (imd_decile BETWEEN 1 AND 10),
    locality              TEXT,
    decline_reason        TEXT,
    withdraw_reason       TEXT,
    withdrawn_from_status TEXT,
    close_reason          TEXT
);
CREATE INDEX referral_fact_received ON referral_fact (received_at);

-- One row per session as last recorded (a later recordedAt supersedes an earlier one).
CREATE TABLE session_fact (
    session_id       UUID PRIMARY KEY,
    referral_id      UUID        NOT NULL REFERENCES referral_fact (referral_id),
    peer_id          UUID,
    started_at       TIMESTAMPTZ NOT NULL,
    duration_minutes INT CHECK (duration_minutes >= 0),
    format           TEXT,
    attendance       TEXT        NOT NULL,
    focus            TEXT[]      NOT NULL DEFAULT '{}',
    recorded_at      TIMESTAMPTZ NOT NULL,
    -- breaks a tie between two recordings with the same recordedAt, so the survivor does not depend on order
    event_id         TEXT        NOT NULL
);
CREATE INDEX session_fact_referral ON session_fact (referral_id, attendance);
