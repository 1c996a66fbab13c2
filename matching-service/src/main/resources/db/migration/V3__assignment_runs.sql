-- A coordinator's batch assignment of the referrals not yet matched: what it considered and what it proposed.
CREATE TABLE assignment_run (
    id                UUID PRIMARY KEY,
    requested_by      TEXT        NOT NULL,
    ran_at            TIMESTAMPTZ NOT NULL,
    referrals         INT         NOT NULL,
    peers_with_places INT         NOT NULL,
    places            INT         NOT NULL,
    candidate_pairs   BIGINT      NOT NULL,
    assigned          INT         NOT NULL,
    new_proposals     INT         NOT NULL,
    total_score       BIGINT      NOT NULL,
    solve_millis      BIGINT      NOT NULL
);
CREATE INDEX assignment_run_ran_at ON assignment_run (ran_at);

-- Each referral a run considered: the proposal it assigned (new or already open), or why it has none.
CREATE TABLE assignment_run_referral (
    run_id          UUID        NOT NULL REFERENCES assignment_run (id),
    referral_id     UUID        NOT NULL REFERENCES referral (id),
    waiting_since   TIMESTAMPTZ NOT NULL,
    proposal_id     UUID REFERENCES proposal (id),
    proposed_by_run BOOLEAN     NOT NULL DEFAULT FALSE,
    reason          TEXT,
    PRIMARY KEY (run_id, referral_id),
    CONSTRAINT assignment_run_referral_outcome CHECK ((proposal_id IS NULL) <> (reason IS NULL))
);
