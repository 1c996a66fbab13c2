-- Support also ends without a successor: matching-service ends the match, or the referral is closed or withdrawn.
-- The ended match is kept (sessions stay filed under it) with why it ended.
ALTER TABLE peer_match DROP CONSTRAINT peer_match_check;
ALTER TABLE peer_match ADD COLUMN end_reason TEXT;
UPDATE peer_match SET end_reason = 'REPLACED' WHERE ended_at IS NOT NULL;
ALTER TABLE peer_match ADD CONSTRAINT peer_match_end_reason CHECK ((ended_at IS NULL) = (end_reason IS NULL));
ALTER TABLE peer_match ADD CONSTRAINT peer_match_replaced_ended CHECK (replaced_by IS NULL OR ended_at IS NOT NULL);
-- The same accepted proposal delivered again (a new event id, e.g. a replay) is recognised, not re-applied.
CREATE UNIQUE INDEX peer_match_proposal ON peer_match (proposal_id);
CREATE INDEX peer_match_peer_active ON peer_match (peer_id) WHERE ended_at IS NULL;

-- What this service knows of each referral's lifecycle from referral-service's (and matching-service's) events:
-- enough to tell an open referral, which may join a group, from one whose support has ended.
CREATE TABLE referral_state (
    referral_id UUID PRIMARY KEY,
    accepted_at TIMESTAMPTZ,
    ended_at    TIMESTAMPTZ,
    ended_as    TEXT CHECK (ended_as IN ('CLOSED', 'WITHDRAWN')),
    end_reason  TEXT,
    CHECK ((ended_at IS NULL) = (ended_as IS NULL))
);
INSERT INTO referral_state (referral_id, accepted_at)
SELECT referral_id, min(matched_at) FROM peer_match GROUP BY referral_id;
