-- Who read or changed what, when and from where: kept in every service, append-only.
CREATE TABLE audit_event (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor       TEXT        NOT NULL,
    roles       TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    operation   TEXT        NOT NULL,
    record_ids  TEXT[]      NOT NULL DEFAULT '{}',
    referral_id UUID,
    status      INT         NOT NULL,
    client      TEXT
);
CREATE INDEX audit_event_actor ON audit_event (actor, occurred_at);
CREATE INDEX audit_event_referral ON audit_event (referral_id, occurred_at) WHERE referral_id IS NOT NULL;

-- Append-only whatever the role: updates, deletes and truncation are refused by the database itself.
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM PUBLIC;
