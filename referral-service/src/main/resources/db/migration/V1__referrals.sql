-- Identity lives here and nowhere else in Alongside: other services know a person only by referral id.
CREATE TABLE referral (
    id                    UUID PRIMARY KEY,
    status                TEXT        NOT NULL,
    received_at           TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL,
    referrer_type         TEXT        NOT NULL,
    referrer_ods_code     TEXT,
    referrer_name         TEXT,
    referrer_phone        TEXT,
    referrer_email        TEXT,
    channel               TEXT        NOT NULL DEFAULT 'REST',
    fhir_identifier       TEXT,
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
    preferred_contact     TEXT,
    accessibility_needs   TEXT,
    conditions            JSONB       NOT NULL,
    reason                TEXT        NOT NULL,
    support_wanted        JSONB       NOT NULL DEFAULT '[]',
    preferences           JSONB       NOT NULL,
    consent_peer_support  BOOLEAN     NOT NULL,
    consent_share_with_gp BOOLEAN,
    consent_contact       BOOLEAN,
    consent_source        TEXT        NOT NULL,
    safeguarding_concern  BOOLEAN     NOT NULL DEFAULT FALSE,
    safeguarding_details  TEXT,
    urgency               TEXT        NOT NULL DEFAULT 'ROUTINE',
    imd_decile            SMALLINT CHECK (imd_decile BETWEEN 1 AND 10),
    matched_peer_id       UUID,
    status_reason         TEXT,
    possible_duplicate_of UUID REFERENCES referral (id),
    idempotency_key       TEXT UNIQUE,
    version               INT         NOT NULL DEFAULT 0
);
CREATE INDEX referral_status_received ON referral (status, received_at);
CREATE INDEX referral_ods ON referral (referrer_ods_code);
CREATE INDEX referral_nhs_number ON referral (nhs_number) WHERE nhs_number IS NOT NULL;
CREATE INDEX referral_conditions ON referral USING gin (conditions jsonb_path_ops);

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
