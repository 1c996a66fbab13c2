-- The relay deletes a row once Kafka has acknowledged it, instead of marking it published and deleting it days later.
-- Marking was an UPDATE that could not be HOT (the partial index's predicate names published_at), so every event
-- wrote a second heap tuple and its index entries; a delete writes neither (docs/performance.md). The topic, not
-- this table, is the record of what was published. An instance of the previous release still running during a
-- rolling upgrade cannot mark rows any more: its relay backs off and the new instances publish in its place.
DELETE FROM outbox WHERE published_at IS NOT NULL;
DROP INDEX outbox_unpublished;
ALTER TABLE outbox DROP COLUMN published_at;
