-- Every peer a person had: each match from the proposal that made it (accepted, or named in a transfer) to its end,
-- with why it ended (CLOSED, WITHDRAWN, or TRANSFERRED to another peer) and the coded reason behind that.
CREATE TABLE peer_match (
    proposal_id UUID PRIMARY KEY REFERENCES proposal (id),
    referral_id UUID        NOT NULL REFERENCES referral (id),
    peer_id     UUID        NOT NULL REFERENCES peer (id),
    started_at  TIMESTAMPTZ NOT NULL,
    ended_at    TIMESTAMPTZ,
    end_reason  TEXT CHECK (end_reason IN ('CLOSED', 'WITHDRAWN', 'TRANSFERRED')),
    end_detail  TEXT,
    CONSTRAINT peer_match_ending CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);
-- A person is matched with one peer at a time, whatever the timing of two coordinators' accepts or transfers.
CREATE UNIQUE INDEX peer_match_one_current ON peer_match (referral_id) WHERE ended_at IS NULL;
CREATE INDEX peer_match_current_by_peer ON peer_match (peer_id) WHERE ended_at IS NULL;

-- The matches made so far: the accepted proposals. Whether an ended one was closed or withdrawn was not kept;
-- referral-service's withdrawal reasons tell it (its close and withdrawal reasons share only OTHER, read as CLOSED).
INSERT INTO peer_match (proposal_id, referral_id, peer_id, started_at, ended_at, end_reason, end_detail)
SELECT p.id, p.referral_id, p.peer_id, coalesce(p.decided_at, p.proposed_at),
       CASE WHEN r.status = 'ENDED' THEN coalesce(r.ended_at, r.updated_at) END,
       CASE WHEN r.status = 'ENDED' THEN
           CASE WHEN r.end_reason IN ('PERSON_REQUEST', 'REFERRER_REQUEST', 'DUPLICATE', 'CONSENT_WITHDRAWN')
                THEN 'WITHDRAWN' ELSE 'CLOSED' END END,
       CASE WHEN r.status = 'ENDED' THEN r.end_reason END
FROM proposal p JOIN referral r ON r.id = p.referral_id
WHERE p.status = 'ACCEPTED';

-- A transferred person has had more than one accepted proposal; one current match is what stays unique.
DROP INDEX proposal_one_accepted;
