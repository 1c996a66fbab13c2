-- Safeguarding concerns: raised by a peer (usually from a session), acknowledged and closed by a supervisor or
-- coordinator. The deadline to acknowledge is fixed when the concern is raised.
CREATE TABLE safeguarding_concern (
    id               UUID PRIMARY KEY,
    referral_id      UUID        NOT NULL,
    peer_id          UUID,
    session_id       UUID REFERENCES support_session (id),
    category         TEXT        NOT NULL,
    description      TEXT        NOT NULL CHECK (char_length(description) BETWEEN 1 AND 4000),
    immediate_risk   BOOLEAN     NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'CLOSED')),
    raised_at        TIMESTAMPTZ NOT NULL,
    raised_by        TEXT        NOT NULL,
    acknowledge_by   TIMESTAMPTZ NOT NULL,
    acknowledged_at  TIMESTAMPTZ,
    acknowledged_by  TEXT,
    closed_at        TIMESTAMPTZ,
    closed_by        TEXT,
    action_taken     TEXT CHECK (char_length(action_taken) <= 4000),
    CHECK ((status = 'OPEN') = (acknowledged_at IS NULL)),
    CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL AND action_taken IS NOT NULL))
);
CREATE INDEX safeguarding_concern_worklist ON safeguarding_concern (status, acknowledge_by);
CREATE INDEX safeguarding_concern_referral ON safeguarding_concern (referral_id);
