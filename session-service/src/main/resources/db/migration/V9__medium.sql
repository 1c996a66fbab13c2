-- One vocabulary of support (docs/vocabulary.md): how a session or group meeting took place is its medium. The
-- values (IN_PERSON, TELEPHONE, VIDEO, ONLINE_TEXT) were already the medium's, so only the name changes; the
-- in-person place checks follow the renamed column.
ALTER TABLE support_session RENAME COLUMN format TO medium;
ALTER TABLE support_session_version RENAME COLUMN format TO medium;
ALTER TABLE group_meeting RENAME COLUMN format TO medium;
