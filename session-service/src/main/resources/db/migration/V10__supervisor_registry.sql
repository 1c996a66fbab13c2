-- One supervisor identity (docs/vocabulary.md): session-service registers supervisors by their token subject, with
-- the name and email safeguarding alerts reach them by, and only a registered active supervisor can be assigned.
CREATE TABLE supervisor (
    subject      TEXT PRIMARY KEY CHECK (char_length(subject) BETWEEN 1 AND 200),
    display_name TEXT        NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 200),
    email        TEXT CHECK (char_length(email) <= 320),
    active       BOOLEAN     NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    updated_by   TEXT        NOT NULL
);

-- Everyone already assigned (or who recorded supervision) is registered under their subject, active; an admin adds
-- their name and email.
INSERT INTO supervisor (subject, display_name, email, active, updated_at, updated_by)
SELECT DISTINCT supervisor_id, supervisor_id, NULL::TEXT, TRUE, now(), 'migration V10'
FROM (SELECT supervisor_id FROM supervisor_assignment UNION SELECT supervisor_id FROM supervision) known;

-- matching-service now learns each peer's supervisor from supervisor.assigned (alongside.staff.v1, keyed by the
-- peer): announce every current assignment once, through the outbox like any other event.
INSERT INTO outbox (id, topic, message_key, event_type, payload)
SELECT event_id, 'alongside.staff.v1', peer_id::TEXT, 'supervisor.assigned',
       jsonb_build_object(
           'specversion', '1.0',
           'id', event_id::TEXT,
           'type', 'supervisor.assigned',
           'source', '/alongside/session-service',
           'subject', peer_id::TEXT,
           'time', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'datacontenttype', 'application/json',
           'dataschema', '${events_base_url}/events/schemas/supervisor.assigned/1',
           'data', jsonb_build_object(
               'peerId', peer_id::TEXT,
               'supervisor', supervisor_id,
               'assignedAt', to_char(assigned_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')))
FROM (SELECT gen_random_uuid() AS event_id, peer_id, supervisor_id, assigned_at
      FROM supervisor_assignment WHERE ended_at IS NULL) current_assignment;
