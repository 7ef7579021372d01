import pg from 'pg'
import { openDb } from '../../server/db/index'
import { explainSpacing, runRuleCheck } from '../../server/stations/check'
import { NEAREST, NEAREST_BY_OPERATOR, PLACE, RULE_VALUES, WITHIN, ZONES } from '../../server/stations/sql/facts.sql'
import { ACCEPTANCE, percentile, timeRuns, underLimit, type BenchResult } from '../report'
import type { BenchContext } from '../run'
import { STATION_COLUMNS, STATION_FROM } from '../../server/stations/sql/stations.sql'
import { DEMO_PASSWORD } from '../../gis-data/demo'

const SAMPLE = 120

/**
 * The rule check of one application with the demo's ~10,000 stations loaded: the service (queries, rules,
 * storing the results) against the same six queries run directly. Fails when the spacing queries do not use
 * the GiST index on stations.geom.
 */
export async function stationsBench(ctx: BenchContext): Promise<BenchResult[]> {
  const db = await openDb({ databaseUrl: ctx.databaseUrl, dataDir: '', statementTimeoutMs: 60_000 })
  const raw = new pg.Client({ connectionString: ctx.databaseUrl })
  await raw.connect()
  try {
    const { n } = await db.one<{ n: number }>('SELECT count(*) AS n FROM stations')
    if (n < 9_000) throw new Error(`stations bench needs the demo's ~10,000 stations, found ${n}`)
    const sample = await db.many<{ id: number; lon: number; lat: number; province: string }>(
      `SELECT id, ST_X(geom) AS lon, ST_Y(geom) AS lat, province_code AS province
         FROM stations ORDER BY md5(id::text) LIMIT $1`,
      [SAMPLE],
    )
    const service = await timeRuns(sample.length, (i) => runRuleCheck(db, sample[i]!.id))
    const baseline = await timeRuns(sample.length, async (i) => {
      const s = sample[i]!
      const base = [s.lon, s.lat, s.province]
      await raw.query(RULE_VALUES, [s.province])
      await raw.query(PLACE, base)
      await raw.query(ZONES, base)
      await raw.query(WITHIN, [...base, 0.004, s.id, 400])
      await raw.query(NEAREST, [...base, s.id])
      await raw.query(NEAREST_BY_OPERATOR, [...base, s.id])
    })
    const list = await listBench(ctx, raw)
    const plan = await explainSpacing(db, sample[0]!.province, sample[0]!)
    const limit = ACCEPTANCE['stations.rule_check_p95_ms']
    const p95 = underLimit('stations.rule_check_p95_ms', percentile(service, 95), 'ms', limit, percentile(baseline, 95))
    return [
      { ...p95, pass: p95.pass && plan.usesIndex },
      {
        name: 'stations.spacing_uses_gist_index',
        value: plan.usesIndex ? 1 : 0,
        unit: 'bool',
        baseline: null,
        ratio: null,
        limit: 1,
        pass: plan.usesIndex,
      },
      list,
    ]
  } finally {
    await raw.end()
    await db.close()
  }
}

/**
 * The officer's first page of /api/stations filtered by operator, state and the busiest district (items and total),
 * against the same two statements run directly.
 */
async function listBench(ctx: BenchContext, raw: pg.Client): Promise<BenchResult> {
  const login = await fetch(`${ctx.serverUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'officer', password: DEMO_PASSWORD }),
  })
  if (login.status !== 200) throw new Error(`stations list bench: login answered ${login.status}`)
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
  const { rows } = await raw.query<{ code: string }>(
    `SELECT district_code AS code FROM stations WHERE district_code IS NOT NULL
      GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
  )
  const district = rows[0]!.code
  const url = `${ctx.serverUrl}/api/stations?operator=viettel&state=in_service&district=${district}&limit=50`
  const api = await timeRuns(SAMPLE / 2, async () => {
    const res = await fetch(url, { headers: { cookie } })
    if (res.status !== 200) throw new Error(`stations list answered ${res.status}`)
    await res.json()
  })
  const where = `s.province_code = $1 AND c.short_name = $2 AND s.state = $3 AND s.district_code = $4`
  const params = ['79', 'viettel', 'in_service', district]
  const baseline = await timeRuns(SAMPLE / 2, async () => {
    await raw.query(`SELECT ${STATION_COLUMNS} FROM ${STATION_FROM} WHERE ${where} ORDER BY s.id LIMIT 50`, params)
    await raw.query(`SELECT count(*) FROM ${STATION_FROM} WHERE ${where}`, params)
  })
  const limit = ACCEPTANCE['stations.list_filtered_p95_ms']
  return underLimit('stations.list_filtered_p95_ms', percentile(api, 95), 'ms', limit, percentile(baseline, 95))
}
