import pg from 'pg'
import { percentile, timeRuns, underLimit, type BenchResult } from '../report'
import type { BenchContext } from '../run'
import { DEMO_PASSWORD } from '../../gis-data/demo'
import { LOADED_DEMO_DATASETS } from '../../gis-data/sql'

const RUNS = 20
const LOAD_WAIT_MS = 600_000

/** Waits until the server's background demo load has written its last layer (conversions). */
async function demoLoaded(client: pg.Client): Promise<void> {
  const until = Date.now() + LOAD_WAIT_MS
  for (;;) {
    const { rows } = await client.query<{ name: string }>(LOADED_DEMO_DATASETS)
    if (rows.some((r) => r.name === 'conversions')) return
    if (Date.now() > until) throw new Error('reports bench: the demo did not load in time')
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}

/** The last complete quarter before today, as the query of the report. */
function lastQuarter(today = new Date()): string {
  const q = Math.floor(today.getUTCMonth() / 3)
  return q === 0 ? `year=${today.getUTCFullYear() - 1}&quarter=4` : `year=${today.getUTCFullYear()}&quarter=${q}`
}

/** The whole report section for a quarter on the demo, through the API as the officer reads it (median). */
export async function reportsBench(ctx: BenchContext): Promise<BenchResult[]> {
  const client = new pg.Client({ connectionString: ctx.databaseUrl })
  await client.connect()
  try {
    await demoLoaded(client)
  } finally {
    await client.end()
  }
  const login = await fetch(`${ctx.serverUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'officer', password: DEMO_PASSWORD }),
  })
  if (login.status !== 200) throw new Error(`reports bench: login answered ${login.status}`)
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
  const url = `${ctx.serverUrl}/api/reports/section?period=quarter&${lastQuarter()}`
  await fetch(url, { headers: { cookie } })
  const api = await timeRuns(RUNS, async () => {
    const res = await fetch(url, { headers: { cookie } })
    if (res.status !== 200) throw new Error(`report answered ${res.status}`)
    await res.arrayBuffer()
  })
  return [underLimit('reports.quarter_ms', percentile(api, 50), 'ms', 500, null)]
}
