-- Who supervises each peer worker. A supervisor is known by the subject (sub) of their token. A new assignment
-- ends the current one; the history is kept.
CREATE TABLE supervisor_assignment (
    id            UUID PRIMARY KEY,
    peer_id       UUID        NOT NULL,
    supervisor_id TEXT        NOT NULL CHECK (char_length(supervisor_id) BETWEEN 1 AND 200),
    assigned_at   TIMESTAMPTZ NOT NULL,
    assigned_by   TEXT        NOT NULL,
    ended_at      TIMESTAMPTZ
);
CREATE UNIQUE INDEX supervisor_assignment_current ON supervisor_assignment (peer_id) WHERE ended_at IS NULL;
CREATE INDEX supervisor_assignment_supervisor ON supervisor_assignment (supervisor_id) WHERE ended_at IS NULL;

-- A supervision session with a peer worker: what was covered, how they are, and what was agreed.
CREATE TABLE supervision (
    id               UUID PRIMARY KEY,
    peer_id          UUID        NOT NULL,
    supervisor_id    TEXT        NOT NULL,
    held_at          TIMESTAMPTZ NOT NULL,
    duration_minutes INT CHECK (duration_minutes BETWEEN 1 AND 600),
    topics           JSONB       NOT NULL,
    wellbeing        TEXT        NOT NULL,
    wellbeing_notes  TEXT CHECK (char_length(wellbeing_notes) <= 4000),
    actions          JSONB       NOT NULL,
    recorded_at      TIMESTAMPTZ NOT NULL,
    recorded_by      TEXT        NOT NULL
);
CREATE INDEX supervision_peer ON supervision (peer_id, held_at);
