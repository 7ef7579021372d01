import { VIETNAM_EXTENT } from '../geo/extent'
import { gateGeometry } from '../geo/gate'

export const LEVELS = ['province', 'district', 'ward'] as const
export type Level = (typeof LEVELS)[number]

/** The property holding each level's GSO code, and the code's shape. */
const CODE_PROPERTY: Record<Level, { key: string; pattern: RegExp; shape: string }> = {
  province: { key: 'level1_id', pattern: /^[0-9]{2}$/, shape: '2 digits' },
  district: { key: 'level2_id', pattern: /^[0-9]{3}$/, shape: '3 digits' },
  ward: { key: 'level3_id', pattern: /^[0-9]{5}$/, shape: '5 digits' },
}

/** Vietnam's extent, kept in the geometry module; re-exported for the boundary code that names it. */
export { VIETNAM_EXTENT }

/** One feature the import refuses, named so a person can find it in the file. */
export interface Rejection {
  index: number
  code: string | null
  name: string | null
  reasons: string[]
}

/** A feature that passed the structural checks, ready for the SQL stage. */
export interface CheckedFeature {
  index: number
  code: string
  name: string
  provinceCode: string
  parentCode: string | null
  geometry: unknown
}

export interface CheckOptions {
  level: Level
  /** Required for district and ward files: every feature must belong to it. */
  provinceCode?: string
}

/** What the structural check found: a file-level error, or the features split into accepted and rejected. */
export type CheckResult =
  | { ok: false; fileError: string }
  | { ok: true; features: CheckedFeature[]; rejected: Rejection[] }

function text(value: unknown): string | null {
  if (typeof value === 'number' && Number.isInteger(value)) return String(value)
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}

function checkFeature(
  feature: unknown,
  index: number,
  options: CheckOptions,
): { accepted?: CheckedFeature; rejection?: Rejection } {
  const reasons: string[] = []
  const f = (typeof feature === 'object' && feature !== null ? feature : {}) as {
    type?: unknown
    properties?: unknown
    geometry?: unknown
  }
  const props = (typeof f.properties === 'object' && f.properties !== null ? f.properties : {}) as Record<
    string,
    unknown
  >
  const spec = CODE_PROPERTY[options.level]
  const code = text(props[spec.key])
  const name = text(props.name)
  const provinceCode = text(props.level1_id)
  const parentCode =
    options.level === 'province' ? null : options.level === 'district' ? provinceCode : text(props.level2_id)

  let geometry: unknown = null
  if (f.type !== 'Feature') reasons.push('GeoJSON: the feature is not a GeoJSON Feature')
  else if (!f.geometry) reasons.push('the feature has no geometry')
  else {
    // the one geometry gate, with the country's extent: a boundary file may cover any province
    const gated = gateGeometry(f.geometry, { types: ['Polygon', 'MultiPolygon'] })
    // stored as submitted: the import's own SQL forces 2D and repairs, and reports each repair
    if (gated.ok) geometry = f.geometry
    else
      reasons.push(...gated.errors.map((e) => (e.path ? `GeoJSON: ${e.path}: ${e.message}` : `GeoJSON: ${e.message}`)))
  }

  if (!code) reasons.push(`the code (property ${spec.key}) is missing`)
  else if (!spec.pattern.test(code)) reasons.push(`the code ${spec.key} = "${code}" is not ${spec.shape}`)
  if (!name) reasons.push('the name (property name) is missing')
  else if (name.length > 200) reasons.push('the name is longer than 200 characters')
  if (!provinceCode || !/^[0-9]{2}$/.test(provinceCode))
    reasons.push('the province code (property level1_id) is missing or not 2 digits')
  else if (options.provinceCode && provinceCode !== options.provinceCode) {
    reasons.push(
      `the feature belongs to province ${provinceCode}, not to ${options.provinceCode} named for this import`,
    )
  }
  if (parentCode !== null && !/^[0-9]{2,5}$/.test(parentCode))
    reasons.push(`the parent code "${parentCode}" is not a code`)

  if (reasons.length > 0) return { rejection: { index, code, name, reasons } }
  return { accepted: { index, code: code!, name: name!, provinceCode: provinceCode!, parentCode, geometry } }
}

/**
 * Checks a boundary file's structure before any SQL: a FeatureCollection of Polygon/MultiPolygon
 * features with well-formed codes and names, inside Vietnam, each code once.
 */
export function checkFeatureCollection(input: unknown, options: CheckOptions): CheckResult {
  if (options.level !== 'province' && !options.provinceCode)
    return { ok: false, fileError: `a ${options.level} file needs the province code it belongs to` }
  if (options.level === 'province' && options.provinceCode)
    return { ok: false, fileError: 'a province file covers the provinces it contains; do not name one' }
  const fc = input as { type?: unknown; features?: unknown } | null
  if (typeof fc !== 'object' || fc === null || Array.isArray(fc) || fc.type !== 'FeatureCollection') {
    return { ok: false, fileError: 'the input is not a GeoJSON FeatureCollection' }
  }
  if (!Array.isArray(fc.features)) return { ok: false, fileError: 'the FeatureCollection has no features array' }
  if (fc.features.length === 0) return { ok: false, fileError: 'the FeatureCollection has no features' }

  const features: CheckedFeature[] = []
  const rejected: Rejection[] = []
  const firstIndexOf = new Map<string, number>()
  fc.features.forEach((feature, index) => {
    const { accepted, rejection } = checkFeature(feature, index, options)
    const code = accepted?.code ?? rejection?.code
    const earlier = code ? firstIndexOf.get(code) : undefined
    if (code && earlier === undefined) firstIndexOf.set(code, index)
    if (earlier !== undefined) {
      const duplicate = `the code ${code} already appears in feature ${earlier}`
      if (rejection) rejection.reasons.push(duplicate)
      else rejected.push({ index, code: accepted!.code, name: accepted!.name, reasons: [duplicate] })
      return
    }
    if (rejection) rejected.push(rejection)
    else features.push(accepted!)
  })
  return { ok: true, features, rejected }
}
