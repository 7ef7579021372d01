import pg from 'pg'
import { ACCEPTANCE, percentile, timeRuns, underLimit, type BenchResult } from '../report'
import type { BenchContext } from '../run'
import { DEMO_PASSWORD } from '../../gis-data/demo'

const RUNS = 60
const LOAD_WAIT_MS = 600_000

/** The demo programme's id, once the server's background demo load has reached the conversions layer. */
async function demoProgramme(client: pg.Client): Promise<number> {
  const until = Date.now() + LOAD_WAIT_MS
  for (;;) {
    const { rows } = await client.query<{ id: number }>(
      `SELECT p.id FROM conversion_programmes p
        WHERE p.is_demo AND EXISTS (SELECT 1 FROM demo_datasets WHERE name = 'conversions')
        ORDER BY p.starts_on, p.id LIMIT 1`,
    )
    if (rows[0]) return rows[0].id
    if (Date.now() > until) throw new Error('conversions bench: the demo programme did not load in time')
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}

/**
 * The programme dashboard on the demo's 3,742-item programme, through the API as the officer sees it, against a
 * raw-SQL baseline that counts the same figures (per phase and status, per day, per district, per carrier, overdue).
 */
export async function conversionsBench(ctx: BenchContext): Promise<BenchResult[]> {
  const client = new pg.Client({ connectionString: ctx.databaseUrl })
  await client.connect()
  try {
    const id = await demoProgramme(client)
    const login = await fetch(`${ctx.serverUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer', password: DEMO_PASSWORD }),
    })
    if (login.status !== 200) throw new Error(`conversions bench: login answered ${login.status}`)
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
    const url = `${ctx.serverUrl}/api/conversions/programmes/${id}/dashboard`
    // Warm both paths once so the first sample is not a cold cache.
    await fetch(url, { headers: { cookie } })
    const api = await timeRuns(RUNS, async () => {
      const res = await fetch(url, { headers: { cookie } })
      if (res.status !== 200) throw new Error(`dashboard answered ${res.status}`)
      await res.arrayBuffer()
    })
    const today = `(now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`
    const from = `conversion_items i JOIN conversion_phases ph ON ph.id = i.phase_id
      JOIN stations s ON s.id = i.station_id JOIN carriers c ON c.id = i.carrier_id WHERE i.programme_id = $1`
    const counts = `count(*), count(*) FILTER (WHERE i.status = 'verified'),
      count(*) FILTER (WHERE i.status <> 'verified' AND i.due_date < ${today})`
    const raw = await timeRuns(RUNS, async () => {
      await client.query(`SELECT ph.seq, ${counts} FROM ${from} GROUP BY ph.seq`, [id])
      await client.query(`SELECT i.status, count(*) FROM ${from} GROUP BY i.status`, [id])
      await client.query(
        `SELECT (i.verified_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, count(*)
           FROM ${from} AND i.status = 'verified' GROUP BY 1`,
        [id],
      )
      await client.query(`SELECT s.district_code, ${counts} FROM ${from} GROUP BY 1`, [id])
      await client.query(`SELECT c.short_name, ${counts} FROM ${from} GROUP BY 1`, [id])
      await client.query(
        `SELECT i.id FROM ${from} AND i.status <> 'verified' AND i.due_date < ${today}
          ORDER BY i.due_date, i.id LIMIT 10`,
        [id],
      )
    })
    const limit = ACCEPTANCE['conversions.dashboard_p95_ms']
    return [underLimit('conversions.dashboard_p95_ms', percentile(api, 95), 'ms', limit, percentile(raw, 95))]
  } finally {
    await client.end()
  }
}
