-- The referring organisation's name as the referral carried it (FHIR: the requester's or sender's Organization;
-- REST: referrer.organisationName), published in referral.received so commissioners see it beside the ODS code.
-- An organisation's name is not personal data: erasure keeps it, as it keeps the ODS code.
ALTER TABLE referral ADD COLUMN referrer_organisation_name TEXT;
