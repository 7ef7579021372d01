-- Boundary lifecycle: one SQL definition of "the units in force on a date", the one way a point gets its
-- district, the one way a route's length is split by district, and demo boundaries marked as demo so a real
-- file starting on or before them replaces them.

ALTER TABLE admin_units ADD COLUMN is_demo boolean NOT NULL DEFAULT false;
UPDATE admin_units SET is_demo = true WHERE source = 'demo';

-- The units in force on a date: valid_from <= d < valid_to. A plain SQL function, so the planner inlines it
-- and the GiST index on geom still serves every spatial join over it.
CREATE FUNCTION units_in_force(on_date date) RETURNS SETOF admin_units
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT * FROM admin_units WHERE valid_from <= on_date AND (valid_to IS NULL OR valid_to > on_date)
$$;

-- The district of a province containing a point on a date; a point on a shared border goes to the lower code.
-- Creation (stations, poles) and re-derivation after a boundary import both call this.
CREATE FUNCTION district_at(province text, pt geometry, on_date date) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT u.code FROM units_in_force(on_date) u
   WHERE u.level = 'district' AND u.province_code = province AND u.geom && pt AND ST_Intersects(u.geom, pt)
   ORDER BY u.code LIMIT 1
$$;

-- The name of a district code on a date (names change with versions).
CREATE FUNCTION district_name(district text, on_date date) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT u.name FROM units_in_force(on_date) u
   WHERE u.level = 'district' AND u.code = district ORDER BY u.province_code LIMIT 1
$$;

-- Route lengths are stored per district *version* (every vintage of the route's province), so a figure asked
-- on any date sums the rows of the units in force that day. The part outside every district is not stored: it
-- depends on the date, and route_district_split computes it.
CREATE FUNCTION split_route_lengths(route_ids bigint[]) RETURNS bigint
LANGUAGE sql VOLATILE AS $$
  DELETE FROM route_district_lengths WHERE route_id = ANY (route_ids);
  WITH inserted AS (
    INSERT INTO route_district_lengths (route_id, unit_id, district_code, length_m)
    SELECT route_id, unit_id, district_code, length_m FROM (
      SELECT r.id AS route_id, d.id AS unit_id, d.code AS district_code,
             ST_Length(ST_CollectionExtract(ST_Intersection(r.geom, d.geom), 2)::geography, true) AS length_m
        FROM cable_routes r
        JOIN admin_units d ON d.level = 'district' AND d.province_code = r.province_code
                          AND d.geom && r.geom AND ST_Intersects(d.geom, r.geom)
       WHERE r.id = ANY (route_ids)
    ) inside
    WHERE length_m > 0
    RETURNING 1
  )
  SELECT count(*) FROM inserted
$$;

-- Each route's length by the districts in force on a date, plus the part outside all of them (district NULL;
-- a centimetre of difference is rounding in the split, not cable outside the districts). No CTE, so a filter
-- on route_id reaches both branches once the planner inlines the function.
CREATE FUNCTION route_district_split(on_date date)
RETURNS TABLE (route_id bigint, unit_id bigint, district_code text, length_m double precision)
LANGUAGE sql STABLE AS $$
  SELECT l.route_id, l.unit_id, l.district_code, l.length_m
    FROM route_district_lengths l JOIN units_in_force(on_date) u ON u.id = l.unit_id
  UNION ALL
  SELECT r.id, NULL::bigint, NULL::text, r.length_m - o.inside_m
    FROM cable_routes r
   CROSS JOIN LATERAL (
     SELECT coalesce(sum(l.length_m), 0) AS inside_m
       FROM route_district_lengths l JOIN units_in_force(on_date) u ON u.id = l.unit_id
      WHERE l.route_id = r.id
   ) o
   WHERE r.length_m - o.inside_m >= 0.01
$$;

-- Existing splits were of the current versions only, with the outside part stored: split again by every version.
DELETE FROM route_district_lengths WHERE unit_id IS NULL;
SELECT split_route_lengths(array_agg(id)) FROM cable_routes HAVING count(*) > 0;
