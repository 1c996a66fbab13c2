-- FHIR intake returns what the referrer sent: the ServiceRequest elements Alongside's own columns do not hold
-- (identifiers, intent, priority, authoredOn, occurrence, codes), as FHIR JSON. Erased with the free text.
ALTER TABLE referral ADD COLUMN fhir_request TEXT;

-- Each BaRS message that created (or found) a referral, by its identity scoped to the sender, so that a resend
-- gets the same response and creates nothing (FHIR messaging's reliable delivery). Written in the transaction
-- that creates the referral. No personal data: ids only.
CREATE TABLE fhir_message (
    sender      TEXT        NOT NULL,
    bundle_id   TEXT        NOT NULL,
    header_id   TEXT        NOT NULL,
    referral_id UUID        NOT NULL REFERENCES referral (id),
    response_id UUID        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (sender, bundle_id)
);
CREATE INDEX fhir_message_referral ON fhir_message (referral_id);
