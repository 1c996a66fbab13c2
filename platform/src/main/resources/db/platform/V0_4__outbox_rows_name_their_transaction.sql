-- The relay scanned the outbox from its oldest sequence number, so each scan stepped over the index entries of every
-- row published (deleted) since the last vacuum: 11-12 ms a scan after an hour of intake on a PostgreSQL that had not
-- vacuumed (docs/performance.md). Each row now names the transaction that wrote it (its top-level transaction, also
-- inside a savepoint), and the relay looks only at rows of transactions at least as new as the oldest one running
-- when it last delivered all it could see. Rows written before this migration name the migration's transaction.
ALTER TABLE outbox ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX outbox_xid ON outbox (xid);
