-- When an officer last confirmed a province's rule values: national defaults written at first start stay
-- "not reviewed" on the administrator's first-run checklist until someone saves them.
ALTER TABLE station_rules ADD COLUMN reviewed_at timestamptz;
