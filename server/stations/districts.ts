import type { Queryable } from '../db/index'
import { REDERIVE_DISTRICTS } from './sql/stations.sql'

/**
 * After a boundary import: gives every station of the province the district in force on `today` that contains
 * it (derived data: no version bump, the import's audit row records it). Answers the ids that moved.
 */
export async function rederiveStationDistricts(q: Queryable, provinceCode: string, today: string): Promise<number[]> {
  const rows = await q.many<{ id: number }>(REDERIVE_DISTRICTS, [provinceCode, today])
  return rows.map((r) => Number(r.id))
}
