import pg from 'pg'
import { ACCEPTANCE, info, percentile, ratioInfo, ratioLimit, timeRuns, underLimit, type BenchResult } from '../report'
import type { BenchContext } from '../run'
import { tileSql } from '../../server/tiles/sql'
import { encodeTile } from '../../server/tiles/encode'
import { periodOf, summaryParams } from '../../server/cables/summary'
import { TABLE_NONE_DAYS } from '../../server/cables/sql/summary.sql'
import { DEMO_PASSWORD } from '../../gis-data/demo'

const RUNS = 40
const PROVINCE = '79'

/** The z14 tile holding the most features of a layer: the heaviest tile the map will ask for. */
async function densestTile(client: pg.Client, layer: 'poles' | 'routes'): Promise<{ z: number; x: number; y: number }> {
  const point = layer === 'poles' ? 'geom' : 'ST_PointOnSurface(geom)'
  const table = layer === 'poles' ? 'poles' : 'cable_routes'
  const { rows } = await client.query(`
    SELECT floor((ST_X(p) + 180) / 360 * 16384)::int AS x,
           floor((1 - ln(tan(radians(ST_Y(p))) + 1 / cos(radians(ST_Y(p)))) / pi()) / 2 * 16384)::int AS y
      FROM (SELECT ${point} AS p FROM ${table}) t GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2 LIMIT 1`)
  if (!rows[0]) throw new Error(`the tile bench needs the demo ${layer}`)
  return { z: 14, x: rows[0].x, y: rows[0].y }
}

async function signIn(serverUrl: string): Promise<string> {
  const res = await fetch(`${serverUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'officer', password: DEMO_PASSWORD }),
  })
  if (res.status !== 200) throw new Error(`login answered ${res.status}`)
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!
}

/**
 * The z14 poles and routes tiles through /tiles against the same tile SQL run directly. Each layer is judged on its
 * own p50 ratio (a p50 over both layers' runs mixed would fall between two sizes of tile) and the acceptance line is
 * the worse of the two; the server's own Server-Timing (session, version, drawing) is printed beside, so a ratio
 * over its limit says whether the time went to the database or to HTTP.
 */
export async function tileBench(ctx: BenchContext): Promise<BenchResult[]> {
  const cookie = await signIn(ctx.serverUrl)
  const layers = ['poles', 'routes'] as const
  const client = new pg.Client({ connectionString: ctx.databaseUrl })
  await client.connect()
  const tiles = { poles: await densestTile(client, 'poles'), routes: await densestTile(client, 'routes') }
  // The API's tile and the same SQL run directly alternate, run by run, so both meet the same machine: a cold
  // page cache after the demo grew, an autovacuum or another job would otherwise weigh on whichever ran first.
  const runs = {
    poles: { api: [] as number[], raw: [] as number[] },
    routes: { api: [] as number[], raw: [] as number[] },
  }
  const server: Record<string, number[]> = { session: [], version: [], render: [] }
  try {
    for (let i = 0; i < 4 * RUNS; i++) {
      const layer = layers[Math.floor(i / 2) % layers.length]!
      const TILE = tiles[layer]
      const started = performance.now()
      if (i % 2 === 0) {
        const res = await fetch(`${ctx.serverUrl}/tiles/${layer}/${TILE.z}/${TILE.x}/${TILE.y}.mvt`, {
          headers: { cookie },
        })
        if (res.status !== 200) throw new Error(`tile answered ${res.status}`)
        await res.arrayBuffer()
        runs[layer].api.push(performance.now() - started)
        for (const part of (res.headers.get('server-timing') ?? '').split(',')) {
          const [key, dur] = part.trim().split(';dur=')
          if (key && dur && server[key]) server[key].push(Number(dur))
        }
        continue
      }
      const sql = tileSql(layer, { kind: 'staff' }, TILE.z)!
      const params = [TILE.z, TILE.x, TILE.y, PROVINCE]
      if (ctx.mode === 'postgres') await client.query(sql.mvt, params)
      else {
        const { rows } = await client.query(sql.rows, params)
        encodeTile(
          layer,
          4096,
          rows.map((r) => ({
            id: Number(r.id),
            properties: Object.fromEntries(sql.props.map((p) => [p, r[p]])),
            geometry: JSON.parse(r.geom),
          })),
        )
      }
      runs[layer].raw.push(performance.now() - started)
    }
    const limit = ACCEPTANCE['tiles.z14_p50_ratio']
    const perLayer = layers.map((layer) => ({
      layer,
      api: percentile(runs[layer].api, 50),
      raw: percentile(runs[layer].raw, 50),
    }))
    const worst = perLayer.reduce((a, b) => (b.api / b.raw > a.api / a.raw ? b : a))
    return [
      ...perLayer.map((l) =>
        ratioInfo(`tiles.z14_${l.layer}_p50_ratio`, l.api, l.raw, 'ms', 'tiles.z14_p50_ratio (the worse layer)'),
      ),
      ...Object.entries(server).map(([part, values]) =>
        info(
          `tiles.z14_server_${part}_p50_ms`,
          values.length ? percentile(values, 50) : 0,
          'ms',
          'tiles.z14_p50_ratio',
        ),
      ),
      ratioLimit('tiles.z14_p50_ratio', worst.api, worst.raw, 'ms', limit),
    ]
  } finally {
    await client.end()
  }
}

/**
 * The cumulative summary through the API: its p95 under the absolute limit (the summary reads the aggregate kept by
 * migration 070, so it should not grow with the ledger; `growth.cables.summary_p95_ms` judges that at --scale), and
 * its p50 beside its statement run directly as information (the statement takes a millisecond or two, so the ratio
 * is mostly the fixed cost of an HTTP request).
 */
export async function summaryBench(ctx: BenchContext): Promise<BenchResult[]> {
  const cookie = await signIn(ctx.serverUrl)
  const until = '2018-06-30'
  const api = await timeRuns(RUNS, async () => {
    const res = await fetch(`${ctx.serverUrl}/api/cables/summary?period=cumulative&until=${until}`, {
      headers: { cookie },
    })
    if (res.status !== 200) throw new Error(`summary answered ${res.status}`)
    await res.json()
  })
  const client = new pg.Client({ connectionString: ctx.databaseUrl })
  await client.connect()
  try {
    const params = summaryParams(PROVINCE, periodOf({ period: 'cumulative', until, groupBy: 'none' }), null)
    const raw = await timeRuns(RUNS, async () => {
      await client.query(TABLE_NONE_DAYS, params)
    })
    return [
      ratioInfo(
        'cables.summary_ratio',
        percentile(api, 50),
        percentile(raw, 50),
        'ms',
        'cables.summary_p95_ms, growth.cables.summary_p95_ms',
      ),
      underLimit(
        'cables.summary_p95_ms',
        percentile(api, 95),
        'ms',
        ACCEPTANCE['cables.summary_p95_ms'],
        percentile(raw, 95),
      ),
    ]
  } finally {
    await client.end()
  }
}

/** Both cable benchmarks, for bench/run.ts. */
export async function cablesBench(ctx: BenchContext): Promise<BenchResult[]> {
  return [...(await tileBench(ctx)), ...(await summaryBench(ctx))]
}
