-- Pole and route counts from aggregates kept current in the same transaction as each write (issue 15), so the OGC
-- API's numberMatched for a whole layer does not count every pole or route at each request (1.5 million poles at
-- ten times the city). As station_counts (migration 081): one row per combination of the columns the layers'
-- filters read (server/tiles/sql.ts: poles by province, routes by province and the carriers on them), so the same
-- filter text reads the table or its aggregate; statement triggers with transition tables keep it set-based.

CREATE TABLE pole_counts (
  province_code  text PRIMARY KEY,
  n              bigint NOT NULL
);

CREATE TABLE route_counts (
  province_code  text NOT NULL,
  carrier_ids    integer[] NOT NULL,
  n              bigint NOT NULL,
  PRIMARY KEY (province_code, carrier_ids)
);

-- What the old rows gave is taken back, what the new rows give is added, netted per key in key order.
CREATE FUNCTION pole_counts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO pole_counts AS a (province_code, n)
  SELECT province_code, sum(d)
    FROM (SELECT o.province_code, -1 AS d FROM old_rows o UNION ALL SELECT w.province_code, 1 FROM new_rows w) d
   GROUP BY 1 HAVING sum(d) <> 0 ORDER BY 1
  ON CONFLICT (province_code) DO UPDATE SET n = a.n + excluded.n;
  RETURN NULL;
END
$$;

CREATE FUNCTION pole_counts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO pole_counts AS a (province_code, n)
  SELECT w.province_code, count(*) FROM new_rows w GROUP BY 1 ORDER BY 1
  ON CONFLICT (province_code) DO UPDATE SET n = a.n + excluded.n;
  RETURN NULL;
END
$$;

CREATE FUNCTION pole_counts_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO pole_counts AS a (province_code, n)
  SELECT o.province_code, -count(*) FROM old_rows o GROUP BY 1 ORDER BY 1
  ON CONFLICT (province_code) DO UPDATE SET n = a.n + excluded.n;
  RETURN NULL;
END
$$;

CREATE FUNCTION route_counts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO route_counts AS a (province_code, carrier_ids, n)
  SELECT province_code, carrier_ids, sum(d)
    FROM (SELECT o.province_code, o.carrier_ids, -1 AS d FROM old_rows o
          UNION ALL SELECT w.province_code, w.carrier_ids, 1 FROM new_rows w) d
   GROUP BY 1, 2 HAVING sum(d) <> 0 ORDER BY 1, 2
  ON CONFLICT (province_code, carrier_ids) DO UPDATE SET n = a.n + excluded.n;
  RETURN NULL;
END
$$;

CREATE FUNCTION route_counts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO route_counts AS a (province_code, carrier_ids, n)
  SELECT w.province_code, w.carrier_ids, count(*) FROM new_rows w GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (province_code, carrier_ids) DO UPDATE SET n = a.n + excluded.n;
  RETURN NULL;
END
$$;

CREATE FUNCTION route_counts_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO route_counts AS a (province_code, carrier_ids, n)
  SELECT o.province_code, o.carrier_ids, -count(*) FROM old_rows o GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (province_code, carrier_ids) DO UPDATE SET n = a.n + excluded.n;
  RETURN NULL;
END
$$;

CREATE TRIGGER poles_counts_ins AFTER INSERT ON poles
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pole_counts_inserted();
CREATE TRIGGER poles_counts_upd AFTER UPDATE ON poles
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pole_counts_changed();
CREATE TRIGGER poles_counts_del AFTER DELETE ON poles
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION pole_counts_deleted();

CREATE TRIGGER routes_counts_ins AFTER INSERT ON cable_routes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION route_counts_inserted();
CREATE TRIGGER routes_counts_upd AFTER UPDATE ON cable_routes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION route_counts_changed();
CREATE TRIGGER routes_counts_del AFTER DELETE ON cable_routes
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION route_counts_deleted();

-- The poles and routes already recorded.
INSERT INTO pole_counts (province_code, n) SELECT province_code, count(*) FROM poles GROUP BY 1;
INSERT INTO route_counts (province_code, carrier_ids, n)
SELECT province_code, carrier_ids, count(*) FROM cable_routes GROUP BY 1, 2;
