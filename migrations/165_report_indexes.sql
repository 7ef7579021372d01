-- Indexes of the report section's oversight parts (issue 14): inspections recorded, follow-ups opened and tickets
-- received or resolved in a period are read by province and time, never by scanning every row.
CREATE INDEX inspections_recorded_idx ON inspections (province_code, recorded_at) WHERE state = 'recorded';
CREATE INDEX inspection_follow_ups_created_idx ON inspection_follow_ups (province_code, created_at);
CREATE INDEX tickets_created_idx ON tickets (province_code, created_at);
CREATE INDEX tickets_resolved_idx ON tickets (province_code, resolved_at) WHERE resolved_at IS NOT NULL;
