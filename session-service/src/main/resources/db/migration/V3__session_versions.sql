-- Sessions are never deleted or overwritten: an edit makes a new version, a mistaken record is marked
-- entered-in-error. support_session holds the current version; support_session_version every version.
ALTER TABLE support_session
    ADD COLUMN place_type              TEXT,
    ADD COLUMN next_session_at         TIMESTAMPTZ,
    ADD COLUMN status                  TEXT NOT NULL DEFAULT 'RECORDED',
    ADD COLUMN version                 INT  NOT NULL DEFAULT 1 CHECK (version >= 1),
    ADD COLUMN first_recorded_at       TIMESTAMPTZ,
    ADD COLUMN entered_in_error_reason TEXT CHECK (char_length(entered_in_error_reason) <= 1000),
    ADD CONSTRAINT support_session_status CHECK (status IN ('RECORDED', 'ENTERED_IN_ERROR')),
    ADD CONSTRAINT support_session_error_reason
        CHECK ((status = 'ENTERED_IN_ERROR') = (entered_in_error_reason IS NOT NULL)),
    -- where a visit took place only means something for a visit in person
    ADD CONSTRAINT support_session_place_in_person CHECK (place_type IS NULL OR format = 'IN_PERSON');
UPDATE support_session SET first_recorded_at = recorded_at;
ALTER TABLE support_session ALTER COLUMN first_recorded_at SET NOT NULL;
CREATE INDEX support_session_peer ON support_session (peer_id, started_at);

CREATE TABLE support_session_version (
    id                      UUID PRIMARY KEY,
    session_id              UUID        NOT NULL REFERENCES support_session (id),
    version                 INT         NOT NULL,
    started_at              TIMESTAMPTZ NOT NULL,
    duration_minutes        INT         NOT NULL,
    format                  TEXT        NOT NULL,
    place_type              TEXT,
    attendance              TEXT        NOT NULL,
    focus                   JSONB       NOT NULL,
    notes                   TEXT,
    shared_lived_experience BOOLEAN,
    next_session_at         TIMESTAMPTZ,
    status                  TEXT        NOT NULL,
    -- why this version was made: an edit's reason, or why the record was entered in error
    change_reason           TEXT CHECK (char_length(change_reason) <= 1000),
    recorded_at             TIMESTAMPTZ NOT NULL,
    recorded_by             TEXT        NOT NULL,
    UNIQUE (session_id, version)
);
INSERT INTO support_session_version (id, session_id, version, started_at, duration_minutes, format, attendance,
    focus, notes, shared_lived_experience, status, recorded_at, recorded_by)
SELECT id, id, 1, started_at, duration_minutes, format, attendance, focus, notes, shared_lived_experience,
    'RECORDED', recorded_at, recorded_by
FROM support_session;
