-- The end-of-support summary for the referrer (PRSB "message back to GP and referrer"): queued in the transaction
-- that closes a referral whose person consented to share with their GP, then assembled from the other services'
-- APIs by a worker that retries while one does not answer. It holds the person's goals in their own words, so
-- the retention sweep deletes it with the referral's other free text.
CREATE TABLE end_of_support_summary (
    referral_id     UUID PRIMARY KEY REFERENCES referral (id),
    status          TEXT        NOT NULL,
    content         JSONB,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    assembled_at    TIMESTAMPTZ
);
CREATE INDEX end_of_support_summary_due ON end_of_support_summary (next_attempt_at) WHERE status = 'PENDING';
