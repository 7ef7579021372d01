-- Read-only API tokens an administrator issues for GIS clients (QGIS, GDAL) that read the OGC API Features.
-- A token acts as its user, read-only and on the OGC routes only (a carrier user's token sees that carrier's
-- records, as its session would); only its SHA-256 is stored; revoking keeps the row for the audit trail.
CREATE TABLE api_tokens (
  id            serial PRIMARY KEY,
  user_id       integer NOT NULL REFERENCES users (id),
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  token_hash    text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_by    integer REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz,
  revoked_at    timestamptz,
  last_used_at  timestamptz,
  CHECK (expires_at IS NULL OR expires_at > created_at)
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);
