-- Photos an inspector takes at a site during the field check, kept in the database (like the conversion
-- programme's after-photos) so that they commit with the record and every app server can serve them.
CREATE TABLE station_photos (
  id           bigserial PRIMARY KEY,
  station_id   bigint NOT NULL REFERENCES stations (id),
  media_type   text NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'image/webp')),
  byte_size    integer NOT NULL CHECK (byte_size > 0),
  sha256       text NOT NULL,
  content      bytea NOT NULL,
  uploaded_by  integer REFERENCES users (id),
  uploaded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX station_photos_station_idx ON station_photos (station_id);
