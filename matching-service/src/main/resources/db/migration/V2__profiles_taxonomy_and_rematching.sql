-- The condition taxonomy: SNOMED CT codes grouped by shared lived experience, as versioned data. Every change
-- makes a new version; a row is valid from its from_version up to (not including) its to_version.
CREATE TABLE taxonomy_version (
    version    INT PRIMARY KEY CHECK (version >= 1),
    created_at TIMESTAMPTZ NOT NULL,
    created_by TEXT        NOT NULL,
    change     TEXT        NOT NULL
);

CREATE TABLE taxonomy_group (
    id           TEXT NOT NULL,
    from_version INT  NOT NULL REFERENCES taxonomy_version (version),
    to_version   INT REFERENCES taxonomy_version (version),
    kind         TEXT NOT NULL CHECK (kind IN ('PHYSICAL', 'MENTAL')),
    display      TEXT NOT NULL,
    PRIMARY KEY (id, from_version)
);
CREATE UNIQUE INDEX taxonomy_group_current ON taxonomy_group (id) WHERE to_version IS NULL;

CREATE TABLE taxonomy_code (
    snomed_code  TEXT NOT NULL,
    from_version INT  NOT NULL REFERENCES taxonomy_version (version),
    to_version   INT REFERENCES taxonomy_version (version),
    group_id     TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('PHYSICAL', 'MENTAL')),
    display      TEXT NOT NULL,
    PRIMARY KEY (snomed_code, from_version)
);
CREATE UNIQUE INDEX taxonomy_code_current ON taxonomy_code (snomed_code) WHERE to_version IS NULL;

INSERT INTO taxonomy_version (version, created_at, created_by, change)
VALUES (1, now(), 'flyway', 'Seeded with the SNOMED CT codes of the reference list');

-- display reads in a sentence: "both have lived with <display>"
INSERT INTO taxonomy_group (id, from_version, kind, display) VALUES
    ('diabetes', 1, 'PHYSICAL', 'diabetes'),
    ('respiratory', 1, 'PHYSICAL', 'a respiratory condition'),
    ('renal', 1, 'PHYSICAL', 'a kidney condition'),
    ('cardiac', 1, 'PHYSICAL', 'a heart condition'),
    ('cancer', 1, 'PHYSICAL', 'cancer'),
    ('neurological', 1, 'PHYSICAL', 'a neurological condition'),
    ('musculoskeletal-and-pain', 1, 'PHYSICAL', 'a musculoskeletal condition or chronic pain'),
    ('hiv', 1, 'PHYSICAL', 'HIV'),
    ('common-mental-health', 1, 'MENTAL', 'depression or anxiety'),
    ('severe-mental-illness', 1, 'MENTAL', 'a severe mental illness (psychosis, schizophrenia or bipolar disorder)'),
    ('other-physical', 1, 'PHYSICAL', 'another long-term physical condition'),
    ('other-mental', 1, 'MENTAL', 'another mental health problem');

INSERT INTO taxonomy_code (snomed_code, from_version, group_id, kind, display) VALUES
    ('46635009', 1, 'diabetes', 'PHYSICAL', 'Type 1 diabetes mellitus'),
    ('44054006', 1, 'diabetes', 'PHYSICAL', 'Type 2 diabetes mellitus'),
    ('13645005', 1, 'respiratory', 'PHYSICAL', 'Chronic obstructive lung disease'),
    ('195967001', 1, 'respiratory', 'PHYSICAL', 'Asthma'),
    ('709044004', 1, 'renal', 'PHYSICAL', 'Chronic kidney disease'),
    ('84114007', 1, 'cardiac', 'PHYSICAL', 'Heart failure'),
    ('53741008', 1, 'cardiac', 'PHYSICAL', 'Coronary arteriosclerosis'),
    ('363346000', 1, 'cancer', 'PHYSICAL', 'Malignant neoplastic disease'),
    ('86406008', 1, 'hiv', 'PHYSICAL', 'Human immunodeficiency virus infection'),
    ('49049000', 1, 'neurological', 'PHYSICAL', 'Parkinson''s disease'),
    ('24700007', 1, 'neurological', 'PHYSICAL', 'Multiple sclerosis'),
    ('69896004', 1, 'musculoskeletal-and-pain', 'PHYSICAL', 'Rheumatoid arthritis'),
    ('82423001', 1, 'musculoskeletal-and-pain', 'PHYSICAL', 'Chronic pain'),
    ('35489007', 1, 'common-mental-health', 'MENTAL', 'Depressive disorder'),
    ('197480006', 1, 'common-mental-health', 'MENTAL', 'Anxiety disorder'),
    ('69322001', 1, 'severe-mental-illness', 'MENTAL', 'Psychotic disorder'),
    ('13746004', 1, 'severe-mental-illness', 'MENTAL', 'Bipolar disorder'),
    ('58214004', 1, 'severe-mental-illness', 'MENTAL', 'Schizophrenia');

