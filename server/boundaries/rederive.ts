import type { Queryable } from '../db/index'
import { rederiveStationDistricts } from '../stations/districts'
import { rederivePoleDistricts, resplitProvince, snapshotSplits } from '../cables/service'
import { countItemsOfStations } from '../conversions/items'

/** What a district import moved: records whose district changed, routes whose split by district changed. */
export interface Moved {
  stations: number
  poles: number
  conversionItems: number
  routes: number
}

/** Before a district import changes the units: what the re-derivation compares with afterwards. */
export async function beforeDistrictChange(tx: Queryable, provinceCode: string, today: string): Promise<void> {
  await snapshotSplits(tx, provinceCode, today)
}

/**
 * Re-derives everything stored per district in a province from the units in force on `today`, through each
 * domain's own service (the same SQL those domains use when a record is created), in the caller's transaction.
 */
export async function rederiveDistricts(tx: Queryable, provinceCode: string, today: string): Promise<Moved> {
  const stationIds = await rederiveStationDistricts(tx, provinceCode, today)
  const conversionItems = stationIds.length > 0 ? await countItemsOfStations(tx, stationIds) : 0
  const poles = await rederivePoleDistricts(tx, provinceCode, today)
  const routes = await resplitProvince(tx, provinceCode, today)
  return { stations: stationIds.length, poles, conversionItems, routes }
}
