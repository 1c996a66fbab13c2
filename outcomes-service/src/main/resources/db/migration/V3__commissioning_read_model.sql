-- The commissioning read model: condition groups, per-referral session counters, outcome measurements and
-- safeguarding concerns. Everything here is rebuilt from the topics by POST /admin/read-model/rebuild, so it
-- holds nothing that events do not carry.

-- Which condition group a SNOMED CT code reports under. Versioned: a new mapping is a new version's rows (and a
-- rebuild), so a published figure can always say which mapping it used.
CREATE TABLE condition_group_mapping (
    version         SMALLINT NOT NULL,
    snomed_code     TEXT     NOT NULL,
    condition_group TEXT     NOT NULL,
    PRIMARY KEY (version, snomed_code)
);
INSERT INTO condition_group_mapping (version, snomed_code, condition_group) VALUES
    (1, '46635009', 'DIABETES'),             -- type 1 diabetes mellitus
    (1, '44054006', 'DIABETES'),             -- type 2 diabetes mellitus
    (1, '13645005', 'RESPIRATORY'),          -- COPD
    (1, '195967001', 'RESPIRATORY'),         -- asthma
    (1, '709044004', 'RENAL'),               -- chronic kidney disease
    (1, '84114007', 'CARDIAC'),              -- heart failure
    (1, '53741008', 'CARDIAC'),              -- coronary arteriosclerosis
    (1, '363346000', 'CANCER'),              -- malignant neoplastic disease
    (1, '49049000', 'NEUROLOGICAL'),         -- Parkinson's disease
    (1, '24700007', 'NEUROLOGICAL'),         -- multiple sclerosis
    (1, '69896004', 'MUSCULOSKELETAL_PAIN'), -- rheumatoid arthritis
    (1, '82423001', 'MUSCULOSKELETAL_PAIN'), -- chronic pain
    (1, '86406008', 'HIV'),                  -- HIV infection
    (1, '35489007', 'MENTAL_HEALTH'),        -- depressive disorder
    (1, '197480006', 'MENTAL_HEALTH'),       -- anxiety disorder
    (1, '69322001', 'MENTAL_HEALTH'),        -- psychotic disorder
    (1, '13746004', 'MENTAL_HEALTH'),        -- bipolar disorder
    (1, '58214004', 'MENTAL_HEALTH');        -- schizophrenia

-- A referral reports under the group of the first condition its referrer lists (the reason for referral);
-- a condition without a mapped code falls into OTHER_PHYSICAL or OTHER_MENTAL by its kind.
ALTER TABLE referral_fact
    ADD COLUMN condition_group           TEXT,
    ADD COLUMN condition_mapping_version SMALLINT,
    -- The calendar day of receipt in the reporting time zone: report periods are whole such days.
    ADD COLUMN received_day              DATE,
    -- Counters over the referral's sessions as last recorded, recounted from session_fact on every
    -- session.recorded, so the dashboard never scans the session table.
    ADD COLUMN sessions_recorded         INT NOT NULL DEFAULT 0,
    ADD COLUMN sessions_attended         INT NOT NULL DEFAULT 0,
    ADD COLUMN sessions_did_not_attend   INT NOT NULL DEFAULT 0,
    ADD COLUMN sessions_cancelled_client INT NOT NULL DEFAULT 0,
    ADD COLUMN sessions_cancelled_peer   INT NOT NULL DEFAULT 0,
    ADD COLUMN attended_in_person        INT NOT NULL DEFAULT 0,
    ADD COLUMN attended_telephone        INT NOT NULL DEFAULT 0,
    ADD COLUMN attended_video            INT NOT NULL DEFAULT 0,
    ADD COLUMN attended_online_text      INT NOT NULL DEFAULT 0,
    ADD COLUMN attended_group            INT NOT NULL DEFAULT 0,
    -- Whether the person has a baseline, and a paired follow-up, on any instrument (kept with outcome_pair).
    ADD COLUMN outcome_baseline          BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN outcome_paired            BOOLEAN NOT NULL DEFAULT false;

-- Sessions may say whether they were 1:1 or in a group (absent: 1:1, as every session was before groups), and
-- that their latest version was entered in error (then they no longer count).
ALTER TABLE session_fact
    ADD COLUMN kind     TEXT,
    ADD COLUMN group_id UUID,
    ADD COLUMN status   TEXT;

-- One row per outcome measurement (outcome.recorded); numbers only where the instrument has a single score.
CREATE TABLE measurement_fact (
    measurement_id       UUID PRIMARY KEY,
    referral_id          UUID        NOT NULL REFERENCES referral_fact (referral_id),
    instrument           TEXT        NOT NULL,
    timepoint            TEXT        NOT NULL,
    completed_at         TIMESTAMPTZ NOT NULL,
    score                NUMERIC,
    raw_score            NUMERIC,
    band                 TEXT,
    change_from_baseline NUMERIC,
    classification       TEXT
);
CREATE INDEX measurement_fact_referral ON measurement_fact (referral_id, instrument);

