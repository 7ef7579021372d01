import type { Queryable } from './index'

/** What the connected PostGIS can do; detected once at start. */
export interface Capabilities {
  postgisVersion: string
  postgresVersion: string
  /** `ST_AsMVT` works (the embedded build has no protobuf, so it does not). */
  asMvt: boolean
}

/** Probes the database for the features whose absence changes the server's code path. */
export async function detectCapabilities(q: Queryable): Promise<Capabilities> {
  const v = await q.one<{ postgis: string; postgres: string }>(
    `SELECT postgis_lib_version() AS postgis, current_setting('server_version') AS postgres`,
  )
  let asMvt = true
  try {
    await q.one(
      `SELECT ST_AsMVT(t) AS tile FROM (SELECT 1 AS id, ST_AsMVTGeom(ST_Point(1, 1, 3857), ST_MakeEnvelope(0, 0, 4, 4, 3857)) AS geom) t`,
    )
  } catch {
    asMvt = false
  }
  return { postgisVersion: v.postgis, postgresVersion: v.postgres, asMvt }
}
