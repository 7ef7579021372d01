-- Mast conversion programmes (HCMC: 1,475 new-generation masts by 2020, all 3,742 by 2025; Đà Nẵng: 18 m → 12 m).

CREATE TABLE conversion_programmes (
  id                  serial PRIMARY KEY,
  province_code       text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  name                text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  decision_no         text NOT NULL CHECK (length(decision_no) BETWEEN 1 AND 60),
  decision_date       date NOT NULL,
  legal_basis         text,
  starts_on           date NOT NULL,
  -- How far a measured height may exceed the target before verification fails on its own.
  height_tolerance_m  numeric NOT NULL DEFAULT 0.5 CHECK (height_tolerance_m >= 0 AND height_tolerance_m <= 10),
  version             integer NOT NULL DEFAULT 1,
  is_demo             boolean NOT NULL DEFAULT false,
  created_at          timestamptz NOT NULL DEFAULT now(),
  UNIQUE (province_code, name)
);

-- Phases carry cumulative targets: phase 2's 3,742 includes phase 1's 1,475.
CREATE TABLE conversion_phases (
  id                 serial PRIMARY KEY,
  programme_id       integer NOT NULL REFERENCES conversion_programmes (id) ON DELETE CASCADE,
  seq                integer NOT NULL CHECK (seq BETWEEN 1 AND 20),
  name               text NOT NULL,
  deadline           date NOT NULL,
  cumulative_target  integer NOT NULL CHECK (cumulative_target > 0),
  UNIQUE (programme_id, seq)
);

-- One station per item. `from_*` is the station as it stood when imported; `to_*` the target.
-- The station itself changes only when an inspector verifies the item (service.ts, verify).
CREATE TABLE conversion_items (
  id                   bigserial PRIMARY KEY,
  programme_id         integer NOT NULL REFERENCES conversion_programmes (id) ON DELETE CASCADE,
  phase_id             integer NOT NULL REFERENCES conversion_phases (id),
  station_id           bigint NOT NULL REFERENCES stations (id),
  carrier_id           integer NOT NULL REFERENCES carriers (id),
  kind                 text NOT NULL CHECK (kind IN ('lower', 'camouflage', 'share')),
  from_class           text NOT NULL,
  from_height_m        numeric NOT NULL,
  to_class             text NOT NULL CHECK (to_class IN ('A1', 'A1c', 'A2a', 'A2b')),
  to_height_m          numeric NOT NULL CHECK (to_height_m > 0 AND to_height_m <= 150),
  to_design            text CHECK (to_design IN ('street_light', 'palm_tree', 'water_tank', 'billboard', 'other')),
  host_station_id      bigint REFERENCES stations (id),
  due_date             date NOT NULL,
  status               text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'reported', 'verified', 'returned')),
  status_since         timestamptz NOT NULL DEFAULT now(),
  reported_at          timestamptz,
  measured_height_m    numeric CHECK (measured_height_m > 0 AND measured_height_m <= 150),
  completed_on         date,
  report_note          text,
  verified_at          timestamptz,
  verified_by          text,
  inspected_height_m   numeric CHECK (inspected_height_m > 0 AND inspected_height_m <= 150),
  return_reasons       text[] NOT NULL DEFAULT '{}',
  version              integer NOT NULL DEFAULT 1,
  is_demo              boolean NOT NULL DEFAULT false,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  UNIQUE (programme_id, station_id),
  CHECK ((to_class = 'A1c') = (to_design IS NOT NULL)),
  CHECK ((kind = 'share') = (host_station_id IS NOT NULL)),
  CHECK (status <> 'verified' OR verified_at IS NOT NULL),
  CHECK (status NOT IN ('reported', 'verified') OR (measured_height_m IS NOT NULL AND completed_on IS NOT NULL))
);
CREATE INDEX conversion_items_programme_idx ON conversion_items (programme_id, status, phase_id);
CREATE INDEX conversion_items_carrier_idx ON conversion_items (carrier_id, programme_id, id);
CREATE INDEX conversion_items_station_idx ON conversion_items (station_id);
CREATE INDEX conversion_items_verified_idx ON conversion_items (programme_id, verified_at) WHERE status = 'verified';

-- After-photos as bytea: app servers stay stateless (DESIGN.md), a photo commits or rolls back with its
-- item, and both database modes store it the same way.
CREATE TABLE conversion_photos (
  id           bigserial PRIMARY KEY,
  item_id      bigint NOT NULL REFERENCES conversion_items (id) ON DELETE CASCADE,
  media_type   text NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'image/webp')),
  byte_size    integer NOT NULL CHECK (byte_size > 0),
  sha256       text NOT NULL,
  content      bytea NOT NULL,
  uploaded_by  text NOT NULL,
  uploaded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversion_photos_item_idx ON conversion_photos (item_id, id);
