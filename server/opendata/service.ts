// Open data: the stations in service as the public sees them (the OGC API's public stations collection, the
// one rule), as files with a stable address, a licence and a date.
import type { Queryable } from '../db/index'
import { csvDocument } from '../http/csv'
import { collectionById } from '../ogc/collections'
import { itemsStatement, MAX_LIMIT } from '../ogc/service'
import { DATASET_UPDATED, PUBLIC_COUNT } from './sql'

const PUBLIC = { kind: 'public' } as const

export interface OpenStation {
  id: number
  geometry: { type: 'Point'; coordinates: [number, number] }
  properties: Record<string, unknown>
}

/** Every public station, page by page through the same statement as the OGC API's items. */
export async function publicStations(q: Queryable, province: string, decimals?: number): Promise<OpenStation[]> {
  const stations = collectionById('stations')!
  const out: OpenStation[] = []
  for (let offset = 0; ; offset += MAX_LIMIT) {
    const request = { limit: MAX_LIMIT, offset, publicDecimals: decimals }
    const { page } = await itemsStatement(q, stations, PUBLIC, province, request)
    const rows = await q.many<Record<string, unknown> & { id: string; geometry: string; matched: string }>(
      page.sql,
      page.params,
    )
    for (const { id, geometry, matched: _m, ...properties } of rows)
      out.push({ id: Number(id), geometry: JSON.parse(geometry), properties })
    if (rows.length < MAX_LIMIT) return out
  }
}

/** How many stations are published (the public rule of the OGC stations collection, from the station counts). */
export async function publicCount(q: Queryable, province: string): Promise<number> {
  return Number((await q.one<{ n: number | string }>(PUBLIC_COUNT, [province])).n)
}

/** When the published stations last changed (the newest change of a station in the province). */
export async function datasetUpdated(q: Queryable, province: string): Promise<string | null> {
  return (await q.one<{ updated: string | null }>(DATASET_UPDATED, [province])).updated
}

export const CSV_COLUMNS = [
  'id',
  'operator',
  'mast_class',
  'mast_height_m',
  'technologies',
  'district',
  'temporary',
  'lon',
  'lat',
] as const

/** CSV for spreadsheets (UTF-8 with BOM, CRLF, formula-safe), one station a line, WGS84 lon/lat. */
export function stationsCsv(stations: OpenStation[]): string {
  return csvDocument([
    [...CSV_COLUMNS],
    ...stations.map((s) => {
      const p = s.properties
      const [lon, lat] = s.geometry.coordinates
      return [s.id, p.operator, p.mast_class, p.mast_height_m, p.technologies, p.district, p.temporary, lon, lat]
    }),
  ])
}

/** GeoJSON (RFC 7946) with the dataset's metadata as foreign members. */
export function stationsGeoJson(stations: OpenStation[], meta: Record<string, unknown>): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    ...meta,
    features: stations.map((s) => ({ type: 'Feature', id: s.id, geometry: s.geometry, properties: s.properties })),
  })
}
