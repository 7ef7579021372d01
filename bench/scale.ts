import { openDb } from '../server/db/index'
import { scaleDemo } from '../gis-data/scale'
import type { BenchResult } from './report'

const PROVINCE = '79'

/** Grows the bench database's demo to `scale` times the city (gis-data/scale.ts) and says how long it took. */
export async function growDemo(databaseUrl: string, scale: number): Promise<Record<string, number>> {
  const db = await openDb({ databaseUrl, dataDir: '', statementTimeoutMs: 3_600_000 })
  try {
    const started = performance.now()
    const report = await db.transaction((tx) => scaleDemo(tx, PROVINCE, scale))
    return { ...report, seconds: Math.round((performance.now() - started) / 100) / 10 }
  } finally {
    await db.close()
  }
}

/** The growth limit of a case: the summary must stay within 2× of its scale-1 value; others within the scale. */
const growthLimit = (name: string, scale: number) => (name === 'cables.summary_p95_ms' ? 2 : scale)

/**
 * One `growth.<case>` line per case measured at both scales: its value at `scale` over its value at scale 1
 * (baseline: the scale-1 value).
 */
export function growthLines(results: readonly BenchResult[], scale: number): BenchResult[] {
  const atOne = new Map(results.filter((r) => r.scale === 1).map((r) => [r.name, r]))
  return results
    .filter((r) => r.scale === scale && atOne.has(r.name) && atOne.get(r.name)!.value > 0)
    .map((r) => {
      const one = atOne.get(r.name)!
      const ratio = Math.round((r.value / one.value) * 1000) / 1000
      const limit = growthLimit(r.name, scale)
      return {
        name: `growth.${r.name}`,
        value: ratio,
        unit: 'x',
        baseline: one.value,
        ratio,
        limit,
        pass: ratio <= limit,
        scale,
      }
    })
}
