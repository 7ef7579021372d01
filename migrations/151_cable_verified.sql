-- Cable routes verified in the field (issue 13): a route is verified while its latest decisive inspection (recorded,
-- compliant or violation; "no access" decides nothing) is compliant. The summary shows, beside the routes the
-- carriers declared completed, those of them verified; the figures are kept in the summary's aggregate
-- (cable_summary_days, migration 070) in the same transaction as the inspection or the route that changes them.
--
-- A verified route adds, on its completion day and for each carrier scope (0 = every carrier, and each carrier it
-- names): verified_routes + 1, verified_m + its length. A route not completed adds nothing until it is.

CREATE TABLE cable_route_verifications (
  route_id       bigint PRIMARY KEY,  -- no foreign key: the route's delete trigger takes its figures back first
  province_code  text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  inspection_id  bigint NOT NULL REFERENCES inspections (id),
  verified       boolean NOT NULL,
  checked_at     timestamptz NOT NULL
);

ALTER TABLE cable_summary_days
  ADD COLUMN verified_routes integer NOT NULL DEFAULT 0,
  ADD COLUMN verified_m numeric NOT NULL DEFAULT 0;

-- Adds (sign 1) or takes back (sign -1) the verified figures of the routes given as JSON rows.
CREATE FUNCTION cable_summary_add_verified(rows_json jsonb, sign integer) RETURNS void
LANGUAGE sql VOLATILE AS $$
  INSERT INTO cable_summary_days AS a (province_code, carrier_id, kind, day, verified_routes, verified_m)
  SELECT r.province_code, sc.carrier_id, r.kind, r.completed_on, sum(sign), sum(sign * r.length_m::numeric)
    FROM jsonb_to_recordset(rows_json) AS r(province_code text, kind text, carrier_ids integer[],
                                              completed_on date, length_m double precision)
   CROSS JOIN LATERAL (SELECT DISTINCT c FROM unnest(ARRAY[0] || r.carrier_ids) c) sc(carrier_id)
   WHERE r.completed_on IS NOT NULL
   GROUP BY 1, 2, 3, 4
  ON CONFLICT (province_code, carrier_id, kind, day) DO UPDATE
     SET verified_routes = a.verified_routes + excluded.verified_routes,
         verified_m = a.verified_m + excluded.verified_m
$$;

-- The summary's columns of the verified routes among `ids`, as JSON rows.
CREATE FUNCTION cable_verified_rows(ids bigint[]) RETURNS jsonb
LANGUAGE sql VOLATILE AS $$
  SELECT coalesce(jsonb_agg(jsonb_build_object('province_code', r.province_code, 'kind', r.kind,
           'carrier_ids', r.carrier_ids, 'completed_on', r.completed_on, 'length_m', r.length_m)), '[]')
    FROM cable_routes r JOIN cable_route_verifications v ON v.route_id = r.id
   WHERE r.id = ANY (ids) AND v.verified
$$;

-- An inspection of a route recorded: the route's latest decisive inspection is read again, and its figures move
-- from what they were to what they are now.
CREATE FUNCTION cable_verification_inspections_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched bigint[];
BEGIN
  touched := ARRAY(
    SELECT DISTINCT n.asset_id FROM new_rows n
     WHERE n.asset_kind = 'cable_route' AND n.state = 'recorded' AND n.verdict IN ('compliant', 'violation'));
  IF coalesce(cardinality(touched), 0) = 0 THEN
    RETURN NULL;
  END IF;
  PERFORM cable_summary_add_verified(cable_verified_rows(touched), -1);
  INSERT INTO cable_route_verifications AS v (route_id, province_code, inspection_id, verified, checked_at)
  SELECT DISTINCT ON (i.asset_id) i.asset_id, i.province_code, i.id, i.verdict = 'compliant', i.recorded_at
    FROM inspections i
   WHERE i.asset_kind = 'cable_route' AND i.asset_id = ANY (touched) AND i.state = 'recorded'
     AND i.verdict IN ('compliant', 'violation')
   ORDER BY i.asset_id, i.recorded_at DESC, i.id DESC
  ON CONFLICT (route_id) DO UPDATE
     SET province_code = excluded.province_code, inspection_id = excluded.inspection_id,
         verified = excluded.verified, checked_at = excluded.checked_at;
  PERFORM cable_summary_add_verified(cable_verified_rows(touched), 1);
  RETURN NULL;
END
$$;

CREATE TRIGGER inspections_cable_verification AFTER UPDATE ON inspections
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cable_verification_inspections_changed();

-- A verified route whose summary columns change moves its figures; a deleted one takes them back.
CREATE FUNCTION cable_verification_routes_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM cable_summary_add_verified((
      SELECT coalesce(jsonb_agg(jsonb_build_object('province_code', o.province_code, 'kind', o.kind,
               'carrier_ids', o.carrier_ids, 'completed_on', o.completed_on, 'length_m', o.length_m)), '[]')
        FROM old_rows o JOIN cable_route_verifications v ON v.route_id = o.id AND v.verified), -1);
    DELETE FROM cable_route_verifications v USING old_rows o WHERE v.route_id = o.id;
  ELSE
    PERFORM cable_summary_add_verified((
      SELECT coalesce(jsonb_agg(jsonb_build_object('province_code', o.province_code, 'kind', o.kind,
               'carrier_ids', o.carrier_ids, 'completed_on', o.completed_on, 'length_m', o.length_m)), '[]')
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        JOIN cable_route_verifications v ON v.route_id = o.id AND v.verified
       WHERE (n.province_code, n.kind, n.carrier_ids, n.completed_on, n.length_m)
             IS DISTINCT FROM (o.province_code, o.kind, o.carrier_ids, o.completed_on, o.length_m)), -1);
    PERFORM cable_summary_add_verified((
      SELECT coalesce(jsonb_agg(jsonb_build_object('province_code', n.province_code, 'kind', n.kind,
               'carrier_ids', n.carrier_ids, 'completed_on', n.completed_on, 'length_m', n.length_m)), '[]')
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        JOIN cable_route_verifications v ON v.route_id = n.id AND v.verified
       WHERE (n.province_code, n.kind, n.carrier_ids, n.completed_on, n.length_m)
             IS DISTINCT FROM (o.province_code, o.kind, o.carrier_ids, o.completed_on, o.length_m)), 1);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER cable_routes_verified_upd AFTER UPDATE ON cable_routes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cable_verification_routes_changed();
CREATE TRIGGER cable_routes_verified_del AFTER DELETE ON cable_routes
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cable_verification_routes_changed();
