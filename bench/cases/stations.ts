import pg from 'pg'
import { openDb } from '../../server/db/index'
import { explainSpacing, runRuleCheck } from '../../server/stations/check'
import { NEAREST, NEAREST_BY_OPERATOR, PLACE, RULE_VALUES, WITHIN, ZONES } from '../../server/stations/sql/facts.sql'
import { percentile, timeRuns, underLimit, type BenchResult } from '../report'
import type { BenchContext } from '../run'

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
      `SELECT id, ST_X(geom) AS lon, ST_Y(geom) AS lat, province_code AS province FROM stations ORDER BY md5(id::text) LIMIT $1`,
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
    const plan = await explainSpacing(db, sample[0]!.province, sample[0]!)
    const p95 = underLimit('stations.rule_check_p95_ms', percentile(service, 95), 'ms', 50, percentile(baseline, 95))
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
    ]
  } finally {
    await raw.end()
    await db.close()
  }
}
