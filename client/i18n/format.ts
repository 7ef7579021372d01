/** Number, date and coordinate formatting with each language's conventions (vi-VN: 3.446,8; 27/11/2026). */

import { formatNumber, formatUngrouped, localeTag, type Lang } from '../../shared/format'
import { VIETNAM_TZ } from '../time'

export { formatCount, formatNumber, localeTag, type Lang } from '../../shared/format'

/**
 * A coordinate value with a fixed number of decimals and no grouping, so that it can be copied back
 * into a form: vi 10,776900 / 1191912,35 — en 10.776900 / 1191912.35.
 */
export function formatCoordinate(value: number, lang: Lang, fractionDigits: number): string {
  return formatUngrouped(value, lang, fractionDigits)
}

/** An area given in square metres, in km² (or ha below 1 km²), e.g. vi "52,3 km²". */
export function formatArea(squareMetres: number, lang: Lang): string {
  if (squareMetres >= 1_000_000)
    return `${formatNumber(squareMetres / 1_000_000, lang, squareMetres >= 100_000_000 ? 1 : 2)} km²`
  return `${formatNumber(squareMetres / 10_000, lang, 2)} ha`
}

/** A calendar date (`YYYY-MM-DD` or an ISO timestamp's date) as vi 01/01/2021 — en 01/01/2021. */
export function formatDate(isoDate: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate)
  if (!match) return isoDate
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return new Intl.DateTimeFormat(localeTag(lang), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date)
}

/** An instant in Vietnam time, e.g. vi "14:05 27/11/2026". */
export function formatDateTime(iso: string | Date, lang: Lang): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso
  if (Number.isNaN(date.getTime())) return String(iso)
  const parts = new Intl.DateTimeFormat(localeTag(lang), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: VIETNAM_TZ,
  }).formatToParts(date)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('hour')}:${part('minute')} ${part('day')}/${part('month')}/${part('year')}`
}

/** Removes grouping separators, answering null unless they split the digits into proper thousands. */
function ungroup(integer: string, sep: string): string | null {
  if (!integer.includes(sep)) return integer
  const groups = integer.replace(/^[+-]/, '').split(sep)
  const ok = /^\d{1,3}$/.test(groups[0] ?? '') && groups.slice(1).every((g) => /^\d{3}$/.test(g))
  return ok ? integer.split(sep).join('') : null
}

/**
 * Reads a number typed in either convention: "10,7769", "10.7769", "1 191 912,35", "1.191.912,35",
 * "1,191,912.35". With both separators the last one is the decimal mark; a separator that repeats is
 * grouping and must split the digits into thousands. Answers null for anything that is not one finite number.
 */
export function parseNumber(text: string): number | null {
  const s = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^\u2212/, '-')
  if (!/^[+-]?[\d.,]+$/.test(s)) return null
  const lastDot = s.lastIndexOf('.')
  const lastComma = s.lastIndexOf(',')
  let normal: string | null
  if (lastDot >= 0 && lastComma >= 0) {
    const at = Math.max(lastDot, lastComma)
    const group = lastDot > lastComma ? ',' : '.'
    const integer = ungroup(s.slice(0, at), group)
    normal = integer === null ? null : `${integer}.${s.slice(at + 1)}`
  } else {
    const sep = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : ''
    const count = sep ? s.split(sep).length - 1 : 0
    normal = count > 1 ? ungroup(s, sep) : s.replace(',', '.')
  }
  if (normal === null || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(normal)) return null
  const n = Number(normal)
  return Number.isFinite(n) ? n : null
}
