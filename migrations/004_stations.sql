-- BTS stations, their planning rules (as data), the site-approval workflow, events and notifications.

-- Rule values per province (TTLT 15/2016 and provincial plans; see domain.md). One row per province.
CREATE TABLE station_rules (
  province_code          text PRIMARY KEY CHECK (province_code ~ '^[0-9]{2}$'),
  a1_max_ratio           numeric NOT NULL CHECK (a1_max_ratio > 0 AND a1_max_ratio <= 1),
  a1_max_height_m        numeric NOT NULL CHECK (a1_max_height_m > 0),
  share_distance_urban_m numeric NOT NULL CHECK (share_distance_urban_m >= 0),
  share_distance_rural_m numeric NOT NULL CHECK (share_distance_rural_m >= 0),
  duplicate_distance_m   numeric NOT NULL CHECK (duplicate_distance_m >= 0),
  default_area_kind      text NOT NULL CHECK (default_area_kind IN ('urban', 'rural')),
  updated_at             timestamptz NOT NULL DEFAULT now()
);

-- Minimum spacing from a new bulky mast to any other bulky mast, by class, mast height band and area kind.
-- A band is (min_height_m, max_height_m]; a missing row means the province sets no spacing for that case.
CREATE TABLE spacing_rules (
  id             serial PRIMARY KEY,
  province_code  text NOT NULL REFERENCES station_rules (province_code) ON DELETE CASCADE,
  mast_class     text NOT NULL CHECK (mast_class IN ('A2a', 'A2b')),
  area_kind      text NOT NULL CHECK (area_kind IN ('urban', 'rural')),
  min_height_m   numeric NOT NULL DEFAULT 0 CHECK (min_height_m >= 0),
  max_height_m   numeric CHECK (max_height_m IS NULL OR max_height_m > min_height_m),
  min_distance_m numeric NOT NULL CHECK (min_distance_m > 0)
);
CREATE INDEX spacing_rules_scope_idx ON spacing_rules (province_code, mast_class, area_kind);

-- Urban or rural, per district code: data the officer keeps, not code.
CREATE TABLE district_area_kinds (
  province_code  text NOT NULL REFERENCES station_rules (province_code) ON DELETE CASCADE,
  district_code  text NOT NULL,
  area_kind      text NOT NULL CHECK (area_kind IN ('urban', 'rural')),
  PRIMARY KEY (province_code, district_code)
);

-- Hồ Chí Minh City (79): Quảng Nam's spacing and Hải Dương's must-share distances from domain.md,
-- the huyện (rural districts, GSO codes 783–787) rural and the rest urban.
INSERT INTO station_rules (province_code, a1_max_ratio, a1_max_height_m, share_distance_urban_m, share_distance_rural_m, duplicate_distance_m, default_area_kind)
VALUES ('79', 0.20, 3, 100, 400, 30, 'urban');
INSERT INTO spacing_rules (province_code, mast_class, area_kind, min_height_m, max_height_m, min_distance_m) VALUES
  ('79', 'A2a', 'urban', 0, 15, 150), ('79', 'A2a', 'rural', 0, 15, 200),
  ('79', 'A2a', 'urban', 15, NULL, 200), ('79', 'A2a', 'rural', 15, NULL, 350),
  ('79', 'A2b', 'urban', 0, NULL, 300);
INSERT INTO district_area_kinds (province_code, district_code, area_kind)
SELECT '79', code, CASE WHEN code IN ('783', '784', '785', '786', '787') THEN 'rural' ELSE 'urban' END
  FROM unnest(ARRAY['760','761','764','765','766','767','768','769','770','771','772','773','774','775','776','777','778',
                    '783','784','785','786','787']) AS code;

-- Planning zones: where each mast class may stand and how tall it may be.
CREATE TABLE planning_zones (
  id              serial PRIMARY KEY,
  province_code   text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind            text NOT NULL CHECK (kind IN ('a1_only', 'heritage', 'government', 'main_street', 'residential', 'rural', 'other')),
  allowed_classes text[] NOT NULL CHECK (allowed_classes <@ ARRAY['A1', 'A2a', 'A2b'] AND cardinality(allowed_classes) > 0),
  max_height_m    numeric CHECK (max_height_m IS NULL OR max_height_m > 0),
  geom            geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom)),
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX planning_zones_geom_idx ON planning_zones USING gist (geom);

