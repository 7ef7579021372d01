/**
 * Forecast arithmetic of the dashboard: pure functions over daily completion counts. Dates are 'YYYY-MM-DD'
 * (UTC days).
 */

export interface DailyCount {
  date: string
  count: number
}

const DAY_MS = 86_400_000

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date. */
export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS)
}

/** The 'YYYY-MM-DD' date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10)
}

/** Completions per day over the `windowDays` days that end on `asOf` (inclusive). */
export function recentPace(history: readonly DailyCount[], asOf: string, windowDays: number): number {
  const end = dayNumber(asOf)
  const start = end - windowDays
  const sum = history.reduce((s, h) => {
    const d = dayNumber(h.date)
    return d > start && d <= end ? s + h.count : s
  }, 0)
  return sum / windowDays
}

/** Completions on or before `date` (inclusive): a cumulative count as the burn-up reads it on that day. */
export function doneBy(history: readonly DailyCount[], date: string): number {
  const last = dayNumber(date)
  return history.reduce((s, h) => (dayNumber(h.date) <= last ? s + h.count : s), 0)
}

/**
 * The day the target is reached at `perDay` starting after `asOf`: `asOf` itself when already reached,
 * null when it never will be (no pace).
 */
export function forecastDate(done: number, target: number, perDay: number, asOf: string): string | null {
  if (done >= target) return asOf
  if (!(perDay > 0)) return null
  return addDays(asOf, Math.ceil((target - done) / perDay))
}

/**
 * Completions per day needed from the day after `asOf` to reach the target on `deadline` (inclusive):
 * 0 when already reached, null when the deadline has passed without reaching it.
 */
export function requiredPace(done: number, target: number, asOf: string, deadline: string): number | null {
  if (done >= target) return 0
  const days = dayNumber(deadline) - dayNumber(asOf)
  if (days <= 0) return null
  return (target - done) / days
}

export interface MonthPoint {
  month: string
  done: number
}

/**
 * Cumulative completions at the end of each month from `from` to `to` (both 'YYYY-MM-DD'), counting everything
 * before `from` too.
 */
export function cumulativeByMonth(history: readonly DailyCount[], from: string, to: string): MonthPoint[] {
  const sorted = [...history].sort((a, b) => a.date.localeCompare(b.date))
  const out: MonthPoint[] = []
  let year = Number(from.slice(0, 4))
  let month = Number(from.slice(5, 7))
  const last = to.slice(0, 7)
  let i = 0
  let done = 0
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`
    while (i < sorted.length && sorted[i]!.date.slice(0, 7) <= key) done += sorted[i++]!.count
    out.push({ month: key, done })
    if (key >= last) break
    month = month === 12 ? 1 : month + 1
    if (month === 1) year++
  }
  return out
}
