-- The person's own goals (their wellness plan), in their own words. The words stay here: events carry ids,
-- focus, status and ratings only.
CREATE TABLE goal (
    id          UUID PRIMARY KEY,
    referral_id UUID        NOT NULL,
    text        TEXT        NOT NULL CHECK (char_length(text) BETWEEN 1 AND 500),
    focus       TEXT        NOT NULL,
    status      TEXT        NOT NULL CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'ACHIEVED', 'CHANGED')),
    session_id  UUID REFERENCES support_session (id),
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX goal_referral ON goal (referral_id, created_at);

-- Each change of a goal's status or rating, in order: the goal's progress over time.
CREATE TABLE goal_progress (
    id          UUID PRIMARY KEY,
    goal_id     UUID        NOT NULL REFERENCES goal (id),
    status      TEXT        NOT NULL,
    rating      SMALLINT CHECK (rating BETWEEN 1 AND 10),
    session_id  UUID REFERENCES support_session (id),
    recorded_at TIMESTAMPTZ NOT NULL,
    recorded_by TEXT        NOT NULL
);
CREATE INDEX goal_progress_goal ON goal_progress (goal_id, recorded_at);

-- Community resources a person was linked to, and whether they took them up.
CREATE TABLE signposting (
    id                 UUID PRIMARY KEY,
    referral_id        UUID        NOT NULL,
    session_id         UUID REFERENCES support_session (id),
    name               TEXT        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    category           TEXT        NOT NULL,
    oruk_service_id    TEXT CHECK (char_length(oruk_service_id) <= 200),
    take_up            TEXT        NOT NULL CHECK (take_up IN ('NOT_KNOWN', 'TAKEN_UP', 'NOT_TAKEN_UP')),
    signposted_at      TIMESTAMPTZ NOT NULL,
    recorded_by        TEXT        NOT NULL,
    take_up_updated_at TIMESTAMPTZ,
    take_up_updated_by TEXT
);
CREATE INDEX signposting_referral ON signposting (referral_id, signposted_at);
