import type { Queryable } from '../server/db/index'
import { refreshDistrictLengths } from '../server/cables/service'
import { DEMO_SEED } from './demo'
import * as sql from './sql/scale.sql'

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
 * copy (1.2: a fifth of each layer once). Each copy is a few set-based statements; `onProgress` hears each.
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
  for (let k = 1; k <= copies; k++) {
    const share = Math.min(1, scale - k)
    const [dx, dy] = copyOffset(k)
    const base = [provinceCode, k, share]
    onProgress(`copy ${k}/${copies}: stations`)
    await q.exec(sql.COPY_STATIONS, [...base, DEMO_SEED])
    onProgress(`copy ${k}/${copies}: routes`)
    const routes = await q.many<{ id: number }>(sql.COPY_ROUTES, [...base, dx, dy])
    await refreshDistrictLengths(
      q,
      routes.map((r) => r.id),
    )
    onProgress(`copy ${k}/${copies}: poles`)
    await q.exec(sql.COPY_POLES, [...base, dx, dy])
    onProgress(`copy ${k}/${copies}: conversion items`)
    await q.exec(sql.COPY_CONVERSION_ITEMS, base)
  }
  await q.exec(sql.ANALYZE_SCALED)
  return q.one<ScaleReport>(sql.SCALE_COUNTS, [provinceCode])
}
