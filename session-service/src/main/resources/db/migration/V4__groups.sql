-- Group peer support: a standing group with its facilitators, and each meeting's attendance register.
CREATE TABLE peer_group (
    id           UUID PRIMARY KEY,
    name         TEXT        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    focus        TEXT        NOT NULL CHECK (char_length(focus) BETWEEN 1 AND 200),
    leadership   TEXT        NOT NULL CHECK (leadership IN ('PEER_LED', 'CO_FACILITATED', 'PROFESSIONALLY_LED')),
    facilitators JSONB       NOT NULL,
    capacity     INT         NOT NULL CHECK (capacity BETWEEN 1 AND 200),
    created_at   TIMESTAMPTZ NOT NULL,
    created_by   TEXT        NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    updated_by   TEXT        NOT NULL
);

CREATE TABLE group_meeting (
    id               UUID PRIMARY KEY,
    group_id         UUID        NOT NULL REFERENCES peer_group (id),
    started_at       TIMESTAMPTZ NOT NULL,
    duration_minutes INT         NOT NULL CHECK (duration_minutes BETWEEN 1 AND 600),
    format           TEXT        NOT NULL,
    place_type       TEXT CHECK (place_type IS NULL OR format = 'IN_PERSON'),
    focus            JSONB       NOT NULL,
    recorded_at      TIMESTAMPTZ NOT NULL,
    recorded_by      TEXT        NOT NULL,
    idempotency_key  TEXT UNIQUE
);
CREATE INDEX group_meeting_group ON group_meeting (group_id, started_at);

-- One member's attendance at one meeting. Its id is the sessionId of the session.recorded event (kind GROUP).
CREATE TABLE group_attendance (
    id          UUID PRIMARY KEY,
    meeting_id  UUID        NOT NULL REFERENCES group_meeting (id),
    referral_id UUID        NOT NULL,
    attendance  TEXT        NOT NULL,
    -- 1 when first recorded; each correction adds one (session.recorded carries it)
    version     INT         NOT NULL CHECK (version >= 1),
    recorded_at TIMESTAMPTZ NOT NULL,
    recorded_by TEXT        NOT NULL,
    UNIQUE (meeting_id, referral_id)
);
CREATE INDEX group_attendance_referral ON group_attendance (referral_id);
