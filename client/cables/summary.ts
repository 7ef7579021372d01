/** Shaping the summary's table rows for charts; pure, so it is tested without a browser. */
import type { Period, SummaryRow } from './api'
import { KINDS } from './model'

/** The first year of the ledger the charts start at (the demo's oldest works began in 2014). */
export const FIRST_YEAR = 2014

/** Completed kilometres per group, one value per kind (in KINDS order), biggest group first; `top` rows at most. */
export function completedKmByGroup(
  rows: readonly SummaryRow[],
  top = 24,
): { group: string | null; values: number[] }[] {
  const groups = new Map<string | null, number[]>()
  for (const r of rows) {
    const values = groups.get(r.group) ?? KINDS.map(() => 0)
    values[KINDS.indexOf(r.kind)]! += Number(r.completedM) / 1000
    groups.set(r.group, values)
  }
  const sum = (v: number[]) => v.reduce((a, b) => a + b, 0)
  return [...groups]
    .map(([group, values]) => ({ group, values }))
    .filter((g) => sum(g.values) > 0)
    .sort((a, b) => sum(b.values) - sum(a.values))
    .slice(0, top)
}

/** The year-ends a cumulative line chart reads, up to `today` (the current year ends today). */
export function yearEnds(today: string, first = FIRST_YEAR): { label: string; until: string }[] {
  const year = Number(today.slice(0, 4))
  return Array.from({ length: Math.max(0, year - first + 1) }, (_, i) => {
    const y = first + i
    return { label: String(y), until: y === year ? today : `${y}-12-31` }
  })
}

/**
 * The period a picker's choice means: a quarter or a year needs its year (and quarter); the cumulative
 * figures run to `today`, which the client states (Vietnam's date) rather than leave to the server's clock.
 */
export function periodFrom(kind: Period['period'], year: number, quarter: number, today: string): Period {
  if (kind === 'quarter') return { period: 'quarter', year, quarter }
  if (kind === 'year') return { period: 'year', year }
  return { period: 'cumulative', until: today }
}
