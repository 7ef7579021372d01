import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { VectorTile } from '@mapbox/vector-tile'
import { PbfReader } from 'pbf'
import { startTestApp, type TestApp } from '../helpers/app'
import { ensureCarriers } from '../../gis-data/demo'
import { renderTile } from '../../server/tiles/service'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
  await ensureCarriers(app.db)
}, 300_000)
afterAll(() => app?.close())

const Z = 12
// The z12 tile over Quận 1; the block is it and its east, south and south-east neighbours.
const X0 = 3262
const Y0 = 1923

/** Sum of the `count` property over the aggregated pole tiles of the block, with one encoder. */
async function blockSum(encodeInServer: boolean): Promise<number> {
  let sum = 0
  for (const x of [X0, X0 + 1]) {
    for (const y of [Y0, Y0 + 1]) {
      const bytes = await renderTile(app.db, '79', { layer: 'poles', z: Z, x, y }, { kind: 'staff' }, encodeInServer)
      const layer = bytes.byteLength ? new VectorTile(new PbfReader(bytes)).layers.poles : undefined
      for (let i = 0; i < (layer?.length ?? 0); i++) sum += Number(layer!.feature(i).properties.count)
    }
  }
  return sum
}

/**
 * Poles placed in Web Mercator metres around the block's edges: on the inner edges (shared by two of its tiles)
 * at 0 and 0,1–0,6 m either side, and just outside and inside its outer edges. Answers how many lie in the block.
 */
async function placePoles(): Promise<number> {
  const offsets = [-0.6, -0.3, -0.1, 0, 0.1, 0.3, 0.6]
  const along = [0.137, 0.31, 0.5, 0.77] // fractions of the block side
  const points: { fx: number; fy: number; dx: number; dy: number; inside: boolean }[] = []
  for (const f of along) {
    for (const d of offsets) {
      points.push({ fx: 1, fy: f * 2, dx: d, dy: 0, inside: true }) // the vertical inner edge
      points.push({ fx: f * 2, fy: 1, dx: 0, dy: d, inside: true }) // the horizontal inner edge
    }
    for (const d of [-0.3, 0.3]) {
      // the outer edges: west and north are minimum bounds (inside at +), east and south maximum ones
      points.push({ fx: 0, fy: f * 2, dx: d, dy: 0, inside: d > 0 })
      points.push({ fx: 2, fy: f * 2, dx: d, dy: 0, inside: d < 0 })
      points.push({ fx: f * 2, fy: 0, dx: 0, dy: d, inside: d > 0 })
      points.push({ fx: f * 2, fy: 2, dx: 0, dy: d, inside: d < 0 })
    }
  }
  // fx/fy in tile sides from the block's west/north corner; dx east and dy south, in metres
  await app.db.exec(
    `WITH e AS (SELECT ST_TileEnvelope($1, $2, $3) AS t)
     INSERT INTO poles (province_code, code, owner_carrier_id, geom)
     SELECT '79', 'EDGE-' || n, (SELECT id FROM carriers WHERE short_name = 'viettel'),
            ST_Transform(ST_SetSRID(ST_MakePoint(ST_XMin(e.t) + fx * (ST_XMax(e.t) - ST_XMin(e.t)) + dx,
                                                 ST_YMax(e.t) - fy * (ST_YMax(e.t) - ST_YMin(e.t)) - dy), 3857), 4326)
       FROM e, unnest($4::float8[], $5::float8[], $6::float8[], $7::float8[]) WITH ORDINALITY AS p(fx, fy, dx, dy, n)`,
    [Z, X0, Y0, points.map((p) => p.fx), points.map((p) => p.fy), points.map((p) => p.dx), points.map((p) => p.dy)],
  )
  return points.filter((p) => p.inside).length
}

describe('aggregated pole tiles', () => {
  it('count every pole of a z12 block exactly once, however close to a tile edge (both encoders)', async () => {
    const inBlock = await placePoles()
    // Independent count: each stored point against the block's envelope, in Web Mercator (no tile SQL involved).
    const sql = await app.db.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM poles p, (SELECT ST_Transform(ST_TileEnvelope($1, $2, $3), 3857) AS nw,
              ST_Transform(ST_TileEnvelope($1, $2 + 1, $3 + 1), 3857) AS se) b
        WHERE ST_X(ST_Transform(p.geom, 3857)) >= ST_XMin(b.nw) AND ST_X(ST_Transform(p.geom, 3857)) < ST_XMax(b.se)
          AND ST_Y(ST_Transform(p.geom, 3857)) < ST_YMax(b.nw) AND ST_Y(ST_Transform(p.geom, 3857)) >= ST_YMin(b.se)`,
      [Z, X0, Y0],
    )
    expect(sql.n).toBe(inBlock)
    expect(await blockSum(true)).toBe(inBlock)
    if (app.db.capabilities.asMvt) expect(await blockSum(false)).toBe(inBlock)
  })
})
