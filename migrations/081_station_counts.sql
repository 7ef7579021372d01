-- Station counts from an aggregate kept current in the same transaction as each write (issue 15), so the totals a
-- page shows (a list's total, the published stations, an event's stations) do not scan every station at each
-- request. One row per combination of the columns those pages filter on, with how many stations have it;
-- statement triggers with transition tables keep it set-based (an import or a boundary re-derivation of 10,000
-- stations is one update of the aggregate).
--
-- The columns carry the stations' names, so the same conditions (stationScope, the list filters) read both:
--   district_code '' for a station in no district;
--   valid_to the end date of a temporary station, '-infinity' for any other (the public sees a temporary station
--   while valid_to >= today, so the count follows the date without a write);
--   event_id 0 for a station of no event.

CREATE TABLE station_counts (
  province_code  text NOT NULL,
  carrier_id     integer NOT NULL,
  state          text NOT NULL,
  district_code  text NOT NULL,
  mast_class     text NOT NULL,
  temporary      boolean NOT NULL,
  valid_to       date NOT NULL,
  event_id       integer NOT NULL,
  n              integer NOT NULL,
  PRIMARY KEY (province_code, carrier_id, state, district_code, mast_class, temporary, valid_to, event_id)
);

-- What the old rows gave is taken back, what the new rows give is added, netted per key in key order (so two
-- writers touching the same keys lock them in the same order); an update that changes none of the columns
-- (a rule check, an address) nets to nothing and writes nothing.
CREATE FUNCTION station_counts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO station_counts AS a (province_code, carrier_id, state, district_code, mast_class, temporary, valid_to,
                                   event_id, n)
  SELECT province_code, carrier_id, state, district_code, mast_class, temporary, valid_to, event_id, sum(d)
    FROM (
      SELECT o.province_code, o.carrier_id, o.state, coalesce(o.district_code, '') AS district_code, o.mast_class,
             o.temporary, CASE WHEN o.temporary THEN o.valid_to ELSE '-infinity' END AS valid_to,
             coalesce(o.event_id, 0) AS event_id, -1 AS d
        FROM old_rows o
      UNION ALL
      SELECT w.province_code, w.carrier_id, w.state, coalesce(w.district_code, ''), w.mast_class,
             w.temporary, CASE WHEN w.temporary THEN w.valid_to ELSE '-infinity' END,
             coalesce(w.event_id, 0), 1
        FROM new_rows w
    ) d
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  HAVING sum(d) <> 0
   ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (province_code, carrier_id, state, district_code, mast_class, temporary, valid_to, event_id)
  DO UPDATE SET n = a.n + excluded.n;
  RETURN NULL;
END
$$;

-- An insert adds its rows, a delete takes its rows back.
CREATE FUNCTION station_counts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO station_counts AS a (province_code, carrier_id, state, district_code, mast_class, temporary, valid_to,
                                   event_id, n)
  SELECT w.province_code, w.carrier_id, w.state, coalesce(w.district_code, ''), w.mast_class, w.temporary,
         CASE WHEN w.temporary THEN w.valid_to ELSE '-infinity' END, coalesce(w.event_id, 0), count(*)
    FROM new_rows w
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
   ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (province_code, carrier_id, state, district_code, mast_class, temporary, valid_to, event_id)
  DO UPDATE SET n = a.n + excluded.n;
  RETURN NULL;
END
$$;

CREATE FUNCTION station_counts_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO station_counts AS a (province_code, carrier_id, state, district_code, mast_class, temporary, valid_to,
                                   event_id, n)
  SELECT o.province_code, o.carrier_id, o.state, coalesce(o.district_code, ''), o.mast_class, o.temporary,
         CASE WHEN o.temporary THEN o.valid_to ELSE '-infinity' END, coalesce(o.event_id, 0), -count(*)
    FROM old_rows o
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
   ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (province_code, carrier_id, state, district_code, mast_class, temporary, valid_to, event_id)
  DO UPDATE SET n = a.n + excluded.n;
  RETURN NULL;
END
$$;

CREATE TRIGGER stations_counts_ins AFTER INSERT ON stations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION station_counts_inserted();
CREATE TRIGGER stations_counts_upd AFTER UPDATE ON stations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION station_counts_changed();
CREATE TRIGGER stations_counts_del AFTER DELETE ON stations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION station_counts_deleted();

-- The stations already recorded.
INSERT INTO station_counts (province_code, carrier_id, state, district_code, mast_class, temporary, valid_to,
                            event_id, n)
SELECT province_code, carrier_id, state, coalesce(district_code, ''), mast_class, temporary,
       CASE WHEN temporary THEN valid_to ELSE '-infinity' END, coalesce(event_id, 0), count(*)
  FROM stations
 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
