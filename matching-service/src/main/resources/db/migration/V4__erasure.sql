-- Erasure at the end of a referral's retention period (docs/information-governance.md): the person's needs,
-- preferences and every note about them go; the coded rows (status, dates, the matched peer, scores) stay.
ALTER TABLE referral ADD COLUMN erased_at TIMESTAMPTZ;
ALTER TABLE do_not_match ALTER COLUMN reason DROP NOT NULL;
