-- Carriers' passive-infrastructure plans (quy hoạch hạ tầng kỹ thuật viễn thông thụ động), issue 12.
-- A plan (one carrier, one period) has numbered versions; each version holds the planned sites, routes and areas
-- of one upload, accepted whole or not at all. A version's features are written once by the import that accepts
-- it and never changed: an amendment is a new version, so every version stays comparable with every other.
CREATE TABLE plans (
  id             serial PRIMARY KEY,
  province_code  text NOT NULL,
  carrier_id     integer NOT NULL REFERENCES carriers (id),
  title          text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  period_from    smallint NOT NULL CHECK (period_from BETWEEN 2000 AND 2100),
  period_to      smallint NOT NULL CHECK (period_to BETWEEN period_from AND 2100),
  created_by     integer NOT NULL REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plans_carrier_idx ON plans (province_code, carrier_id);

-- submitted → (officer) returned | passed → approved by the People's Committee decision. `version` is the
-- optimistic lock of the workflow row; `report` keeps each accepted feature's warnings (what was rewound,
-- dropped or rounded), so the carrier can download it later.
CREATE TABLE plan_versions (
  id               serial PRIMARY KEY,
  plan_id          integer NOT NULL REFERENCES plans (id),
  number           integer NOT NULL CHECK (number >= 1),
  state            text NOT NULL DEFAULT 'submitted' CHECK (state IN ('submitted', 'returned', 'passed', 'approved')),
  uploaded_by      integer NOT NULL REFERENCES users (id),
  uploaded_at      timestamptz NOT NULL DEFAULT now(),
  source_name      text NOT NULL CHECK (length(source_name) BETWEEN 1 AND 255),
  source_format    text NOT NULL CHECK (source_format IN ('geojson', 'kml', 'kmz', 'csv', 'xlsx', 'shp')),
  feature_count    integer NOT NULL CHECK (feature_count >= 0),
  site_count       integer NOT NULL CHECK (site_count >= 0),
  route_count      integer NOT NULL CHECK (route_count >= 0),
  area_count       integer NOT NULL CHECK (area_count >= 0),
  report           jsonb NOT NULL DEFAULT '[]',
  version          integer NOT NULL DEFAULT 1,
  UNIQUE (plan_id, number)
);

-- A planned BTS site. site_key is the carrier's own site code: the stable key that matches a site across
-- versions (unique within a version; a site without a code cannot be matched and shows as added / removed).
CREATE TABLE planned_sites (
  id             bigserial PRIMARY KEY,
  version_id     integer NOT NULL REFERENCES plan_versions (id),
  feature_index  integer NOT NULL CHECK (feature_index >= 0),
  site_key       text CHECK (length(site_key) BETWEEN 1 AND 100),
  mast_class     text NOT NULL CHECK (mast_class IN ('A1', 'A1c', 'A2a', 'A2b')),
  height_m       numeric(6, 2) NOT NULL CHECK (height_m > 0 AND height_m <= 300),
  year           smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  phase          text CHECK (length(phase) <= 50),
  sharing        text NOT NULL CHECK (sharing IN ('none', 'offer', 'seek', 'shared')),
  attributes     jsonb NOT NULL DEFAULT '{}',
  geom           geometry(Point, 4326) NOT NULL
);
CREATE INDEX planned_sites_version_idx ON planned_sites (version_id, feature_index);
CREATE UNIQUE INDEX planned_sites_key_idx ON planned_sites (version_id, site_key) WHERE site_key IS NOT NULL;
CREATE INDEX planned_sites_geom_idx ON planned_sites USING gist (geom);

-- A planned cable route (underground duct or aerial line). length_m is ellipsoidal, measured from the geometry
-- when stored; declared_length_m is the carrier's own figure, and length_source says which the plan counts.
CREATE TABLE planned_routes (
  id                 bigserial PRIMARY KEY,
  version_id         integer NOT NULL REFERENCES plan_versions (id),
  feature_index      integer NOT NULL CHECK (feature_index >= 0),
  route_key          text CHECK (length(route_key) BETWEEN 1 AND 100),
  kind               text NOT NULL CHECK (kind IN ('underground', 'aerial')),
  year               smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  phase              text CHECK (length(phase) <= 50),
  length_m           numeric(12, 2) NOT NULL CHECK (length_m >= 0),
  declared_length_m  numeric(12, 2) CHECK (declared_length_m > 0),
  length_source      text NOT NULL CHECK (length_source IN ('geometry', 'declared')),
  attributes         jsonb NOT NULL DEFAULT '{}',
  geom               geometry(Geometry, 4326) NOT NULL
                       CHECK (GeometryType(geom) IN ('LINESTRING', 'MULTILINESTRING')),
  CHECK ((length_source = 'declared') = (declared_length_m IS NOT NULL))
);
CREATE INDEX planned_routes_version_idx ON planned_routes (version_id, feature_index);
CREATE UNIQUE INDEX planned_routes_key_idx ON planned_routes (version_id, route_key) WHERE route_key IS NOT NULL;
CREATE INDEX planned_routes_geom_idx ON planned_routes USING gist (geom);

-- An area of a plan given as a polygon (a site search area, "khu vực bố trí trạm", or a duct corridor).
CREATE TABLE planned_areas (
  id             bigserial PRIMARY KEY,
  version_id     integer NOT NULL REFERENCES plan_versions (id),
  feature_index  integer NOT NULL CHECK (feature_index >= 0),
  area_key       text CHECK (length(area_key) BETWEEN 1 AND 100),
  year           smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  phase          text CHECK (length(phase) <= 50),
  attributes     jsonb NOT NULL DEFAULT '{}',
  geom           geometry(Geometry, 4326) NOT NULL CHECK (GeometryType(geom) IN ('POLYGON', 'MULTIPOLYGON'))
);
CREATE INDEX planned_areas_version_idx ON planned_areas (version_id, feature_index);
CREATE UNIQUE INDEX planned_areas_key_idx ON planned_areas (version_id, area_key) WHERE area_key IS NOT NULL;
CREATE INDEX planned_areas_geom_idx ON planned_areas USING gist (geom);
