-- Core schema: administrative units with versions, carriers, users and sessions, the audit log.
CREATE EXTENSION IF NOT EXISTS postgis;

-- Administrative units (tỉnh / huyện / xã). A unit keeps every boundary version it has had:
-- the 2021 Thủ Đức merger closes three districts and opens one; the 2025 reform closes the district level.
CREATE TABLE admin_units (
  id            bigserial PRIMARY KEY,
  level         text NOT NULL CHECK (level IN ('province', 'district', 'ward')),
  code          text NOT NULL CHECK (code ~ '^[0-9]{2,5}$'),
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  parent_code   text,
  geom          geometry(MultiPolygon, 4326) NOT NULL,
  valid_from    date NOT NULL,
  valid_to      date,
  source        text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  UNIQUE (level, code, valid_from)
);
CREATE INDEX admin_units_geom_idx ON admin_units USING gist (geom);
CREATE INDEX admin_units_scope_idx ON admin_units (province_code, level, valid_from);
CREATE UNIQUE INDEX admin_units_one_current_idx ON admin_units (level, code) WHERE valid_to IS NULL;

-- Carriers (doanh nghiệp viễn thông) and the power utility that owns poles.
CREATE TABLE carriers (
  id          serial PRIMARY KEY,
  name        text NOT NULL UNIQUE,
  short_name  text NOT NULL UNIQUE CHECK (short_name ~ '^[A-Za-z0-9_-]{2,20}$'),
  kind        text NOT NULL CHECK (kind IN ('mobile', 'fixed', 'cable_tv', 'power_utility')),
  mnc         text CHECK (mnc ~ '^[0-9]{2}$'),
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'mobile') = (mnc IS NOT NULL))
);
CREATE UNIQUE INDEX carriers_mnc_idx ON carriers (mnc) WHERE mnc IS NOT NULL;

CREATE TABLE users (
  id             serial PRIMARY KEY,
  username       text NOT NULL CHECK (username ~ '^[a-z0-9._-]{3,40}$'),
  display_name   text NOT NULL,
  password_hash  text NOT NULL,
  role           text NOT NULL CHECK (role IN ('admin', 'officer', 'inspector', 'carrier')),
  carrier_id     integer REFERENCES carriers (id),
  active         boolean NOT NULL DEFAULT true,
  is_demo        boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now(),
  last_login_at  timestamptz,
  CHECK ((role = 'carrier') = (carrier_id IS NOT NULL))
);
CREATE UNIQUE INDEX users_username_idx ON users (username);

-- Sessions hold the SHA-256 of the cookie token, never the token itself.
CREATE TABLE sessions (
  token_hash    text PRIMARY KEY,
  user_id       integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  ip            text,
  user_agent    text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- Failed sign-ins, kept in the database so the limit holds across app servers.
CREATE TABLE login_failures (
  id        bigserial PRIMARY KEY,
  username  text NOT NULL,
  ip        text NOT NULL,
  at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_username_idx ON login_failures (username, at);
CREATE INDEX login_failures_ip_idx ON login_failures (ip, at);

-- Append-only audit log, written in the same transaction as the change it records.
CREATE TABLE audit_log (
  id           bigserial PRIMARY KEY,
  at           timestamptz NOT NULL DEFAULT now(),
  actor_id     integer REFERENCES users (id),
  actor_name   text NOT NULL,
  action       text NOT NULL,
  entity       text NOT NULL,
  entity_id    text,
  before       jsonb,
  after        jsonb,
  request_id   text
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, at);
CREATE INDEX audit_log_at_idx ON audit_log (at);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- Boundary imports and the report each produced.
CREATE TABLE boundary_imports (
  id             bigserial PRIMARY KEY,
  file_name      text NOT NULL,
  level          text NOT NULL,
  province_code  text,
  valid_from     date NOT NULL,
  report         jsonb NOT NULL,
  imported_at    timestamptz NOT NULL DEFAULT now()
);

-- Which generated demo data sets are loaded, so the UI can label them.
CREATE TABLE demo_datasets (
  name          text PRIMARY KEY,
  seed          integer NOT NULL,
  generated_at  timestamptz NOT NULL DEFAULT now(),
  summary       jsonb NOT NULL DEFAULT '{}'
);
