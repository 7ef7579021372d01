import { z } from 'zod'

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/

/** True for a date written YYYY-MM-DD that exists in the calendar (2026-02-30 and 2026-13-01 do not). */
export function isCalendarDate(value: string): boolean {
  const m = SHAPE.exec(value)
  if (!m) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/**
 * The one request schema for a calendar date. An impossible date is refused here, where the problem names the
 * field, instead of reaching PostgreSQL, whose out-of-range error cannot say which value it was.
 */
export const isoDate = z.string().refine(isCalendarDate, 'field.date_format')
