-- The conversion dashboard from counts kept current in the same transaction as each write (issue 15), so its
-- cost follows phases, carriers, districts, statuses and days, not the number of items.
--
-- Every item counts in four scopes: its carrier and district, every carrier (carrier_id 0) in its district, its
-- carrier in every district (district_code '*'), and both; an item with no district has district_code ''. A
-- dashboard filtered by carrier and/or district reads its scope's rows and nothing else. Overdue depends on
-- today, so the counts keep the due date and the dashboard sums those before today.

CREATE TABLE conversion_item_counts (
  programme_id   integer NOT NULL,
  phase_id       integer NOT NULL,
  carrier_id     integer NOT NULL,
  district_code  text NOT NULL,
  status         text NOT NULL,
  due_date       date NOT NULL,
  n              integer NOT NULL,
  PRIMARY KEY (programme_id, carrier_id, district_code, phase_id, status, due_date)
);

-- Items verified per Vietnamese calendar day, in the same four scopes: the burn-up and the recent pace.
CREATE TABLE conversion_verified_days (
  programme_id   integer NOT NULL,
  carrier_id     integer NOT NULL,
  district_code  text NOT NULL,
  day            date NOT NULL,
  n              integer NOT NULL,
  PRIMARY KEY (programme_id, carrier_id, district_code, day)
);

-- The dashboard's ten most overdue items, without sorting the programme.
CREATE INDEX conversion_items_open_due_idx ON conversion_items (programme_id, due_date, id) WHERE status <> 'verified';

-- Adds (sign 1) or takes back (sign -1) what the items given as JSON rows count.
CREATE FUNCTION conversion_counts_add(rows_json jsonb, sign integer) RETURNS void
LANGUAGE sql VOLATILE AS $$
  WITH r AS (
    SELECT * FROM jsonb_to_recordset(rows_json) AS r(programme_id integer, phase_id integer, carrier_id integer,
                                                      district_code text, status text, due_date date, verified_day date)
  ), scoped AS (
    SELECT r.programme_id, r.phase_id, sc.c, sd.d, r.status, r.due_date, r.verified_day
      FROM r
     CROSS JOIN LATERAL (VALUES (r.carrier_id), (0)) sc(c)
     CROSS JOIN LATERAL (VALUES (coalesce(r.district_code, '')), ('*')) sd(d)
  ), counts AS (
    INSERT INTO conversion_item_counts AS a (programme_id, phase_id, carrier_id, district_code, status, due_date, n)
    SELECT programme_id, phase_id, c, d, status, due_date, (sign * count(*))::int FROM scoped GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (programme_id, carrier_id, district_code, phase_id, status, due_date) DO UPDATE SET n = a.n + excluded.n
  )
  INSERT INTO conversion_verified_days AS v (programme_id, carrier_id, district_code, day, n)
  SELECT programme_id, c, d, verified_day, (sign * count(*))::int
    FROM scoped WHERE status = 'verified' AND verified_day IS NOT NULL
   GROUP BY 1, 2, 3, 4
  ON CONFLICT (programme_id, carrier_id, district_code, day) DO UPDATE SET n = v.n + excluded.n
$$;

-- The JSON rows of a set of items with their station's district (the dashboard's district is the station's).
CREATE FUNCTION conversion_counts_rows(items jsonb) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT coalesce(jsonb_agg(jsonb_build_object(
           'programme_id', i.programme_id, 'phase_id', i.phase_id, 'carrier_id', i.carrier_id,
           'district_code', coalesce(i.district_code, s.district_code), 'status', i.status, 'due_date', i.due_date,
           'verified_day', (i.verified_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)), '[]')
    FROM jsonb_to_recordset(items) AS i(programme_id integer, phase_id integer, carrier_id integer, station_id bigint,
                                        district_code text, status text, due_date date, verified_at timestamptz)
    LEFT JOIN stations s ON s.id = i.station_id
$$;

CREATE FUNCTION conversion_items_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM conversion_counts_add(conversion_counts_rows((
      SELECT coalesce(jsonb_agg(jsonb_build_object('programme_id', o.programme_id, 'phase_id', o.phase_id,
               'carrier_id', o.carrier_id, 'station_id', o.station_id, 'status', o.status, 'due_date', o.due_date,
               'verified_at', o.verified_at)), '[]')
        FROM old_rows o)), -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM conversion_counts_add(conversion_counts_rows((
      SELECT coalesce(jsonb_agg(jsonb_build_object('programme_id', n.programme_id, 'phase_id', n.phase_id,
               'carrier_id', n.carrier_id, 'station_id', n.station_id, 'status', n.status, 'due_date', n.due_date,
               'verified_at', n.verified_at)), '[]')
        FROM new_rows n)), 1);
  END IF;
  RETURN NULL;
END
$$;

-- A station's district changes (a boundary re-derive, an edit): its items move from the old district's counts.
CREATE FUNCTION conversion_station_district_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  moved jsonb;
BEGIN
  SELECT coalesce(jsonb_agg(jsonb_build_object('programme_id', i.programme_id, 'phase_id', i.phase_id,
           'carrier_id', i.carrier_id, 'station_id', i.station_id, 'status', i.status, 'due_date', i.due_date,
           'verified_at', i.verified_at, 'old_district', o.district_code)), '[]')
    INTO moved
    FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN conversion_items i ON i.station_id = n.id
   WHERE n.district_code IS DISTINCT FROM o.district_code;
  IF jsonb_array_length(moved) > 0 THEN
    -- The old district given explicitly ('' when it had none), the new one read from the station.
    PERFORM conversion_counts_add(conversion_counts_rows((
      SELECT jsonb_agg(e || jsonb_build_object('district_code', coalesce(e->>'old_district', '')))
        FROM jsonb_array_elements(moved) e)), -1);
    PERFORM conversion_counts_add(conversion_counts_rows(moved), 1);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER conversion_items_counted_ins AFTER INSERT ON conversion_items
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION conversion_items_counted();
CREATE TRIGGER conversion_items_counted_upd AFTER UPDATE ON conversion_items
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION conversion_items_counted();
CREATE TRIGGER conversion_items_counted_del AFTER DELETE ON conversion_items
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION conversion_items_counted();
CREATE TRIGGER stations_conversion_district AFTER UPDATE ON stations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION conversion_station_district_changed();

-- The items already recorded.
SELECT conversion_counts_add(conversion_counts_rows((
  SELECT coalesce(jsonb_agg(jsonb_build_object('programme_id', i.programme_id, 'phase_id', i.phase_id,
           'carrier_id', i.carrier_id, 'station_id', i.station_id, 'status', i.status, 'due_date', i.due_date,
           'verified_at', i.verified_at)), '[]')
    FROM conversion_items i)), 1);
