-- Finding a person by name ignores case and accents (Zoë, ZOE, zoe): unaccent is a trusted extension, so the
-- database owner may create it.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE INDEX referral_birth_date ON referral (birth_date) WHERE birth_date IS NOT NULL;
CREATE INDEX referral_matched_peer ON referral (matched_peer_id) WHERE matched_peer_id IS NOT NULL;
