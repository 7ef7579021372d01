// What other domains may ask the conversion programme about a station.
import type { Queryable } from '../db/index'
import { OPEN_ITEM_PROGRAMME } from './sql'

/**
 * The name of the programme in which the station's mast waits for a conversion (an item not yet verified), or
 * null when it waits in none.
 */
export async function openConversionProgramme(q: Queryable, stationId: number): Promise<string | null> {
  const row = await q.maybeOne<{ programme: string }>(OPEN_ITEM_PROGRAMME, [stationId])
  return row?.programme ?? null
}
