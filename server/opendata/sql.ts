// Every statement of the open-data domain (the stations themselves come through the OGC API's statement).
import { stationScope } from '../stations/access'

/** $1 province: how many stations the public sees, from the station counts (migration 081). */
export const PUBLIC_COUNT = `
SELECT coalesce(sum(t.n), 0) AS n FROM station_counts t WHERE ${stationScope({ kind: 'public' }, 't', '$1')}`

/** $1 province: the newest change of a station there, as an ISO date-time. */
export const DATASET_UPDATED = `
SELECT to_char(max(updated_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated
  FROM stations WHERE province_code = $1`
