import type { Queryable } from './index'
import * as SQL from './sql'

/** What the connected PostGIS can do; detected once at start. */
export interface Capabilities {
  postgisVersion: string
  postgresVersion: string
  /** `ST_AsMVT` works (the embedded build has no protobuf, so it does not). */
  asMvt: boolean
}

/** Probes the database for the features whose absence changes the server's code path. */
export async function detectCapabilities(q: Queryable): Promise<Capabilities> {
  const v = await q.one<{ postgis: string; postgres: string }>(SQL.versions)
  let asMvt = true
  try {
    await q.one(SQL.asMvtProbe)
  } catch {
    asMvt = false
  }
  return { postgisVersion: v.postgis, postgresVersion: v.postgres, asMvt }
}
