-- Feedback to the referrer: an organisation (by ODS code) may register one URL to be told of status changes.
CREATE TABLE referrer_webhook (
    id         UUID PRIMARY KEY,
    ods_code   TEXT        NOT NULL UNIQUE,
    url        TEXT        NOT NULL,
    secret     TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    created_by TEXT        NOT NULL
);

-- Deliveries are queued in the transaction of the status change and sent by a dispatcher with retries,
-- so a referrer's outage never blocks a referral.
CREATE TABLE webhook_delivery (
    id              UUID PRIMARY KEY,
    webhook_id      UUID        NOT NULL REFERENCES referrer_webhook (id) ON DELETE CASCADE,
    referral_id     UUID        NOT NULL REFERENCES referral (id),
    payload         JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    delivered_at    TIMESTAMPTZ
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_referral ON webhook_delivery (referral_id);
