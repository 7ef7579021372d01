import fs from 'node:fs'
import pg from 'pg'
import { underLimit, type BenchResult } from '../report'
import type { BenchContext } from '../run'
import { DEMO_PASSWORD } from '../../gis-data/demo'

const FEATURES = 20_000
const ROUTES = 2_000

/** A generated 20,000-feature plan inside the demo province: 18,000 sites on a grid and 2,000 short routes. */
function planFile(): string {
  const features = Array.from({ length: FEATURES }, (_, i) => {
    const lon = 106.58 + (i % 200) * 0.0008 + Math.sin(i) * 1e-5
    const lat = 10.72 + Math.floor(i / 200) * 0.0012 + Math.cos(i) * 1e-5
    if (i < FEATURES - ROUTES) {
      const properties = { code: `B${i}`, mastClass: i % 3 ? 'A2a' : 'A1', height: 12 + (i % 30), year: 2026 + (i % 5) }
      return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: [lon, lat] } }
    }
    const coordinates = [
      [lon, lat],
      [lon + 0.0004, lat + 0.0003],
      [lon + 0.0007, lat + 0.0002],
    ]
    const properties = { code: `T${i}`, kind: i % 2 ? 'aerial' : 'underground', year: 2027 }
    return { type: 'Feature', properties, geometry: { type: 'LineString', coordinates } }
  })
  return JSON.stringify({ type: 'FeatureCollection', features })
}

/** The server's resident memory now, in MB (Linux /proc). */
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024

async function signIn(serverUrl: string, username: string): Promise<string> {
  const res = await fetch(`${serverUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  })
  if (res.status !== 200) throw new Error(`login answered ${res.status}`)
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!
}

/**
 * Uploading a 20,000-feature plan version (read, gated, checked in PostGIS, stored) against the raw-SQL baseline:
 * one INSERT … SELECT of the same geometries from a GeoJSON text array; and the server's peak memory meanwhile.
 */
export async function plansBench(ctx: BenchContext): Promise<BenchResult[]> {
  const cookie = await signIn(ctx.serverUrl, 'viettel')
  const headers = { 'content-type': 'application/json', cookie }
  const created = await fetch(`${ctx.serverUrl}/api/plans`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ title: 'Bench 20k', periodFrom: 2026, periodTo: 2030 }),
  })
  if (created.status !== 201) throw new Error(`plan answered ${created.status}`)
  const plan = ((await created.json()) as { id: number }).id
  const file = planFile()
  const body = JSON.stringify({ format: 'geojson', fileName: 'bench.geojson', content: file })

  const before = rssMb(ctx.serverPid)
  let peak = before
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(ctx.serverPid))), 20)
  const started = performance.now()
  const res = await fetch(`${ctx.serverUrl}/api/plans/${plan}/versions`, { method: 'POST', headers, body })
  const text = await res.text()
  const seconds = (performance.now() - started) / 1000
  clearInterval(sampler)
  if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${text.slice(0, 500)}`)

  const client = new pg.Client({ connectionString: ctx.databaseUrl })
  await client.connect()
  let baseline: number
  try {
    const geometries = (JSON.parse(file) as { features: { geometry: unknown }[] }).features.map((f) =>
      JSON.stringify(f.geometry),
    )
    await client.query('BEGIN')
    await client.query('CREATE TEMP TABLE bench_plan_raw (i int, g geometry) ON COMMIT DROP')
    const t = performance.now()
    await client.query(
      `INSERT INTO bench_plan_raw SELECT i, ST_SetSRID(ST_GeomFromGeoJSON(j), 4326)
         FROM unnest($1::text[]) WITH ORDINALITY AS t(j, i)`,
      [geometries],
    )
    baseline = (performance.now() - t) / 1000
    await client.query('ROLLBACK')
  } finally {
    await client.end()
  }
  const limit = ctx.mode === 'postgres' ? 10 : 30
  // the officer's automatic checks of the same version: every feature against zones, rules, stations, plans
  const officer = await signIn(ctx.serverUrl, 'officer')
  const number = (JSON.parse(text) as { number: number }).number
  const checkStarted = performance.now()
  const checked = await fetch(`${ctx.serverUrl}/api/plans/${plan}/versions/${number}/findings`, {
    method: 'POST',
    headers: { cookie: officer },
  })
  const checkSeconds = (performance.now() - checkStarted) / 1000
  if (checked.status !== 200)
    throw new Error(`checks answered ${checked.status}: ${(await checked.text()).slice(0, 500)}`)
  await checked.arrayBuffer()
  return [
    underLimit('plans.import_20k_s', seconds, 's', limit, baseline),
    underLimit('plans.import_20k_rss_mb', peak, 'MB', 1536, before),
    underLimit('plans.check_20k_s', checkSeconds, 's', limit, null),
  ]
}
