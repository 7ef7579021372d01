// The load cases (issue 15): N concurrent clients on loopback, each case bounded in time, against a server
// started with the baseline route. Cases: the constant buffer (baseline), the public map's cached tile mix,
// the public permit checker, and signed-in list pages. Each prints bench lines (bench/report.ts).
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { percentile, underLimit, type BenchResult } from '../report'
import { spawnServer } from '../server'
import { DEMO_PASSWORD } from '../../gis-data/demo'
import { DEMO_PROVINCE } from '../../gis-data/province'
import { BASELINE_PATH } from './baseline'

export interface LoadOptions {
  /** Seconds per case. */
  durationS: number
  connections: number
  /** PostgreSQL to load against; unset: an embedded database in a new data folder (the demo loads first). */
  databaseUrl?: string
  /** Cases whose name starts with this, or all. */
  only?: string
}

/** Duration, clients and case filter from command-line flags (--duration=10 --connections=50 --only=load.tiles). */
export function loadArgs(argv: string[]): Omit<LoadOptions, 'databaseUrl'> {
  const flag = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
  const positive = (name: string, fallback: number) => {
    const value = Number(flag(name) ?? fallback)
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`)
    return value
  }
  const only = flag('only')
  return {
    durationS: positive('duration', 10),
    connections: positive('connections', 50),
    only: only?.startsWith('load') ? only : undefined,
  }
}

interface Measured {
  rps: number
  p50: number
  p95: number
  p99: number
  errors: number
  total: number
}

/** A request autocannon sends: a path, and a body for a POST. */
interface Shot {
  method: 'GET' | 'POST'
  path: string
  body?: string
}

/** Runs one case: `connections` clients for `durationS` seconds, cycling through `shots`. */
async function drive(url: string, shots: Shot[], o: LoadOptions, headers: Record<string, string> = {}) {
  // loaded when a load case runs, so the other bench cases run where it is not installed yet
  const autocannon = (
    await import('autocannon').catch((err: Error) => {
      throw new Error(`load: autocannon is missing (a devDependency): run npm install (${err.message})`)
    })
  ).default
  let next = 0
  const latencies: number[] = []
  let bad = 0
  const result = await new Promise<{ duration: number; errors: number; timeouts: number }>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: o.connections,
        duration: o.durationS,
        timeout: 10,
        headers: { ...headers, ...(shots.some((s) => s.body) ? { 'content-type': 'application/json' } : {}) },
        requests: [
          {
            setupRequest: (req) => {
              const shot = shots[next++ % shots.length]!
              return { ...req, method: shot.method, path: shot.path, body: shot.body }
            },
          },
        ],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    )
    instance.on('response', (_client, status, _bytes, ms) => {
      latencies.push(ms)
      if (status >= 300) bad++
    })
  })
  const measured: Measured = {
    rps: latencies.length / result.duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: bad + result.errors + result.timeouts,
    total: latencies.length,
  }
  return measured
}

/** A result that must reach at least `limit` (throughput, or a ratio to the baseline). */
function atLeast(name: string, value: number, unit: string, limit: number, baseline: number | null): BenchResult {
  const round = (n: number) => Math.round(n * 1000) / 1000
  return {
    name,
    value: round(value),
    unit,
    baseline: baseline === null ? null : round(baseline),
    ratio: baseline ? round(value / baseline) : null,
    limit,
    pass: value >= limit,
  }
}

/** Throughput, latencies and errors of one case as bench lines. */
function lines(name: string, m: Measured, p99Limit: number, baselineRps: number | null): BenchResult[] {
  return [
    atLeast(`load.${name}_rps`, m.rps, 'req/s', 1, baselineRps),
    underLimit(`load.${name}_p50_ms`, m.p50, 'ms', p99Limit, null),
    underLimit(`load.${name}_p95_ms`, m.p95, 'ms', p99Limit, null),
    underLimit(`load.${name}_p99_ms`, m.p99, 'ms', p99Limit, null),
    underLimit(`load.${name}_errors`, m.errors, 'requests', 0, null),
  ]
}

/** The z/x/y of the tile holding a point. */
function tileOf(z: number, lon: number, lat: number): [number, number] {
  const n = 2 ** z
  const r = (lat * Math.PI) / 180
  return [
    Math.floor(((lon + 180) / 360) * n),
    Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n),
  ]
}

/**
 * The public map's tile mix over the demo city: viewports of a 1280×800 screen (5×4 tiles) around the centre
 * at zooms 10–14, the zooms the map's station source serves, most of them at the deeper zooms where people pan.
 */
export function publicTileMix(): string[] {
  const [lon, lat] = DEMO_PROVINCE.center
  const out: string[] = []
  for (const [z, span] of [
    [10, 1],
    [11, 1],
    [12, 2],
    [13, 2],
    [14, 3],
  ] as const) {
    const [cx, cy] = tileOf(z, lon, lat)
    for (let dx = -2 * span; dx <= 2 * span; dx++)
      for (let dy = -2 * span + 1; dy <= 2 * span; dy++) out.push(`/tiles/stations/${z}/${cx + dx}/${cy + dy}.mvt`)
  }
  return out
}

/** Permit checks at spread positions over the demo city, for the three mast kinds a citizen asks about. */
function permitMix(): Shot[] {
  const [lon, lat] = DEMO_PROVINCE.center
  const kinds = [
    { mastClass: 'A1', mastHeightM: 3, onBuilding: true, buildingHeightM: 20 },
    { mastClass: 'A2a', mastHeightM: 12, onBuilding: true, buildingHeightM: 25 },
    { mastClass: 'A2b', mastHeightM: 40, onBuilding: false },
  ]
  return Array.from({ length: 60 }, (_, i) => ({
    method: 'POST' as const,
    path: '/api/public/permit-check',
    body: JSON.stringify({
      position: { lon: lon + ((i % 10) - 5) * 0.01, lat: lat + (Math.floor(i / 10) - 3) * 0.01 },
      ...kinds[i % kinds.length],
    }),
  }))
}

async function signIn(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  })
  if (res.status !== 200) throw new Error(`load: sign-in of ${username} answered ${res.status}`)
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!
}

/** Fetches each path once (fills the tile cache) and answers the mean body size; fails on any error. */
async function warm(url: string, paths: string[], headers: Record<string, string> = {}): Promise<number> {
  const sizes: number[] = []
  for (const p of paths) {
    const res = await fetch(url + p, { headers })
    if (res.status >= 300) throw new Error(`load: ${p} answered ${res.status}`)
    sizes.push((await res.arrayBuffer()).byteLength)
  }
  return Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length)
}

/** Starts the load server, runs the cases and answers their bench lines (`emit` sees each case's as it ends). */
export async function loadBench(o: LoadOptions, emit: (rs: BenchResult[]) => void = () => {}): Promise<BenchResult[]> {
  const wanted = (name: string) => !o.only || `load.${name}`.startsWith(o.only) || o.only.startsWith(`load.${name}`)
  const env: Record<string, string> = { ADMIN_PASSWORD: 'bench-root-secret-2026', DEMO: 'on', LOG_LEVEL: 'error' }
  let dataDir: string | undefined
  if (o.databaseUrl) env.DATABASE_URL = o.databaseUrl
  else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'telgis-load-'))
    Object.assign(env, { DATA_DIR: dataDir, EMBEDDED_DB_PASSWORD: crypto.randomBytes(12).toString('hex') })
  }
  // room for every tile of the mix
  env.TILE_CACHE_BYTES = String(256 * 1024 * 1024)
  // the first run loads the demo (150,000 poles) into the database, on a machine the load will keep busy
  env.STATEMENT_TIMEOUT_MS = '600000'
  const server = await spawnServer(env, 600_000, 'bench/load/server.ts')
  const results: BenchResult[] = []
  const out = (rs: BenchResult[]) => {
    results.push(...rs)
    emit(rs)
  }
  try {
    const url = server.url
    const tiles = publicTileMix()
    if (wanted('tiles')) {
      // the baseline sends the mix's mean tile size, so both move the same bytes per request
      const mean = await warm(url, tiles)
      const buffer = await drive(url, [{ method: 'GET', path: `${BASELINE_PATH}/${mean}` }], o)
      out(lines('buffer', buffer, 250, null))
      const cached = await drive(
        url,
        tiles.map((p) => ({ method: 'GET', path: p })),
        o,
      )
      // cached public tiles against the constant buffer: at least half its throughput, with no error
      const ratio = atLeast('load.tiles_rps_ratio', cached.rps / buffer.rps, 'ratio', 0.5, null)
      out([...lines('tiles', cached, 250, buffer.rps), { ...ratio, pass: ratio.pass && cached.errors === 0 }])
    }
    if (wanted('permit')) out(lines('permit', await drive(url, permitMix(), o), 2000, null))
    if (wanted('lists')) {
      const officer = await signIn(url, 'officer')
      const carrier = await signIn(url, 'viettel')
      const pages = ['/api/stations?limit=50', '/api/cables/routes?limit=50']
      await warm(url, pages, { cookie: officer })
      const staff = await drive(
        url,
        pages.map((p) => ({ method: 'GET', path: p })),
        o,
        { cookie: officer },
      )
      out(lines('lists_officer', staff, 2000, null))
      const own = await drive(
        url,
        pages.map((p) => ({ method: 'GET', path: p })),
        o,
        { cookie: carrier },
      )
      out(lines('lists_carrier', own, 2000, null))
    }
  } finally {
    await server.stop()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  }
  return results
}
