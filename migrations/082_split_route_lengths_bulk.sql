-- split_route_lengths (migration 030) at bulk size: `r.id = ANY (route_ids)` was a filter checked against the whole
-- array for every route a district's box held, so splitting n new routes took n × (routes in the province) steps
-- (90,000 copied routes of the scaled demo: minutes). Now each id finds its route by key, then that route's
-- districts by their spatial index, in that order whatever the statistics say (OFFSET 0 keeps each lateral
-- subquery a step of its own: right after a bulk insert the statistics still describe the tables before it).
-- Same rows, same lengths.
CREATE OR REPLACE FUNCTION split_route_lengths(route_ids bigint[]) RETURNS bigint
LANGUAGE sql VOLATILE AS $$
  DELETE FROM route_district_lengths WHERE route_id = ANY (route_ids);
  WITH inserted AS (
    INSERT INTO route_district_lengths (route_id, unit_id, district_code, length_m)
    SELECT route_id, unit_id, district_code, length_m FROM (
      SELECT r.id AS route_id, d.id AS unit_id, d.code AS district_code,
             ST_Length(ST_CollectionExtract(ST_Intersection(r.geom, d.geom), 2)::geography, true) AS length_m
        FROM (SELECT DISTINCT id FROM unnest(route_ids) AS ids(id)) ids
       CROSS JOIN LATERAL (
         SELECT r.id, r.province_code, r.geom FROM cable_routes r WHERE r.id = ids.id OFFSET 0
       ) r
       CROSS JOIN LATERAL (
         SELECT d.id, d.code, d.geom FROM admin_units d
          WHERE d.level = 'district' AND d.province_code = r.province_code
            AND d.geom && r.geom AND ST_Intersects(d.geom, r.geom)
         OFFSET 0
       ) d
    ) inside
    WHERE length_m > 0
    RETURNING 1
  )
  SELECT count(*) FROM inserted
$$;
