-- Identity lives here and nowhere else in Alongside: other services know a person only by referral id.
CREATE TABLE referral (
    id                    UUID PRIMARY KEY,
    status                TEXT        NOT NULL,
    received_at           TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL,
    referrer_type         TEXT        NOT NULL,
    referrer_ods_code     TEXT,
    referrer_name         TEXT,
    nhs_number            TEXT,
    given_name            TEXT        NOT NULL,
    family_name           TEXT        NOT NULL,
    birth_date            DATE        NOT NULL,
    gender                TEXT,
    postcode              TEXT,
    phone                 TEXT,
    email                 TEXT,
    language              TEXT,
    interpreter_needed    BOOLEAN     NOT NULL DEFAULT FALSE,
    conditions            JSONB       NOT NULL,
    reason                TEXT        NOT NULL,
    preferences           JSONB       NOT NULL,
    consent_peer_support  BOOLEAN     NOT NULL,
    consent_share_with_gp BOOLEAN,
    imd_decile            SMALLINT CHECK (imd_decile BETWEEN 1 AND 10),
    matched_peer_id       UUID,
    idempotency_key       TEXT UNIQUE,
    version               INT         NOT NULL DEFAULT 0
);
CREATE INDEX referral_status_received ON referral (status, received_at);
CREATE INDEX referral_ods ON referral (referrer_ods_code);

-- Every status change: who, when, why. Append-only.
CREATE TABLE referral_status_change (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    referral_id UUID        NOT NULL REFERENCES referral (id),
    from_status TEXT,
    to_status   TEXT        NOT NULL,
    reason      TEXT,
    actor       TEXT        NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX referral_status_change_referral ON referral_status_change (referral_id, id);
