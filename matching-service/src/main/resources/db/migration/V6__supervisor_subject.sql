-- One supervisor identity (docs/vocabulary.md): a peer's supervisor is a token subject, assigned in session-service
-- and applied here from supervisor.assigned events (the latest wins). The UUID column goes: session-service
-- republishes its current assignments, and matching fills the new column from the topic.
DROP INDEX peer_supervisor;
ALTER TABLE peer
    DROP COLUMN supervisor_id,
    ADD COLUMN supervisor             TEXT,
    ADD COLUMN supervisor_assigned_at TIMESTAMPTZ;
CREATE INDEX peer_supervisor ON peer (supervisor) WHERE supervisor IS NOT NULL;
