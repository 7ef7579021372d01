// Every statement of the open-data domain (the stations themselves come through the OGC API's statement).

/** $1 province: the newest change of a station there, as an ISO date-time. */
export const DATASET_UPDATED = `
SELECT to_char(max(updated_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated
  FROM stations WHERE province_code = $1`
