-- The cable summary's poles by district from an aggregate (issue 11: the summary page on the embedded database),
-- kept like cable_summary_days (070/071) in the same transaction as each write: per province, carrier scope, kind,
-- the pole's district (its stored district_code, '-' outside every district) and calendar day, the poles whose
-- first completion day that is. The distinct poles of the routes done by a date, per district, are then the sum of
-- the days up to it, without joining 150,000 route poles. A pole that changes district (a move, a boundary
-- re-derivation) takes its counts along.

ALTER TABLE pole_first_done ADD COLUMN district_code text NOT NULL DEFAULT '-';
UPDATE pole_first_done f SET district_code = coalesce(p.district_code, '-') FROM poles p WHERE p.id = f.pole_id;

CREATE TABLE cable_pole_district_days (
  province_code  text NOT NULL,
  carrier_id     integer NOT NULL,
  kind           text NOT NULL,
  district_code  text NOT NULL,
  day            date NOT NULL,
  poles          integer NOT NULL DEFAULT 0,
  PRIMARY KEY (province_code, carrier_id, kind, district_code, day)
);
INSERT INTO cable_pole_district_days (province_code, carrier_id, kind, district_code, day, poles)
SELECT province_code, carrier_id, kind, district_code, first_on, count(*)
  FROM pole_first_done
 GROUP BY 1, 2, 3, 4, 5;

-- As in 071, the first days of the given poles made again, and the day counts moved by what changed: now also
-- per district (the district a row was counted in travels with it, so a pole deleted meanwhile is taken back where
-- it was counted). Both counts are written by the one statement (a data-modifying WITH runs to completion).
CREATE OR REPLACE FUNCTION cable_summary_refresh_poles_of(pole_ids bigint[]) RETURNS void
LANGUAGE sql VOLATILE AS $$
  WITH t AS (
    SELECT DISTINCT id FROM unnest(pole_ids) id
  ), gone AS (
    DELETE FROM pole_first_done f USING t WHERE f.pole_id = t.id
    RETURNING f.province_code, f.kind, f.carrier_id, f.first_on, f.district_code
  ), made AS (
    INSERT INTO pole_first_done (pole_id, province_code, kind, carrier_id, first_on, district_code)
    SELECT rp.pole_id, r.province_code, r.kind, sc.carrier_id, min(r.completed_on), coalesce(p.district_code, '-')
      FROM t
      JOIN route_poles rp ON rp.pole_id = t.id
      JOIN cable_routes r ON r.id = rp.route_id
      JOIN poles p ON p.id = rp.pole_id
     CROSS JOIN LATERAL (SELECT DISTINCT c FROM unnest(ARRAY[0] || r.carrier_ids) c) sc(carrier_id)
     WHERE r.completed_on IS NOT NULL
     GROUP BY 1, 2, 3, 4, 6
    RETURNING province_code, kind, carrier_id, first_on, district_code
  ), moved AS (
    SELECT province_code, kind, carrier_id, first_on, district_code, -1 AS n FROM gone
    UNION ALL
    SELECT province_code, kind, carrier_id, first_on, district_code, 1 FROM made
  ), by_day AS (
    INSERT INTO cable_summary_days AS a (province_code, carrier_id, kind, day, first_done_poles)
    SELECT province_code, carrier_id, kind, first_on, sum(n)
      FROM moved
     GROUP BY 1, 2, 3, 4
    HAVING sum(n) <> 0
    ON CONFLICT (province_code, carrier_id, kind, day) DO UPDATE
       SET first_done_poles = a.first_done_poles + excluded.first_done_poles
  )
  INSERT INTO cable_pole_district_days AS a (province_code, carrier_id, kind, district_code, day, poles)
  SELECT province_code, carrier_id, kind, district_code, first_on, sum(n)
    FROM moved
   GROUP BY 1, 2, 3, 4, 5
  HAVING sum(n) <> 0
  ON CONFLICT (province_code, carrier_id, kind, district_code, day) DO UPDATE
     SET poles = a.poles + excluded.poles
$$;

-- A pole whose district changed moves its first-day rows, and their counts, to the new district.
CREATE FUNCTION cable_summary_poles_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH moved AS (
    SELECT n.id, coalesce(n.district_code, '-') AS new_code
      FROM new_rows n JOIN old_rows o ON o.id = n.id
     WHERE n.district_code IS DISTINCT FROM o.district_code
  ), changed AS (
    UPDATE pole_first_done f SET district_code = m.new_code
      FROM moved m, pole_first_done before
     WHERE f.pole_id = m.id AND before.pole_id = f.pole_id AND before.kind = f.kind
       AND before.carrier_id = f.carrier_id AND f.district_code <> m.new_code
    RETURNING f.province_code, f.kind, f.carrier_id, f.first_on, before.district_code AS old_code, m.new_code
  )
  INSERT INTO cable_pole_district_days AS a (province_code, carrier_id, kind, district_code, day, poles)
  SELECT province_code, carrier_id, kind, code, first_on, sum(n)
    FROM (SELECT province_code, carrier_id, kind, old_code AS code, first_on, -1 AS n FROM changed
          UNION ALL
          SELECT province_code, carrier_id, kind, new_code, first_on, 1 FROM changed) d
   GROUP BY 1, 2, 3, 4, 5
  HAVING sum(n) <> 0
  ON CONFLICT (province_code, carrier_id, kind, district_code, day) DO UPDATE
     SET poles = a.poles + excluded.poles;
  RETURN NULL;
END
$$;
CREATE TRIGGER poles_summary_district AFTER UPDATE ON poles
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cable_summary_poles_moved();
