import type { Queryable } from '../server/db/index'
import { refreshDistrictLengths } from '../server/cables/service'
import { DEMO_SEED } from './demo'
import * as sql from './sql/scale.sql'

/**
 * The tables the copies add a million rows or more to (the poles, their links and their first completion days): their
 * secondary indexes and foreign keys are built once, after.
 */
const BULK_TABLES = ['poles', 'route_poles', 'pole_first_done']

/** What the province holds after scaling. */
export interface ScaleReport {
  stations: number
  poles: number
  routes: number
  conversionItems: number
}

/** The shift of copy k: a golden-angle spiral of 0.5–1.5 km, so copies do not lie on each other or on the demo. */
export function copyOffset(k: number): [dx: number, dy: number] {
  const angle = k * 2.399963229728653
  const r = 0.005 + 0.009 * ((k * 0.618033988749895) % 1)
  return [r * Math.cos(angle), r * Math.sin(angle)]
}

/**
 * Grows the loaded demo province to `scale` times its size (deterministic, labelled demo): `scale` 10 adds nine
 * copies of the demo's stations in service, cable routes with their poles, and conversion items — about 100,000
 * stations, 1.5 million poles and 100,000 routes. A fractional scale copies that share of the rows in its last
 * copy (1.2: a fifth of each layer once). Each layer is one set-based statement for every copy, joined on maps of
 * old id → new id; `onProgress` hears each step.
 * Run it on a demo loaded once (copies are never copied again, but a second run adds the same copies again).
 */
export async function scaleDemo(
  q: Queryable,
  provinceCode: string,
  scale: number,
  onProgress: (step: string) => void = () => undefined,
): Promise<ScaleReport> {
  if (!(scale >= 1) || scale > 100) throw new Error(`scale must be between 1 and 100, got ${scale}`)
  const copies = Math.ceil(scale - 1 - 1e-9)
  if (copies > 0) {
    const ks = Array.from({ length: copies }, (_, i) => i + 1)
    const offsets = ks.map(copyOffset)
    onProgress(`${copies} copies: maps`)
    await q.exec(sql.CREATE_MAPS)
    await q.exec(sql.LIST_COPIES, [
      ks,
      ks.map((k) => Math.min(1, scale - k)),
      offsets.map((o) => o[0]),
      offsets.map((o) => o[1]),
    ])
    await q.exec(sql.MAP_STATIONS, [provinceCode])
    await q.exec(sql.MAP_ROUTES, [provinceCode])
    await q.exec(sql.MAP_POLES)
    await q.exec(sql.ANALYZE_MAPS)
    onProgress(`${copies} copies: stations`)
    await q.exec(sql.COPY_STATIONS, [provinceCode, DEMO_SEED])
    onProgress(`${copies} copies: routes`)
    await q.exec(sql.COPY_ROUTES, [provinceCode])
    await q.exec(sql.ANALYZE_ROUTES)
    await refreshDistrictLengths(q, (await q.one<{ ids: number[] }>(sql.COPIED_ROUTE_IDS)).ids)
    onProgress(`${copies} copies: poles`)
    const ddl = await q.many<{ drop: string; restore: string }>(sql.BULK_DDL, [BULK_TABLES])
    for (const d of ddl) await q.exec(d.drop)
    await q.exec(sql.COPY_POLES, [provinceCode])
    onProgress(`${copies} copies: route poles`)
    await q.exec(sql.COPY_ROUTE_POLES)
    onProgress(`${copies} copies: indexes and foreign keys`)
    for (const d of ddl) await q.exec(d.restore)
    onProgress(`${copies} copies: conversion items`)
    await q.exec(sql.COPY_CONVERSION_ITEMS, [provinceCode])
  }
  await q.exec(sql.ANALYZE_SCALED)
  return q.one<ScaleReport>(sql.SCALE_COUNTS, [provinceCode])
}
