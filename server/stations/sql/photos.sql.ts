// SQL of the field-check photos. Values are bind parameters.

/** $1 station, $2 province: locks the station so that concurrent photo uploads are counted one after another. */
export const LOCK_STATION = `SELECT id FROM stations WHERE id = $1 AND province_code = $2 FOR UPDATE`

/** $1 station: how many photos it holds (read after LOCK_STATION, so no concurrent upload is missed). */
export const COUNT_PHOTOS = `SELECT count(*)::int AS n FROM station_photos WHERE station_id = $1`

/** $1 station, $2 media type, $3 size, $4 SHA-256, $5 bytes, $6 uploader. */
export const INSERT_PHOTO = `
INSERT INTO station_photos (station_id, media_type, byte_size, sha256, content, uploaded_by)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING id, media_type AS "mediaType", byte_size AS "byteSize"`

/** $1 photo: its station, type and bytes. */
export const SELECT_PHOTO = `
SELECT station_id AS "stationId", media_type AS "mediaType", content FROM station_photos WHERE id = $1`

/** $1 station, $2 photo ids: those of the ids uploaded for the station. */
export const PHOTOS_OF_STATION = `
SELECT id, media_type AS "mediaType", byte_size AS "byteSize"
  FROM station_photos WHERE station_id = $1 AND id = ANY ($2::bigint[])`
