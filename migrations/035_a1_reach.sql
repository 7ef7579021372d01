-- The A1 reach limit (TTLT 15/2016, domain.md): a non-bulky mast on a building reaches at most 0,5 m beyond the
-- building edge. The limit is per-province rule data; each station records how far its structure reaches.
ALTER TABLE station_rules
  ADD COLUMN a1_max_reach_m numeric NOT NULL DEFAULT 0.5 CHECK (a1_max_reach_m >= 0 AND a1_max_reach_m <= 10);

-- Optional in the table because stations recorded before this column have no value; the API requires it for A1.
ALTER TABLE stations
  ADD COLUMN reach_beyond_edge_m numeric CHECK (reach_beyond_edge_m >= 0 AND reach_beyond_edge_m <= 50),
  ADD CONSTRAINT stations_reach_on_building CHECK (mast_class <> 'A2b' OR reach_beyond_edge_m IS NULL);
