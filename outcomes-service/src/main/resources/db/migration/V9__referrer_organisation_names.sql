-- Referring organisations' names as the referrals carried them (referral.received's optional
-- referrerOrganisationName), so commissioners see the name beside the ODS code. One row per code: the name of the
-- latest referral received with one (by receipt, whatever order events arrive in; a tie goes to the name that sorts
-- last, so a rebuild picks the same). An organisation's name is not personal data.
CREATE TABLE referrer_organisation (
    ods_code TEXT        PRIMARY KEY,
    name     TEXT        NOT NULL,
    named_at TIMESTAMPTZ NOT NULL
);

CREATE TRIGGER referrer_organisation_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON referrer_organisation
    FOR EACH STATEMENT EXECUTE FUNCTION read_model_version_bump();
