-- The one vocabulary of support (docs/vocabulary.md): preferences name settings (who meets) and media (through
-- what) instead of one list of formats. ONE_TO_ONE and GROUP become settings, TELEPHONE and VIDEO media, ONLINE the
-- medium ONLINE_TEXT; the order given is kept.
UPDATE referral SET preferences = (preferences - 'formats') || jsonb_build_object(
        'settings', COALESCE((SELECT jsonb_agg(f.value ORDER BY f.n)
                              FROM jsonb_array_elements_text(preferences -> 'formats') WITH ORDINALITY AS f (value, n)
                              WHERE f.value IN ('ONE_TO_ONE', 'GROUP')), '[]'::jsonb),
        'media', COALESCE((SELECT jsonb_agg(CASE f.value WHEN 'ONLINE' THEN 'ONLINE_TEXT' ELSE f.value END ORDER BY f.n)
                           FROM jsonb_array_elements_text(preferences -> 'formats') WITH ORDINALITY AS f (value, n)
                           WHERE f.value IN ('TELEPHONE', 'VIDEO', 'ONLINE')), '[]'::jsonb))
WHERE preferences ? 'formats';

-- What the person brings, for matching and equity reporting: coded, never free text.
ALTER TABLE referral
    ADD COLUMN ethnicity    TEXT,
    ADD COLUMN faith        TEXT,
    ADD COLUMN availability JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN experiences  JSONB NOT NULL DEFAULT '[]';