-- Events that bring temporary stations and mobile BTS trucks (festivals, fireworks).
CREATE TABLE station_events (
  id             serial PRIMARY KEY,
  province_code  text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  starts_on      date NOT NULL,
  ends_on        date NOT NULL CHECK (ends_on >= starts_on),
  area           geometry(MultiPolygon, 4326),
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX station_events_area_idx ON station_events USING gist (area);

-- A station is also its application: the state column is the workflow state (workflow.ts holds the table).
CREATE TABLE stations (
  id                 bigserial PRIMARY KEY,
  province_code      text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  carrier_id         integer NOT NULL REFERENCES carriers (id),
  shared_carrier_ids integer[] NOT NULL DEFAULT '{}',
  site_code          text NOT NULL CHECK (site_code ~ '^[A-Za-z0-9_.-]{2,40}$'),
  name               text,
  address            text,
  geom               geometry(Point, 4326) NOT NULL,
  district_code      text,
  mast_class         text NOT NULL CHECK (mast_class IN ('A1', 'A1c', 'A2a', 'A2b')),
  camouflage_kind    text CHECK (camouflage_kind IN ('street_light', 'palm_tree', 'water_tank', 'billboard', 'other')),
  mast_height_m      numeric NOT NULL CHECK (mast_height_m > 0 AND mast_height_m <= 150),
  building_height_m  numeric CHECK (building_height_m > 0 AND building_height_m <= 400),
  technologies       text[] NOT NULL DEFAULT '{}' CHECK (technologies <@ ARRAY['2G', '3G', '4G', '5G']),
  state              text NOT NULL CHECK (state IN ('draft', 'submitted', 'field_checked', 'returned', 'approved', 'rejected', 'built', 'in_service', 'decommissioned')),
  state_since        timestamptz NOT NULL DEFAULT now(),
  submitted_at       timestamptz,
  decision_no        text,
  decision_date      date,
  decision_note      text,
  temporary          boolean NOT NULL DEFAULT false,
  mobile             boolean NOT NULL DEFAULT false,
  event_id           integer REFERENCES station_events (id),
  valid_from         date,
  valid_to           date,
  rule_results       jsonb NOT NULL DEFAULT '[]',
  rules_checked_at   timestamptz,
  version            integer NOT NULL DEFAULT 1,
  is_demo            boolean NOT NULL DEFAULT false,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK ((mast_class = 'A1c') = (camouflage_kind IS NOT NULL)),
  CHECK (mast_class NOT IN ('A1', 'A2a') OR building_height_m IS NOT NULL),
  CHECK (mast_class <> 'A2b' OR building_height_m IS NULL),
  CHECK (NOT temporary OR (valid_from IS NOT NULL AND valid_to IS NOT NULL AND valid_to >= valid_from)),
  CHECK (state <> 'approved' OR (decision_no IS NOT NULL AND decision_date IS NOT NULL))
);
CREATE INDEX stations_geom_idx ON stations USING gist (geom);
CREATE UNIQUE INDEX stations_site_code_idx ON stations (carrier_id, site_code) WHERE state <> 'decommissioned';
CREATE INDEX stations_list_idx ON stations (province_code, state, id);
CREATE INDEX stations_queue_idx ON stations (province_code, state_since) WHERE state IN ('submitted', 'field_checked');
CREATE INDEX stations_carrier_idx ON stations (carrier_id, id);
CREATE INDEX stations_overdue_idx ON stations (valid_to) WHERE temporary;

-- Every version of every station, written in the same transaction as the change.
CREATE TABLE station_history (
  id          bigserial PRIMARY KEY,
  station_id  bigint NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
  version     integer NOT NULL,
  action      text NOT NULL,
  state       text NOT NULL,
  actor_id    integer REFERENCES users (id),
  actor_name  text NOT NULL,
  note        text,
  snapshot    jsonb NOT NULL,
  at          timestamptz NOT NULL DEFAULT now(),
  UNIQUE (station_id, version)
);

-- The inspector's visit (or the officer's reason to skip it).
CREATE TABLE station_field_checks (
  id            bigserial PRIMARY KEY,
  station_id    bigint NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
  outcome       text NOT NULL CHECK (outcome IN ('confirmed', 'moved', 'skipped')),
  notes         text,
  photos        jsonb NOT NULL DEFAULT '[]',
  from_geom     geometry(Point, 4326) NOT NULL,
  to_geom       geometry(Point, 4326) NOT NULL,
  actor_id      integer REFERENCES users (id),
  actor_name    text NOT NULL,
  at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX station_field_checks_station_idx ON station_field_checks (station_id, at);

-- In-app notifications to the other party: a carrier (all its users) or a role.
CREATE TABLE notifications (
  id                    bigserial PRIMARY KEY,
  recipient_carrier_id  integer REFERENCES carriers (id),
  recipient_role        text CHECK (recipient_role IN ('admin', 'officer', 'inspector')),
  entity                text NOT NULL,
  entity_id             text NOT NULL,
  kind                  text NOT NULL,
  message_vi            text NOT NULL,
  message_en            text NOT NULL,
  created_at            timestamptz NOT NULL DEFAULT now(),
  CHECK ((recipient_carrier_id IS NULL) <> (recipient_role IS NULL))
);
CREATE INDEX notifications_carrier_idx ON notifications (recipient_carrier_id, id) WHERE recipient_carrier_id IS NOT NULL;
CREATE INDEX notifications_role_idx ON notifications (recipient_role, id) WHERE recipient_role IS NOT NULL;

CREATE TABLE notification_reads (
  notification_id  bigint NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
  user_id          integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  read_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (notification_id, user_id)
);
