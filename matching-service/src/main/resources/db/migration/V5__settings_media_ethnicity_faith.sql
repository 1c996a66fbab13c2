-- One vocabulary of support (docs/vocabulary.md): the single list of formats becomes settings (who meets) and media
-- (through what). ONE_TO_ONE and GROUP were in-person settings, so they bring the medium IN_PERSON; TELEPHONE and
-- VIDEO are media; ONLINE is the medium ONLINE_TEXT.
CREATE FUNCTION pg_temp.settings_of(formats JSONB) RETURNS JSONB LANGUAGE SQL AS $$
    SELECT coalesce(jsonb_agg(DISTINCT f ORDER BY f DESC), '[]')
    FROM jsonb_array_elements_text(formats) f WHERE f IN ('ONE_TO_ONE', 'GROUP')
$$;
CREATE FUNCTION pg_temp.media_of(formats JSONB) RETURNS JSONB LANGUAGE SQL AS $$
    SELECT coalesce(jsonb_agg(DISTINCT m), '[]') FROM (
        SELECT CASE f WHEN 'ONE_TO_ONE' THEN 'IN_PERSON' WHEN 'GROUP' THEN 'IN_PERSON' WHEN 'ONLINE' THEN 'ONLINE_TEXT'
                      ELSE f END AS m
        FROM jsonb_array_elements_text(formats) f) media
$$;

-- A person's preferences: none stated stays none (any setting, any medium).
ALTER TABLE referral
    ADD COLUMN settings  JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN media     JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN ethnicity TEXT,
    ADD COLUMN faith     TEXT;
UPDATE referral SET settings = pg_temp.settings_of(formats), media = pg_temp.media_of(formats);
ALTER TABLE referral DROP COLUMN formats;

-- A peer offers at least one of each: one who offered only telephone, video or online support offered it one to one.
ALTER TABLE peer
    ADD COLUMN settings  JSONB,
    ADD COLUMN media     JSONB,
    ADD COLUMN ethnicity TEXT;
UPDATE peer SET settings = pg_temp.settings_of(formats), media = pg_temp.media_of(formats);
UPDATE peer SET settings = '["ONE_TO_ONE"]' WHERE settings = '[]';
ALTER TABLE peer
    ALTER COLUMN settings SET NOT NULL,
    ALTER COLUMN media SET NOT NULL,
    DROP COLUMN formats;

-- A peer's faith was free text; it is now coded in the ONS 2021 Census categories. A faith the categories name
-- (or a denomination of one) becomes that category; any other stated faith is OTHER ("any other religion").
UPDATE peer SET faith = CASE
    WHEN lower(trim(faith)) IN ('no religion', 'none', 'atheist', 'agnostic', 'humanist') THEN 'NO_RELIGION'
    WHEN lower(trim(faith)) IN ('christian', 'christianity', 'catholic', 'roman catholic', 'anglican',
        'church of england', 'church of scotland', 'methodist', 'baptist', 'orthodox', 'protestant', 'pentecostal')
        THEN 'CHRISTIAN'
    WHEN lower(trim(faith)) IN ('buddhist', 'buddhism') THEN 'BUDDHIST'
    WHEN lower(trim(faith)) IN ('hindu', 'hinduism') THEN 'HINDU'
    WHEN lower(trim(faith)) IN ('jewish', 'judaism') THEN 'JEWISH'
    WHEN lower(trim(faith)) IN ('muslim', 'islam') THEN 'MUSLIM'
    WHEN lower(trim(faith)) IN ('sikh', 'sikhism') THEN 'SIKH'
    WHEN lower(trim(faith)) IN ('prefer not to say', 'not stated') THEN 'NOT_STATED'
    ELSE 'OTHER' END
WHERE faith IS NOT NULL;
ALTER TABLE peer ADD CONSTRAINT peer_faith CHECK (faith IN ('NO_RELIGION', 'CHRISTIAN', 'BUDDHIST', 'HINDU',
    'JEWISH', 'MUSLIM', 'SIKH', 'OTHER', 'NOT_STATED'));