-- Per person and instrument: the first baseline and the latest follow-up paired with it, recomputed from
-- measurement_fact whenever one of the person's measurements arrives. The referral's receipt and dimensions are
-- copied in (and kept in step when the referral's own events arrive), so the dashboard reads outcomes without a
-- join.
CREATE TABLE outcome_pair (
    referral_id       UUID        NOT NULL REFERENCES referral_fact (referral_id),
    instrument        TEXT        NOT NULL,
    baseline_at       TIMESTAMPTZ NOT NULL,
    follow_up_at      TIMESTAMPTZ,
    change            NUMERIC,
    classification    TEXT,
    received_at       TIMESTAMPTZ,
    referrer_type     TEXT,
    referrer_ods_code TEXT,
    condition_group   TEXT,
    imd_decile        SMALLINT,
    age_band          TEXT,
    gender            TEXT,
    PRIMARY KEY (referral_id, instrument)
);
CREATE INDEX outcome_pair_received ON outcome_pair (received_at);

-- Safeguarding concerns raised in sessions: category and urgency (when the event says) only.
CREATE TABLE safeguarding_fact (
    concern_id     UUID PRIMARY KEY,
    referral_id    UUID        NOT NULL REFERENCES referral_fact (referral_id),
    category       TEXT        NOT NULL,
    immediate_risk BOOLEAN,
    raised_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX safeguarding_fact_referral ON safeguarding_fact (referral_id);

-- Referrals per day of receipt and per category of each dimension they are reported by, kept by a trigger on
-- referral_fact (so any write, in any order, keeps it exact): a year's distributions are a sum over about fifty
-- thousand small rows instead of a scan of every referral. Reason dimensions count only referrals that reached
-- the milestone.
CREATE TABLE referral_day_count (
    day       DATE    NOT NULL,
    dimension TEXT    NOT NULL,
    key       TEXT    NOT NULL,
    referrals INTEGER NOT NULL,
    PRIMARY KEY (day, dimension, key)
);

-- PL/pgSQL, so its statements are planned once per connection rather than on every call.
CREATE FUNCTION referral_day_count_add(r referral_fact, delta INTEGER) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO referral_day_count AS c (day, dimension, key, referrals)
    SELECT r.received_day, d.dimension, COALESCE(d.key, 'NOT_RECORDED'), delta
    FROM (VALUES ('referrer_type', r.referrer_type),
                 ('referrer_ods_code', r.referrer_ods_code),
                 ('condition_group', r.condition_group),
                 ('imd', r.imd_decile::text),
                 ('age_band', r.age_band),
                 ('gender', r.gender),
                 ('decline_reason', CASE WHEN r.declined_at IS NOT NULL THEN r.decline_reason END),
                 ('withdraw_reason', CASE WHEN r.withdrawn_at IS NOT NULL THEN r.withdraw_reason END),
                 ('close_reason', CASE WHEN r.closed_at IS NOT NULL THEN r.close_reason END)) d (dimension, key)
    WHERE d.key IS NOT NULL OR d.dimension NOT IN ('decline_reason', 'withdraw_reason', 'close_reason')
    ON CONFLICT (day, dimension, key) DO UPDATE SET referrals = c.referrals + EXCLUDED.referrals;
    IF delta < 0 THEN
        -- a category nobody is in any more leaves no row, so the table is the same however the facts were reached
        DELETE FROM referral_day_count WHERE day = r.received_day AND referrals = 0;
    END IF;
END
$$;

CREATE FUNCTION referral_day_count_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (OLD.received_day, OLD.referrer_type, OLD.referrer_ods_code, OLD.condition_group,
            OLD.imd_decile, OLD.age_band, OLD.gender, OLD.declined_at IS NULL, OLD.decline_reason,
            OLD.withdrawn_at IS NULL, OLD.withdraw_reason, OLD.closed_at IS NULL, OLD.close_reason)
        IS NOT DISTINCT FROM (NEW.received_day, NEW.referrer_type, NEW.referrer_ods_code, NEW.condition_group,
            NEW.imd_decile, NEW.age_band, NEW.gender, NEW.declined_at IS NULL, NEW.decline_reason,
            NEW.withdrawn_at IS NULL, NEW.withdraw_reason, NEW.closed_at IS NULL, NEW.close_reason) THEN
        RETURN NULL; -- a session or outcome counter changed: nothing this table counts
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.received_day IS NOT NULL THEN
        PERFORM referral_day_count_add(OLD, -1);
    END IF;
    IF NEW.received_day IS NOT NULL THEN
        PERFORM referral_day_count_add(NEW, 1);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER referral_day_count_track AFTER INSERT OR UPDATE ON referral_fact
    FOR EACH ROW EXECUTE FUNCTION referral_day_count_track();

-- Bumped by every statement that changes a fact table, in the same transaction, so a summary read with the same
-- version in its snapshot would read the same facts: the dashboard reuses the answer instead of reading again.
CREATE TABLE read_model_version (
    id      BOOLEAN PRIMARY KEY DEFAULT true CHECK (id),
    version BIGINT  NOT NULL
);
INSERT INTO read_model_version (version) VALUES (0);

CREATE FUNCTION read_model_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE read_model_version SET version = version + 1;
    RETURN NULL;
END
$$;

DO $$
DECLARE
    fact TEXT;
BEGIN
    FOREACH fact IN ARRAY ARRAY['referral_fact', 'session_fact', 'measurement_fact', 'outcome_pair',
                                'safeguarding_fact', 'referral_day_count'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION read_model_version_bump()', fact || '_version', fact);
    END LOOP;
END
$$;
