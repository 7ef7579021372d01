-- Cable ledger: poles, cable routes (undergrounding, aerial tidying, relocation, unlicensed cable),
-- per-district lengths, shared underground ducts, and the data versions behind vector-tile ETags.

-- Poles (trụ điện), usually the power utility's, with the carriers whose cable hangs on them.
CREATE TABLE poles (
  id                bigserial PRIMARY KEY,
  province_code     text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  code              text NOT NULL CHECK (length(code) BETWEEN 1 AND 60),
  owner_carrier_id  integer NOT NULL REFERENCES carriers (id),
  carrier_ids       integer[] NOT NULL DEFAULT '{}',
  district_code     text,
  geom              geometry(Point, 4326) NOT NULL,
  version           integer NOT NULL DEFAULT 1,
  is_demo           boolean NOT NULL DEFAULT false,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (province_code, code)
);
CREATE INDEX poles_geom_idx ON poles USING gist (geom);
CREATE INDEX poles_carriers_idx ON poles USING gin (carrier_ids);

-- A cable route (tuyến). Dates follow the workflow: started_on when construction starts,
-- completed_on when done, accepted_on at acceptance; period reports read these dates.
CREATE TABLE cable_routes (
  id             bigserial PRIMARY KEY,
  province_code  text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  street         text CHECK (length(street) <= 200),
  kind           text NOT NULL CHECK (kind IN ('underground', 'tidying', 'relocation', 'unlicensed')),
  status         text NOT NULL CHECK (status IN ('planned', 'under_construction', 'completed', 'accepted')),
  carrier_ids    integer[] NOT NULL CHECK (cardinality(carrier_ids) > 0),
  planned_on     date,
  started_on     date,
  completed_on   date,
  accepted_on    date,
  geom           geometry(MultiLineString, 4326) NOT NULL,
  -- ST_Length(geom::geography, true): ellipsoidal metres, written with the geometry.
  length_m       double precision NOT NULL CHECK (length_m > 0),
  pole_count     integer NOT NULL DEFAULT 0,
  version        integer NOT NULL DEFAULT 1,
  is_demo        boolean NOT NULL DEFAULT false,
  created_by     integer REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (status = 'planned' OR started_on IS NOT NULL),
  CHECK (status NOT IN ('completed', 'accepted') OR completed_on IS NOT NULL),
  CHECK (status <> 'accepted' OR accepted_on IS NOT NULL),
  CHECK (completed_on IS NULL OR started_on IS NULL OR completed_on >= started_on)
);
CREATE INDEX cable_routes_geom_idx ON cable_routes USING gist (geom);
CREATE INDEX cable_routes_carriers_idx ON cable_routes USING gin (carrier_ids);
CREATE INDEX cable_routes_report_idx ON cable_routes (province_code, kind, completed_on);

-- The poles a tidying route works on (chosen, or found within a distance of the route).
CREATE TABLE route_poles (
  route_id  bigint NOT NULL REFERENCES cable_routes (id) ON DELETE CASCADE,
  pole_id   bigint NOT NULL REFERENCES poles (id) ON DELETE CASCADE,
  PRIMARY KEY (route_id, pole_id)
);
CREATE INDEX route_poles_pole_idx ON route_poles (pole_id);

-- Length of each route inside each district version it crosses (unit_id names the boundary version,
-- so figures survive later versions); the part outside every district has unit_id NULL.
CREATE TABLE route_district_lengths (
  id             bigserial PRIMARY KEY,
  route_id       bigint NOT NULL REFERENCES cable_routes (id) ON DELETE CASCADE,
  unit_id        bigint REFERENCES admin_units (id),
  district_code  text,
  length_m       double precision NOT NULL CHECK (length_m >= 0),
  CHECK ((unit_id IS NULL) = (district_code IS NULL))
);
CREATE UNIQUE INDEX route_district_lengths_unit_idx ON route_district_lengths (route_id, coalesce(unit_id, 0));
CREATE INDEX route_district_lengths_code_idx ON route_district_lengths (district_code);

-- Shared underground ducts (hạ tầng ngầm dùng chung): capacity of an underground route and its rental price.
CREATE TABLE duct_capacities (
  route_id               bigint PRIMARY KEY REFERENCES cable_routes (id) ON DELETE CASCADE,
  ducts                  integer NOT NULL CHECK (ducts > 0),
  tubes_per_duct         integer NOT NULL CHECK (tubes_per_duct > 0),
  price_vnd_per_m_month  numeric NOT NULL CHECK (price_vnd_per_m_month >= 0),
  version                integer NOT NULL DEFAULT 1,
  updated_at             timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE duct_allocations (
  id          bigserial PRIMARY KEY,
  route_id    bigint NOT NULL REFERENCES duct_capacities (route_id) ON DELETE CASCADE,
  carrier_id  integer NOT NULL REFERENCES carriers (id),
  tubes       integer NOT NULL CHECK (tubes > 0),
  from_date   date NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (route_id, carrier_id)
);

-- One counter per tile layer, bumped by statement triggers so any write (API, import, demo) changes the ETag.
CREATE TABLE tile_layer_versions (
  layer       text PRIMARY KEY,
  version     bigint NOT NULL DEFAULT 1,
  changed_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO tile_layer_versions (layer) VALUES ('poles'), ('routes'), ('stations');

CREATE FUNCTION bump_tile_layer_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE tile_layer_versions SET version = version + 1, changed_at = now() WHERE layer = TG_ARGV[0];
  RETURN NULL;
END
$$;
CREATE TRIGGER poles_tile_version AFTER INSERT OR UPDATE OR DELETE ON poles
  FOR EACH STATEMENT EXECUTE FUNCTION bump_tile_layer_version('poles');
CREATE TRIGGER cable_routes_tile_version AFTER INSERT OR UPDATE OR DELETE ON cable_routes
  FOR EACH STATEMENT EXECUTE FUNCTION bump_tile_layer_version('routes');
CREATE TRIGGER stations_tile_version AFTER INSERT OR UPDATE OR DELETE ON stations
  FOR EACH STATEMENT EXECUTE FUNCTION bump_tile_layer_version('stations');
