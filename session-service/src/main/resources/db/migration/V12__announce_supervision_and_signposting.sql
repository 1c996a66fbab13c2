-- outcomes-service now counts supervision against the policy interval (supervision.recorded, alongside.staff.v1,
-- keyed by the peer) and signposting made and taken up (signposting.updated, alongside.sessions.v1, keyed by the
-- referral). Announce what was recorded before, once, through the outbox like any other event, so the figures do
-- not start from nothing: every supervision held, and every resource linked to in its current state.
INSERT INTO outbox (id, topic, message_key, event_type, payload)
SELECT event_id, 'alongside.staff.v1', peer_id::TEXT, 'supervision.recorded',
       jsonb_build_object(
           'specversion', '1.0',
           'id', event_id::TEXT,
           'type', 'supervision.recorded',
           'source', '/alongside/session-service',
           'subject', peer_id::TEXT,
           'time', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'datacontenttype', 'application/json',
           'dataschema', '${events_base_url}/events/schemas/supervision.recorded/1',
           'data', jsonb_build_object(
               'supervisionId', id::TEXT,
               'peerId', peer_id::TEXT,
               'heldAt', to_char(held_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')))
FROM (SELECT gen_random_uuid() AS event_id, id, peer_id, held_at FROM supervision ORDER BY held_at) held;

INSERT INTO outbox (id, topic, message_key, event_type, payload)
SELECT event_id, 'alongside.sessions.v1', referral_id::TEXT, 'signposting.updated',
       jsonb_build_object(
           'specversion', '1.0',
           'id', event_id::TEXT,
           'type', 'signposting.updated',
           'source', '/alongside/session-service',
           'subject', referral_id::TEXT,
           'time', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'datacontenttype', 'application/json',
           'dataschema', '${events_base_url}/events/schemas/signposting.updated/1',
           'data', jsonb_build_object(
               'signpostingId', id::TEXT,
               'referralId', referral_id::TEXT,
               'category', category,
               'takeUp', take_up,
               'updatedAt', to_char(COALESCE(take_up_updated_at, signposted_at) AT TIME ZONE 'UTC',
                                    'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')))
FROM (SELECT gen_random_uuid() AS event_id, id, referral_id, category, take_up, signposted_at, take_up_updated_at
      FROM signposting ORDER BY signposted_at) linked;
