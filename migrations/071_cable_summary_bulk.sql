-- The cable summary's triggers (070) at bulk size: a demo load or an import of 150,000 poles, an update of every
-- route's pole count.

-- The first-day refresh itself, unchanged from 070 (cable_summary_refresh_poles now wraps it).
CREATE FUNCTION cable_summary_refresh_poles_of(pole_ids bigint[]) RETURNS void
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

-- Thousands of poles at once run with hash joins: right after a bulk insert the statistics still describe the
-- tables before it, and a nested loop over them would take minutes. A handful (an API write) keeps the index plan.
CREATE OR REPLACE FUNCTION cable_summary_refresh_poles(pole_ids bigint[]) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  nestloop CONSTANT text := current_setting('enable_nestloop');
BEGIN
  IF coalesce(cardinality(pole_ids), 0) = 0 THEN
    RETURN;
  END IF;
  IF cardinality(pole_ids) > 1000 THEN
    PERFORM set_config('enable_nestloop', 'off', true);
  END IF;
  PERFORM cable_summary_refresh_poles_of(pole_ids);
  PERFORM set_config('enable_nestloop', nestloop, true);
END
$$;

-- As in 070, but an update moves only the routes whose figures changed (a pole count or a name does not), and
-- the rows handed over carry the summary's columns only.
CREATE OR REPLACE FUNCTION cable_summary_routes_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed bigint[];
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM cable_summary_add_routes((
      SELECT coalesce(jsonb_agg(jsonb_build_object('province_code', o.province_code, 'kind', o.kind,
               'carrier_ids', o.carrier_ids, 'started_on', o.started_on, 'completed_on', o.completed_on,
               'length_m', o.length_m)), '[]')
        FROM old_rows o), -1);
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM cable_summary_add_routes((
      SELECT coalesce(jsonb_agg(jsonb_build_object('province_code', n.province_code, 'kind', n.kind,
               'carrier_ids', n.carrier_ids, 'started_on', n.started_on, 'completed_on', n.completed_on,
               'length_m', n.length_m)), '[]')
        FROM new_rows n), 1);
  ELSE
    changed := ARRAY(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE (n.province_code, n.kind, n.carrier_ids, n.started_on, n.completed_on, n.length_m)
             IS DISTINCT FROM (o.province_code, o.kind, o.carrier_ids, o.started_on, o.completed_on, o.length_m));
    IF cardinality(changed) > 0 THEN
      PERFORM cable_summary_add_routes((
        SELECT coalesce(jsonb_agg(jsonb_build_object('province_code', o.province_code, 'kind', o.kind,
                 'carrier_ids', o.carrier_ids, 'started_on', o.started_on, 'completed_on', o.completed_on,
                 'length_m', o.length_m)), '[]')
          FROM old_rows o WHERE o.id = ANY (changed)), -1);
      PERFORM cable_summary_add_routes((
        SELECT coalesce(jsonb_agg(jsonb_build_object('province_code', n.province_code, 'kind', n.kind,
                 'carrier_ids', n.carrier_ids, 'started_on', n.started_on, 'completed_on', n.completed_on,
                 'length_m', n.length_m)), '[]')
          FROM new_rows n WHERE n.id = ANY (changed)), 1);
      -- The poles of routes whose kind, carriers or completion changed get their first days again.
      PERFORM cable_summary_refresh_poles(ARRAY(
        SELECT rp.pole_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN route_poles rp ON rp.route_id = n.id
         WHERE n.id = ANY (changed)
           AND (n.kind, n.carrier_ids, n.completed_on, n.province_code)
               IS DISTINCT FROM (o.kind, o.carrier_ids, o.completed_on, o.province_code)));
    END IF;
  END IF;
  RETURN NULL;
END
$$;
