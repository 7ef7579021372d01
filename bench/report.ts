/**
 * One benchmark result line, printed as JSON. `pass` is decided against `limit`; a line with `limit` null is
 * information only (printed, never failing: another line judges what it measures, named in `judgedBy`).
 */
export interface BenchResult {
  name: string
  value: number
  unit: string
  baseline: number | null
  ratio: number | null
  limit: number | null
  pass: boolean
  judgedBy?: string
  /** The data scale the line was measured at (bench --scale: 1, then the scale asked). */
  scale?: number
}

/**
 * The limits of issue 15's acceptance (PostgreSQL, at scale 10 as at scale 1), each judged on its own line; the
 * cable summary is also judged on its growth (`growth.cables.summary_p95_ms`: its value at scale 10 at most twice
 * its value at scale 1).
 */
export const ACCEPTANCE = {
  'stations.rule_check_p95_ms': 50,
  'tiles.z14_p50_ratio': 1.3,
  'cables.summary_p95_ms': 50,
  'growth.cables.summary_p95_ms': 2,
  'conversions.dashboard_p95_ms': 50,
  'stations.list_filtered_p95_ms': 100,
} as const

/** Percentile of a sample (nearest rank). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank] ?? NaN
}

const round = (n: number) => Math.round(n * 1000) / 1000

/** A result whose value must stay at or under an absolute limit. */
export function underLimit(
  name: string,
  value: number,
  unit: string,
  limit: number,
  baseline: number | null,
): BenchResult {
  return {
    name,
    value: round(value),
    unit,
    baseline: baseline === null ? null : round(baseline),
    ratio: baseline ? round(value / baseline) : null,
    limit,
    pass: value <= limit,
  }
}

/** A result whose value is itself a ratio against the raw-SQL baseline, limited by `limit`. */
export function ratioLimit(name: string, value: number, baseline: number, unit: string, limit: number): BenchResult {
  const ratio = value / baseline
  return {
    name,
    value: round(value),
    unit,
    baseline: round(baseline),
    ratio: round(ratio),
    limit,
    pass: ratio <= limit,
  }
}

/**
 * A ratio against the raw-SQL baseline printed as information only: where a few milliseconds of fixed HTTP cost
 * over a fast statement make the ratio meaningless, the absolute limit and the growth (`judgedBy`) judge instead.
 */
export function ratioInfo(name: string, value: number, baseline: number, unit: string, judgedBy: string): BenchResult {
  return {
    name,
    value: round(value),
    unit,
    baseline: round(baseline),
    ratio: round(value / baseline),
    limit: null,
    pass: true,
    judgedBy,
  }
}

/** Times an async function `n` times and answers the durations in milliseconds. */
export async function timeRuns(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    await fn(i)
    out.push(performance.now() - t)
  }
  return out
}

/** A figure printed for information: no limit of its own; `judgedBy` names the line that judges what it measures. */
export function info(name: string, value: number, unit: string, judgedBy: string): BenchResult {
  return { name, value: round(value), unit, baseline: null, ratio: null, limit: null, pass: true, judgedBy }
}
