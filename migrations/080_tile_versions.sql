-- Tile data versions per layer and per province (issue 15): a write bumps only its own layer in the provinces
-- of the rows it touched, and an update bumps nothing unless a column a tile shows changed. A rule check
-- (rule_results, rules_checked_at) or a workflow date therefore keeps every cached tile; a station edit keeps
-- the pole and route tiles. Replaces the one counter per layer of migration 010.
DROP TRIGGER poles_tile_version ON poles;
DROP TRIGGER cable_routes_tile_version ON cable_routes;
DROP TRIGGER stations_tile_version ON stations;
DROP FUNCTION bump_tile_layer_version();

CREATE TABLE tile_versions (
  layer          text NOT NULL CHECK (layer IN ('stations', 'poles', 'routes')),
  province_code  text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  -- a layer and province with no row yet is at version 0
  version        bigint NOT NULL DEFAULT 1,
  changed_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (layer, province_code)
);
-- continue from the old counters, so no ETag of before the migration can match again
INSERT INTO tile_versions (layer, province_code, version)
SELECT l.layer, p.province_code, l.version + 1
  FROM tile_layer_versions l
  JOIN (SELECT 'stations' AS layer, province_code FROM stations
        UNION SELECT 'poles', province_code FROM poles
        UNION SELECT 'routes', province_code FROM cable_routes) p ON p.layer = l.layer;
DROP TABLE tile_layer_versions;

-- Bumps one layer in the given provinces (in a fixed order, so concurrent writers cannot deadlock).
CREATE FUNCTION bump_tile_version(p_layer text, p_provinces text[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO tile_versions AS v (layer, province_code)
  SELECT p_layer, p FROM (SELECT DISTINCT p FROM unnest(p_provinces) p WHERE p IS NOT NULL) d ORDER BY p
  ON CONFLICT (layer, province_code) DO UPDATE SET version = v.version + 1, changed_at = now()
$$;

-- Inserted or deleted rows: their provinces (the transition table is `changed_rows`; TG_ARGV[0] the layer).
CREATE FUNCTION tile_rows_added_or_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM bump_tile_version(TG_ARGV[0], ARRAY(SELECT DISTINCT province_code FROM changed_rows));
  RETURN NULL;
END
$$;

-- Updated rows: the provinces (before and after) of the rows whose tile-visible columns changed. The columns
-- are those server/tiles/sql.ts draws or filters on; keep the lists in step with it. (Geometry `=` is exact
-- equality of coordinates and their order since PostGIS 3.)
CREATE FUNCTION stations_tile_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM bump_tile_version('stations', ARRAY(
    SELECT unnest(ARRAY[o.province_code, n.province_code])
      FROM old_rows o JOIN new_rows n ON n.id = o.id
     WHERE (o.province_code, o.carrier_id, o.site_code, o.mast_class, o.mast_height_m, o.state, o.temporary,
            o.valid_to, o.geom)
           IS DISTINCT FROM
           (n.province_code, n.carrier_id, n.site_code, n.mast_class, n.mast_height_m, n.state, n.temporary,
            n.valid_to, n.geom)));
  RETURN NULL;
END
$$;

CREATE FUNCTION poles_tile_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM bump_tile_version('poles', ARRAY(
    SELECT unnest(ARRAY[o.province_code, n.province_code])
      FROM old_rows o JOIN new_rows n ON n.id = o.id
     WHERE (o.province_code, o.code, o.owner_carrier_id, o.carrier_ids, o.geom)
           IS DISTINCT FROM (n.province_code, n.code, n.owner_carrier_id, n.carrier_ids, n.geom)));
  RETURN NULL;
END
$$;

CREATE FUNCTION cable_routes_tile_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM bump_tile_version('routes', ARRAY(
    SELECT unnest(ARRAY[o.province_code, n.province_code])
      FROM old_rows o JOIN new_rows n ON n.id = o.id
     WHERE (o.province_code, o.kind, o.status, o.name, o.length_m, o.carrier_ids, o.geom)
           IS DISTINCT FROM
           (n.province_code, n.kind, n.status, n.name, n.length_m, n.carrier_ids, n.geom)));
  RETURN NULL;
END
$$;

CREATE TRIGGER stations_tile_insert AFTER INSERT ON stations REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tile_rows_added_or_removed('stations');
CREATE TRIGGER stations_tile_delete AFTER DELETE ON stations REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tile_rows_added_or_removed('stations');
CREATE TRIGGER stations_tile_update AFTER UPDATE ON stations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stations_tile_update();

CREATE TRIGGER poles_tile_insert AFTER INSERT ON poles REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tile_rows_added_or_removed('poles');
CREATE TRIGGER poles_tile_delete AFTER DELETE ON poles REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tile_rows_added_or_removed('poles');
CREATE TRIGGER poles_tile_update AFTER UPDATE ON poles REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION poles_tile_update();

CREATE TRIGGER cable_routes_tile_insert AFTER INSERT ON cable_routes REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tile_rows_added_or_removed('routes');
CREATE TRIGGER cable_routes_tile_delete AFTER DELETE ON cable_routes REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tile_rows_added_or_removed('routes');
CREATE TRIGGER cable_routes_tile_update AFTER UPDATE ON cable_routes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cable_routes_tile_update();

-- Tiles show carriers' short names (station and pole owners, a route's carriers to staff): renaming one
-- changes those three layers everywhere.
CREATE FUNCTION carriers_tile_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.short_name IS DISTINCT FROM n.short_name)
  THEN
    UPDATE tile_versions SET version = version + 1, changed_at = now();
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER carriers_tile_update AFTER UPDATE ON carriers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION carriers_tile_update();