-- Peer profiles: status replaces the active flag as the record of fact; active stays, derived, for the API and
-- for writers that know only it.
ALTER TABLE peer
    ADD COLUMN status          TEXT,
    ADD COLUMN gender_identity TEXT,
    ADD COLUMN age_band        TEXT,
    ADD COLUMN culture         TEXT,
    ADD COLUMN faith           TEXT,
    ADD COLUMN localities      JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN availability    JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN training        JSONB,
    ADD COLUMN supervisor_id   UUID,
    ADD COLUMN boundaries      JSONB NOT NULL DEFAULT '{"experiences": [], "conditionGroups": []}';
UPDATE peer SET status = CASE WHEN active THEN 'ACTIVE' ELSE 'ON_LEAVE' END;
ALTER TABLE peer
    ALTER COLUMN status SET NOT NULL,
    ADD CONSTRAINT peer_status CHECK (status IN ('ACTIVE', 'ON_LEAVE', 'LEFT'));
UPDATE peer SET lived_experience = (
    SELECT coalesce(jsonb_agg(c || '{"period": "CURRENT"}'), '[]') FROM jsonb_array_elements(lived_experience) c);
CREATE INDEX peer_supervisor ON peer (supervisor_id) WHERE supervisor_id IS NOT NULL;

-- Keeps active and status in step whoever writes: a write of active alone moves status (true: ACTIVE,
-- false: ON_LEAVE unless LEFT); otherwise active follows status.
CREATE FUNCTION peer_active_follows_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.status = OLD.status AND NEW.active IS DISTINCT FROM OLD.active THEN
        NEW.status := CASE WHEN NEW.active THEN 'ACTIVE' WHEN OLD.status = 'LEFT' THEN 'LEFT' ELSE 'ON_LEAVE' END;
    ELSIF TG_OP = 'INSERT' AND NEW.status IS NULL THEN
        NEW.status := CASE WHEN NEW.active THEN 'ACTIVE' ELSE 'ON_LEAVE' END;
    END IF;
    NEW.active := NEW.status = 'ACTIVE';
    RETURN NEW;
END $$;
CREATE TRIGGER peer_active_follows_status BEFORE INSERT OR UPDATE ON peer
    FOR EACH ROW EXECUTE FUNCTION peer_active_follows_status();

-- Referrals: what else the person asked for, and the timeline of waiting and ending.
ALTER TABLE referral
    ADD COLUMN shared_culture_or_language BOOLEAN,
    ADD COLUMN locality                   TEXT,
    ADD COLUMN culture                    TEXT,
    ADD COLUMN availability               JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN experiences                JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN waiting_since              TIMESTAMPTZ,
    ADD COLUMN ended_at                   TIMESTAMPTZ,
    ADD COLUMN end_reason                 TEXT;
UPDATE referral SET waiting_since = updated_at WHERE status = 'WAITING';
CREATE INDEX referral_waiting ON referral (waiting_since, id) WHERE status = 'WAITING';

-- The taxonomy version a proposal was scored with, so its reasons can be explained later.
ALTER TABLE proposal ADD COLUMN taxonomy_version INT REFERENCES taxonomy_version (version);
CREATE INDEX proposal_open_by_peer ON proposal (peer_id) WHERE status = 'PROPOSED';

-- Peers a coordinator ruled out for one person (they know each other, say): never proposed to them.
CREATE TABLE do_not_match (
    id          UUID PRIMARY KEY,
    referral_id UUID        NOT NULL REFERENCES referral (id),
    peer_id     UUID        NOT NULL REFERENCES peer (id),
    reason      TEXT        NOT NULL,
    recorded_by TEXT        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT do_not_match_once UNIQUE (referral_id, peer_id)
);
