-- The cable summary from aggregates kept current in the same transaction as each write (issue 15), so its cost
-- does not grow with the ledger: per province, carrier scope, kind and calendar day, what the routes of that day
-- add to the figures. Statement triggers with transition tables keep it set-based (an import of 10,000 routes is
-- one update of the aggregate, not 10,000).
--
-- carrier_id 0 is "every carrier"; any other id holds the routes naming that carrier (a shared route counts,
-- whole, for each of its carriers, as the summary's carrier scope and carrier grouping count it).
-- A route adds, on its kind:
--   day '-infinity': routes + 1 (the route exists: its kind has a row in the table whatever the period);
--   completed_on: completed_routes + 1, completed_m + length;
--   started_on: building_routes + 1, building_m + length, and on completed_on (when it had started) the same
--   taken back, so "under construction at the end of a period" is the sum of the days up to that end.
-- A pole adds first_done_poles + 1 on the first completion day of the routes of that kind naming it (per carrier
-- scope): the distinct poles of the routes done by a date are the sum of the days up to it. Poles of a period
-- that has a start are not additive over days; the summary counts those on the routes completed in the period
-- (cable_routes_report_idx), which grows with the period, not with the ledger.
-- Lengths are numeric, so adding and taking back the same length leaves no rounding behind.

CREATE TABLE cable_summary_days (
  province_code     text NOT NULL,
  carrier_id        integer NOT NULL,
  kind              text NOT NULL,
  day               date NOT NULL,
  routes            integer NOT NULL DEFAULT 0,
  completed_routes  integer NOT NULL DEFAULT 0,
  completed_m       numeric NOT NULL DEFAULT 0,
  building_routes   integer NOT NULL DEFAULT 0,
  building_m        numeric NOT NULL DEFAULT 0,
  first_done_poles  integer NOT NULL DEFAULT 0,
  PRIMARY KEY (province_code, carrier_id, kind, day)
);

-- Each pole's first completion day per kind and carrier scope of the completed routes naming it.
CREATE TABLE pole_first_done (
  pole_id        bigint NOT NULL,
  province_code  text NOT NULL,
  kind           text NOT NULL,
  carrier_id     integer NOT NULL,
  first_on       date NOT NULL
);
CREATE INDEX pole_first_done_pole_idx ON pole_first_done (pole_id);

-- Adds (sign 1) or takes back (sign -1) what the routes given as JSON rows contribute.
CREATE FUNCTION cable_summary_add_routes(rows_json jsonb, sign integer) RETURNS void
LANGUAGE sql VOLATILE AS $$
  INSERT INTO cable_summary_days AS a
         (province_code, carrier_id, kind, day, routes, completed_routes, completed_m, building_routes, building_m)
  SELECT r.province_code, sc.carrier_id, r.kind, x.day,
         sum(sign * x.routes), sum(sign * x.completed), sum(sign * x.completed_m),
         sum(sign * x.building), sum(sign * x.building_m)
    FROM jsonb_to_recordset(rows_json) AS r(province_code text, kind text, carrier_ids integer[],
                                              started_on date, completed_on date, length_m double precision)
   CROSS JOIN LATERAL (SELECT DISTINCT c FROM unnest(ARRAY[0] || r.carrier_ids) c) sc(carrier_id)
   CROSS JOIN LATERAL (VALUES
     ('-infinity'::date, 1, 0, 0::numeric, 0, 0::numeric),
     (r.completed_on, 0, 1, r.length_m::numeric, 0, 0::numeric),
     (r.started_on, 0, 0, 0::numeric, 1, r.length_m::numeric),
     (CASE WHEN r.started_on IS NOT NULL THEN r.completed_on END, 0, 0, 0::numeric, -1, -r.length_m::numeric)
   ) x(day, routes, completed, completed_m, building, building_m)
   WHERE x.day IS NOT NULL
   GROUP BY 1, 2, 3, 4
  ON CONFLICT (province_code, carrier_id, kind, day) DO UPDATE
     SET routes = a.routes + excluded.routes,
         completed_routes = a.completed_routes + excluded.completed_routes,
         completed_m = a.completed_m + excluded.completed_m,
         building_routes = a.building_routes + excluded.building_routes,
         building_m = a.building_m + excluded.building_m
$$;

-- Recomputes the first completion days of the given poles and moves the day counts accordingly (one statement:
-- the rows taken away and those made again are netted per day).
CREATE FUNCTION cable_summary_refresh_poles(pole_ids bigint[]) RETURNS void
LANGUAGE sql VOLATILE AS $$
  WITH t AS (
    SELECT DISTINCT id FROM unnest(pole_ids) id
  ), gone AS (
    DELETE FROM pole_first_done f USING t WHERE f.pole_id = t.id
    RETURNING f.province_code, f.kind, f.carrier_id, f.first_on
  ), made AS (
    INSERT INTO pole_first_done (pole_id, province_code, kind, carrier_id, first_on)
    SELECT rp.pole_id, r.province_code, r.kind, sc.carrier_id, min(r.completed_on)
      FROM t
      JOIN route_poles rp ON rp.pole_id = t.id
      JOIN cable_routes r ON r.id = rp.route_id
     CROSS JOIN LATERAL (SELECT DISTINCT c FROM unnest(ARRAY[0] || r.carrier_ids) c) sc(carrier_id)
     WHERE r.completed_on IS NOT NULL
     GROUP BY 1, 2, 3, 4
    RETURNING province_code, kind, carrier_id, first_on
  )
  INSERT INTO cable_summary_days AS a (province_code, carrier_id, kind, day, first_done_poles)
  SELECT province_code, carrier_id, kind, first_on, sum(n)
    FROM (SELECT province_code, kind, carrier_id, first_on, -1 AS n FROM gone
          UNION ALL
          SELECT province_code, kind, carrier_id, first_on, 1 FROM made) d
   GROUP BY 1, 2, 3, 4
  HAVING sum(n) <> 0
  ON CONFLICT (province_code, carrier_id, kind, day) DO UPDATE
     SET first_done_poles = a.first_done_poles + excluded.first_done_poles
$$;

-- The figures of cable_routes: what the old rows gave is taken back, what the new rows give is added; the poles
-- of routes whose kind, carriers or completion changed get their first days again.
CREATE FUNCTION cable_summary_routes_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cols CONSTANT text := 'province_code, kind, carrier_ids, started_on, completed_on, length_m';
  changed bigint[];
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM cable_summary_add_routes(
      (SELECT coalesce(jsonb_agg(jsonb_build_object('province_code', o.province_code, 'kind', o.kind,
         'carrier_ids', o.carrier_ids, 'started_on', o.started_on, 'completed_on', o.completed_on,
         'length_m', o.length_m)), '[]') FROM old_rows o), -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM cable_summary_add_routes(
      (SELECT coalesce(jsonb_agg(jsonb_build_object('province_code', n.province_code, 'kind', n.kind,
         'carrier_ids', n.carrier_ids, 'started_on', n.started_on, 'completed_on', n.completed_on,
         'length_m', n.length_m)), '[]') FROM new_rows n), 1);
  END IF;
  IF TG_OP = 'UPDATE' THEN
    changed := ARRAY(
      SELECT rp.pole_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN route_poles rp ON rp.route_id = n.id
       WHERE (n.kind, n.carrier_ids, n.completed_on, n.province_code)
             IS DISTINCT FROM (o.kind, o.carrier_ids, o.completed_on, o.province_code));
    PERFORM cable_summary_refresh_poles(changed);
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION cable_summary_route_poles_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM cable_summary_refresh_poles(ARRAY(SELECT pole_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM cable_summary_refresh_poles(ARRAY(SELECT pole_id FROM old_rows));
  ELSE
    PERFORM cable_summary_refresh_poles(ARRAY(SELECT pole_id FROM old_rows UNION SELECT pole_id FROM new_rows));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER cable_routes_summary_ins AFTER INSERT ON cable_routes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cable_summary_routes_changed();
CREATE TRIGGER cable_routes_summary_upd AFTER UPDATE ON cable_routes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cable_summary_routes_changed();
CREATE TRIGGER cable_routes_summary_del AFTER DELETE ON cable_routes
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cable_summary_routes_changed();
CREATE TRIGGER route_poles_summary_ins AFTER INSERT ON route_poles
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cable_summary_route_poles_changed();
CREATE TRIGGER route_poles_summary_upd AFTER UPDATE ON route_poles
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cable_summary_route_poles_changed();
CREATE TRIGGER route_poles_summary_del AFTER DELETE ON route_poles
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cable_summary_route_poles_changed();

-- The ledger already recorded.
SELECT cable_summary_add_routes(
  (SELECT coalesce(jsonb_agg(jsonb_build_object('province_code', r.province_code, 'kind', r.kind,
     'carrier_ids', r.carrier_ids, 'started_on', r.started_on, 'completed_on', r.completed_on,
     'length_m', r.length_m)), '[]') FROM cable_routes r), 1);
SELECT cable_summary_refresh_poles(ARRAY(SELECT DISTINCT pole_id FROM route_poles));
