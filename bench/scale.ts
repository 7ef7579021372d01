import { openDb } from '../server/db/index'
import { scaleDemo } from '../gis-data/scale'
import { ACCEPTANCE, type BenchResult } from './report'

const PROVINCE = '79'

/** How long growing the demo ten times may take (a few minutes on a 2-core machine; it took over 10 before). */
export const GENERATE_LIMIT_S = 600

/**
 * Grows the bench database's demo to `scale` times the city (gis-data/scale.ts) in one transaction, and answers
 * what it holds, how long it took in seconds, and that time as the `growth.generate_s` line.
 */
export async function growDemo(
  databaseUrl: string,
  scale: number,
  onProgress: (step: string) => void = () => undefined,
): Promise<{ report: Record<string, number>; line: BenchResult }> {
  const db = await openDb({ databaseUrl, dataDir: '', statementTimeoutMs: 3_600_000 })
  try {
    const started = performance.now()
    const report = await db.transaction((tx) => scaleDemo(tx, PROVINCE, scale, onProgress))
    const seconds = Math.round((performance.now() - started) / 100) / 10
    const line: BenchResult = {
      name: 'growth.generate_s',
      value: seconds,
      unit: 's',
      baseline: null,
      ratio: null,
      limit: GENERATE_LIMIT_S,
      pass: seconds <= GENERATE_LIMIT_S,
      scale,
    }
    return { report: { ...report, seconds }, line }
  } finally {
    await db.close()
  }
}

/** The growth limit of a case: the summary must stay within 2× of its scale-1 value; others within the scale. */
const growthLimit = (name: string, scale: number): number =>
  name === 'cables.summary_p95_ms' ? ACCEPTANCE['growth.cables.summary_p95_ms'] : scale

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

/**
 * The acceptance of issue 15 at the scale asked, one line of text per limit: its value, the limit and pass or FAIL,
 * or that the run did not measure it (--only).
 */
export function acceptanceReport(results: readonly BenchResult[], scale: number): string[] {
  return Object.entries(ACCEPTANCE).map(([name, limit]) => {
    const r = results.find((x) => x.name === name && (x.scale ?? 1) === scale)
    if (!r) return `${name}: not measured at ×${scale} (limit ${limit})`
    const shown =
      r.ratio !== null && name.endsWith('_ratio') ? `${r.ratio}× (${r.value} ${r.unit})` : `${r.value} ${r.unit}`
    return `${name} at ×${scale}: ${shown}, limit ${limit}: ${r.pass ? 'pass' : 'FAIL'}`
  })
}
