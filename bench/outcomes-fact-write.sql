-- One referral.received as outcomes-service writes it (ReferralFacts.RECEIVED): a new referral fact, whose triggers
-- keep the dashboard's per-day rows. Dimensions drawn at random from a GP-fed service's spread. For pgbench.
\set rt random(0, 3)
\set ods random(1, 40)
\set cg random(0, 9)
\set imd random(1, 10)
\set age random(0, 6)
\set g random(0, 3)
INSERT INTO referral_fact AS f (referral_id, received_at, referrer_type, referrer_ods_code, condition_kinds,
    condition_codes, age_band, gender, imd_decile, condition_group, condition_mapping_version, received_day)
VALUES (gen_random_uuid(), now(), (ARRAY['GP_PRACTICE', 'LINK_WORKER', 'SELF', 'OTHER'])[:rt + 1],
    'B8' || lpad(:ods::text, 4, '0'), ARRAY['PHYSICAL'], ARRAY['44054006'],
    (ARRAY['16-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75+'])[:age + 1],
    (ARRAY['FEMALE', 'MALE', 'OTHER', 'UNKNOWN'])[:g + 1], :imd, 'group-' || :cg, 1,
    (now() AT TIME ZONE 'Europe/London')::date)
ON CONFLICT (referral_id) DO NOTHING;
