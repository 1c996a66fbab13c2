-- Safeguarding that reaches someone (docs/hazard-log.md, "immediate risk unseen").

-- A risk flag from outcomes-service (risk.flagged: PHQ-9 item 9 above 0), on the supervisors' worklist beside the
-- concerns. Which item of which measurement, never the answer; the peer supporting the person when it came in.
CREATE TABLE risk_flag (
    id              UUID PRIMARY KEY,
    measurement_id  UUID        NOT NULL,
    instrument      TEXT        NOT NULL,
    item            INT         NOT NULL,
    referral_id     UUID,
    peer_id         UUID,
    raised_at       TIMESTAMPTZ NOT NULL,
    acknowledge_by  TIMESTAMPTZ NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'CLOSED')),
    acknowledged_at TIMESTAMPTZ,
    acknowledged_by TEXT,
    closed_at       TIMESTAMPTZ,
    closed_by       TEXT,
    action_taken    TEXT CHECK (char_length(action_taken) <= 4000),
    UNIQUE (measurement_id, item)
);
CREATE INDEX risk_flag_open ON risk_flag (acknowledge_by) WHERE status <> 'CLOSED';

-- An alert about an immediate-risk concern or a risk flag: one per cause, shared by its recipients, acknowledged
-- once. escalate_at is when it next escalates; none once acknowledged or when the escalation list is used up.
CREATE TABLE alert (
    id               UUID PRIMARY KEY,
    kind             TEXT        NOT NULL CHECK (kind IN ('IMMEDIATE_RISK_CONCERN', 'RISK_FLAG')),
    concern_id       UUID REFERENCES safeguarding_concern (id),
    risk_flag_id     UUID REFERENCES risk_flag (id),
    referral_id      UUID,
    peer_id          UUID,
    raised_at        TIMESTAMPTZ NOT NULL,
    acknowledge_by   TIMESTAMPTZ NOT NULL,
    escalate_at      TIMESTAMPTZ,
    escalation_level INT         NOT NULL DEFAULT 0,
    acknowledged_at  TIMESTAMPTZ,
    acknowledged_by  TEXT,
    CHECK ((concern_id IS NULL) <> (risk_flag_id IS NULL))
);
CREATE UNIQUE INDEX alert_concern ON alert (concern_id) WHERE concern_id IS NOT NULL;
CREATE UNIQUE INDEX alert_risk_flag ON alert (risk_flag_id) WHERE risk_flag_id IS NOT NULL;
CREATE INDEX alert_escalation_due ON alert (escalate_at) WHERE escalate_at IS NOT NULL;

-- Whose in-app feed an alert is on (the responsible supervisor, the duty coordinator): only they acknowledge it.
CREATE TABLE alert_recipient (
    alert_id UUID NOT NULL REFERENCES alert (id),
    subject  TEXT NOT NULL,
    role     TEXT NOT NULL CHECK (role IN ('SUPERVISOR', 'DUTY_COORDINATOR')),
    PRIMARY KEY (alert_id, subject)
);
CREATE INDEX alert_recipient_subject ON alert_recipient (subject);

-- Emails queued in the same transaction as the alert or its escalation, sent by the alert dispatcher: a link to
-- the console only, never personal data.
CREATE TABLE alert_email (
    id               UUID PRIMARY KEY,
    alert_id         UUID        NOT NULL REFERENCES alert (id),
    to_address       TEXT        NOT NULL,
    escalation_level INT         NOT NULL,
    queued_at        TIMESTAMPTZ NOT NULL,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    attempts         INT         NOT NULL DEFAULT 0,
    sent_at          TIMESTAMPTZ,
    last_error       TEXT
);
CREATE INDEX alert_email_pending ON alert_email (next_attempt_at) WHERE sent_at IS NULL;
