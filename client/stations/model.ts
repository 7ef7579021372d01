/** Pure helpers of the stations pages: colours and legends, field errors, CSV error reports, circles and waits. */
import type { FieldError } from '../api/http'
import type { Feature, Polygon } from 'geojson'
import { MAST_CLASSES, OPERATORS, STATES, type Outcome, type RuleResult } from './types'

export type ColourBy = 'operator' | 'mastClass' | 'state'

export const OPERATOR_COLOURS: Record<string, string> = {
  viettel: '#d92d20',
  vnpt: '#1570ef',
  mobifone: '#0e9384',
  vietnamobile: '#f79009',
  gmobile: '#7a5af8',
}
export const CLASS_COLOURS: Record<string, string> = { A1: '#12b76a', A1c: '#66c61c', A2a: '#2e90fa', A2b: '#9e2a88' }
export const STATE_COLOURS: Record<string, string> = {
  draft: '#98a2b3',
  submitted: '#f79009',
  field_checked: '#ee46bc',
  returned: '#b54708',
  approved: '#2e90fa',
  rejected: '#d92d20',
  built: '#0086c9',
  in_service: '#12b76a',
  decommissioned: '#475467',
}
const OTHER = '#667085'

/** The colour table and the keys, in legend order, for one way of colouring. */
export function palette(by: ColourBy): { keys: readonly string[]; colours: Record<string, string> } {
  if (by === 'operator') return { keys: OPERATORS, colours: OPERATOR_COLOURS }
  if (by === 'mastClass') return { keys: MAST_CLASSES, colours: CLASS_COLOURS }
  return { keys: STATES, colours: STATE_COLOURS }
}

/** A MapLibre `match` expression colouring features by a property with the palette of `by`. */
export function colourExpression(by: ColourBy, property: string): unknown[] {
  const { keys, colours } = palette(by)
  return ['match', ['coalesce', ['get', property], ''], ...keys.flatMap((k) => [k, colours[k] ?? OTHER]), OTHER]
}

/** The worst outcome of a set of rule results (none: pass). */
export function overall(results: readonly RuleResult[] | null | undefined): Outcome {
  if (!results || results.length === 0) return 'pass'
  if (results.some((r) => r.outcome === 'fail')) return 'fail'
  return results.some((r) => r.outcome === 'warn') ? 'warn' : 'pass'
}

/** The server's field errors keyed by the form's field name: "body.position.lat" → "position.lat". */
export function errorsByField(errors: readonly FieldError[], prefix = 'body.'): Record<string, string> {
  const out: Record<string, string> = {}
  for (const e of errors) {
    const key = e.path.startsWith(prefix) ? e.path.slice(prefix.length) : e.path
    out[key] = out[key] ? `${out[key]} ${e.message}` : e.message
  }
  return out
}

export interface CsvLineErrors {
  line: number | null
  fields: { field: string; message: string }[]
}

/**
 * Groups an import's errors ("line 3.mastHeightM") by CSV line, in line order; errors about the whole file come
 * first.
 */
export function csvErrorsByLine(errors: readonly FieldError[]): CsvLineErrors[] {
  const byLine = new Map<number | null, CsvLineErrors>()
  for (const e of errors) {
    const m = /^line (\d+)(?:\.(.+))?$/.exec(e.path)
    const line = m ? Number(m[1]) : null
    const field = m ? (m[2] ?? '') : e.path.replace(/^body\./, '')
    const entry = byLine.get(line) ?? { line, fields: [] }
    entry.fields.push({ field, message: e.message })
    byLine.set(line, entry)
  }
  return [...byLine.values()].sort((x, y) => (x.line ?? -1) - (y.line ?? -1))
}

const EARTH_RADIUS_M = 6_371_008.8

/** A circle of `radiusM` metres around a point as a polygon (spherical; good to centimetres at these radii). */
export function circle(
  center: [number, number],
  radiusM: number,
  properties: Record<string, unknown> = {},
  steps = 72,
): Feature<Polygon> {
  const [lon, lat] = center
  const φ1 = (lat * Math.PI) / 180
  const λ1 = (lon * Math.PI) / 180
  const δ = radiusM / EARTH_RADIUS_M
  const ring: [number, number][] = []
  for (let i = 0; i <= steps; i++) {
    const θ = ((i % steps) / steps) * 2 * Math.PI
    const φ2 = Math.asin(Math.sin(φ1) * Math.cos(δ) + Math.cos(φ1) * Math.sin(δ) * Math.cos(θ))
    const λ2 = λ1 + Math.atan2(Math.sin(θ) * Math.sin(δ) * Math.cos(φ1), Math.cos(δ) - Math.sin(φ1) * Math.sin(φ2))
    ring.push([(λ2 * 180) / Math.PI, (φ2 * 180) / Math.PI])
  }
  return { type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [ring] } }
}

/** Whole days and hours of a wait: [days, hours]. */
export function waitParts(hours: number): [days: number, hours: number] {
  const total = Math.max(0, Math.floor(hours))
  return [Math.floor(total / 24), total % 24]
}

/** The spacing/sharing/duplicate limits in a set of rule results, as rings to draw (null limits left out). */
export function ringsOf(results: readonly RuleResult[] | null | undefined): { rule: string; radiusM: number }[] {
  return (results ?? []).flatMap((r) => {
    if (r.rule !== 'spacing' && r.rule !== 'must_share' && r.rule !== 'duplicate') return []
    const limit = r.values.limitM
    return typeof limit === 'number' && limit > 0 ? [{ rule: r.rule, radiusM: limit }] : []
  })
}
