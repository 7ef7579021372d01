-- Citizen reports through the 1022 hotline (issue 13): a ticket from the public form or an officer's intake of a
-- phone call, linked to the nearest assets of its category's kind, assigned to a carrier and an inspector, with an
-- SLA deadline per category (data per province), its status history, photos, and a per-address limit on the
-- public form. State changes only through server/tickets/workflow.ts.

-- Hours to resolve a ticket, per category and province; province '00' is the default for any province.
CREATE TABLE ticket_sla (
  province_code  text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  category       text NOT NULL CHECK (category IN ('cable_sagging', 'pole_unsafe', 'bts_construction', 'emf_concern',
                                                   'cable_unlicensed')),
  hours          integer NOT NULL CHECK (hours BETWEEN 1 AND 8760),
  updated_by     integer REFERENCES users (id),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (province_code, category)
);
-- A fallen cable or an unsafe pole endangers passers-by: a day; the rest within working weeks.
INSERT INTO ticket_sla (province_code, category, hours) VALUES
  ('00', 'cable_sagging', 24), ('00', 'pole_unsafe', 24), ('00', 'bts_construction', 240),
  ('00', 'emf_concern', 360), ('00', 'cable_unlicensed', 240),
  ('79', 'cable_sagging', 24), ('79', 'pole_unsafe', 24), ('79', 'bts_construction', 240),
  ('79', 'emf_concern', 360), ('79', 'cable_unlicensed', 240);

-- Ticket numbers run per province and year: 1022-2026-000123.
CREATE TABLE ticket_counters (
  province_code  text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  year           integer NOT NULL CHECK (year BETWEEN 2000 AND 2999),
  last           integer NOT NULL CHECK (last >= 0),
  PRIMARY KEY (province_code, year)
);

-- The reporter's name and phone are personal data: the officers' own, never shown publicly nor to a carrier.
-- check_code is the short code that, with the number, lets the reporter look the status up.
CREATE TABLE tickets (
  id                    bigserial PRIMARY KEY,
  province_code         text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  number                text NOT NULL UNIQUE CHECK (number ~ '^1022-[0-9]{4}-[0-9]{6}$'),
  check_code            text NOT NULL CHECK (check_code ~ '^[A-Z2-9]{6}$'),
  channel               text NOT NULL CHECK (channel IN ('web', 'phone')),
  category              text NOT NULL CHECK (category IN ('cable_sagging', 'pole_unsafe', 'bts_construction',
                                                          'emf_concern', 'cable_unlicensed')),
  description           text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
  place_note            text CHECK (length(place_note) <= 300),
  geom                  geometry(Point, 4326) NOT NULL,
  district_code         text,
  reporter_name         text CHECK (length(reporter_name) <= 120),
  reporter_phone        text CHECK (reporter_phone ~ '^\+?[0-9]{8,15}$'),
  status                text NOT NULL CHECK (status IN ('received', 'assigned', 'in_progress', 'resolved', 'rejected')),
  asset_kind            text CHECK (asset_kind IN ('station', 'pole', 'cable_route')),
  asset_id              bigint,
  carrier_id            integer REFERENCES carriers (id),
  inspector_id          integer REFERENCES users (id),
  inspection_id         bigint,
  sla_hours             integer NOT NULL CHECK (sla_hours > 0),
  due_at                timestamptz NOT NULL,
  carrier_response      text CHECK (length(carrier_response) <= 2000),
  responded_at          timestamptz,
  resolution_note       text CHECK (length(resolution_note) <= 2000),
  resolved_at           timestamptz,
  created_by            integer REFERENCES users (id),
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  version               integer NOT NULL DEFAULT 1,
  CHECK ((asset_kind IS NULL) = (asset_id IS NULL)),
  CHECK ((channel = 'phone') = (created_by IS NOT NULL)),
  CHECK (status NOT IN ('assigned', 'in_progress') OR carrier_id IS NOT NULL OR inspector_id IS NOT NULL),
  CHECK ((status = 'resolved') = (resolved_at IS NOT NULL))
);
CREATE INDEX tickets_list_idx ON tickets (province_code, status, id);
CREATE INDEX tickets_due_idx ON tickets (province_code, due_at) WHERE status NOT IN ('resolved', 'rejected');
CREATE INDEX tickets_carrier_idx ON tickets (carrier_id, id) WHERE carrier_id IS NOT NULL;
CREATE INDEX tickets_inspector_idx ON tickets (inspector_id, id) WHERE inspector_id IS NOT NULL;
CREATE INDEX tickets_geom_idx ON tickets USING gist (geom);

-- The nearest assets of the category's kind found when the ticket was made (rank 1 is the one linked).
CREATE TABLE ticket_assets (
  ticket_id   bigint NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  rank        integer NOT NULL CHECK (rank BETWEEN 1 AND 10),
  asset_kind  text NOT NULL CHECK (asset_kind IN ('station', 'pole', 'cable_route')),
  asset_id    bigint NOT NULL,
  label       text NOT NULL,
  carrier_id  integer REFERENCES carriers (id),
  distance_m  double precision NOT NULL CHECK (distance_m >= 0),
  PRIMARY KEY (ticket_id, rank)
);

-- Every step of a ticket. `note` is public when `public` (the resolution note, a rejection's reason).
CREATE TABLE ticket_events (
  id           bigserial PRIMARY KEY,
  ticket_id    bigint NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  action       text NOT NULL,
  from_status  text,
  to_status    text NOT NULL,
  actor_id     integer REFERENCES users (id),
  note         text CHECK (length(note) <= 2000),
  public       boolean NOT NULL DEFAULT false,
  at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ticket_events_ticket_idx ON ticket_events (ticket_id, id);

-- Photos of the report (reporter, officer) and of the resolution (carrier, officer). `content` is the original as
-- sent, EXIF time and GPS kept, for the department; `public_content` the same picture re-encoded without any
-- metadata: what the public lookup and carriers get.
CREATE TABLE ticket_photos (
  id                 bigserial PRIMARY KEY,
  ticket_id          bigint NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  purpose            text NOT NULL CHECK (purpose IN ('report', 'resolution')),
  media_type         text NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'image/webp')),
  byte_size          integer NOT NULL CHECK (byte_size > 0),
  sha256             text NOT NULL,
  content            bytea NOT NULL,
  public_media_type  text NOT NULL CHECK (public_media_type IN ('image/jpeg', 'image/png', 'image/webp')),
  public_content     bytea NOT NULL,
  taken_at           timestamptz,
  geom               geometry(Point, 4326),
  uploaded_by        integer REFERENCES users (id),
  created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ticket_photos_ticket_idx ON ticket_photos (ticket_id, id);

-- Requests per client address on the public routes, in fixed windows. The key is a hash of the address (no
-- address is kept); rows older than a day are purged as new ones come, so the table stays bounded.
CREATE TABLE public_rate_limits (
  scope         text NOT NULL CHECK (length(scope) BETWEEN 1 AND 40),
  key           text NOT NULL CHECK (length(key) = 64),
  window_start  timestamptz NOT NULL,
  hits          integer NOT NULL CHECK (hits > 0),
  PRIMARY KEY (scope, key)
);
CREATE INDEX public_rate_limits_window_idx ON public_rate_limits (window_start);
