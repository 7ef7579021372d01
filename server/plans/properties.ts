// What a plan feature must say, read from its properties under English or Vietnamese names (or the upload's
// defaults), with the types checked. Pure: the per-feature half of a version's validation.
import type { Geometry } from '../geo/gate'
import { KEY_NAMES, normalise, type PlanFeature } from './formats'

export const MAST_CLASSES = ['A1', 'A1c', 'A2a', 'A2b'] as const
export const SHARING = ['none', 'offer', 'seek', 'shared'] as const
export const ROUTE_KINDS = ['underground', 'aerial'] as const
export type MastClass = (typeof MAST_CLASSES)[number]
export type Sharing = (typeof SHARING)[number]
export type RouteKind = (typeof ROUTE_KINDS)[number]

/** Values the upload gives for every feature that does not carry its own. */
export interface Defaults {
  mastClass?: MastClass
  heightM?: number
  year?: number
  phase?: string
  sharing?: Sharing
  routeKind?: RouteKind
}

/** The normalised property names each field is read from. */
const NAMES = {
  mastClass: ['mastclass', 'class', 'loaicot', 'phanloai'],
  height: ['height', 'heightm', 'mastheightm', 'chieucao', 'docao'],
  year: ['year', 'nam', 'namxaydung', 'namdautu'],
  phase: ['phase', 'giaidoan'],
  sharing: ['sharing', 'dungchung', 'share'],
  kind: ['kind', 'routekind', 'loaituyen', 'hinhthuc'],
  length: ['length', 'lengthm', 'chieudai', 'chieudaim'],
}

type Period = { from: number; to: number }
interface Common {
  feature: PlanFeature
  key: string | null
  year: number
  phase: string | null
  /** The properties not read into a column (they are compared as attributes between versions). */
  attributes: Record<string, unknown>
  /** The geometry as stored, once PostGIS has checked it. */
  geojson?: string
}
export type SiteRow = Common & {
  type: 'site'
  geometry: Geometry
  mastClass: MastClass
  heightM: number
  sharing: Sharing
}
export type RouteRow = Common & { type: 'route'; geometry: Geometry; kind: RouteKind; declaredLengthM: number | null }
export type AreaRow = Common & { type: 'area'; geometry: Geometry }
export type PlanRow = SiteRow | RouteRow | AreaRow

/** A feature's properties by normalised name, built once per feature (the first of two spellings wins). */
type Named = Map<string, unknown>
const named = (props: Record<string, unknown>): Named => {
  const out: Named = new Map()
  for (const [k, v] of Object.entries(props)) {
    const n = normalise(k)
    if (!out.has(n) && v !== '' && v !== null) out.set(n, v)
  }
  return out
}
const find = (props: Named, names: string[]): unknown => {
  for (const name of names) if (props.has(name)) return props.get(name)
  return undefined
}
const READ = new Set([...KEY_NAMES, ...Object.values(NAMES).flat()])
/** The properties no column takes. */
export const attributesOf = (props: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(props).filter(([k]) => !READ.has(normalise(k))))
const numberOf = (v: unknown): number | undefined => {
  if (typeof v === 'number' && Number.isFinite(v)) return v
  if (typeof v === 'string' && /^-?\d+([.,]\d+)?$/.test(v.trim())) return Number(v.trim().replace(',', '.'))
  return undefined
}
const describe = (v: unknown) => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v))

function readKey(props: Named, problems: string[]): string | null {
  const v = find(props, KEY_NAMES)
  if (v === undefined) return null
  if (typeof v !== 'string' && typeof v !== 'number') {
    problems.push(`the code ${describe(v)} must be text or a number`)
    return null
  }
  const key = String(v).trim()
  if (key.length > 100) problems.push('the code is longer than 100 characters')
  return key === '' ? null : key
}

function readYear(props: Named, defaults: Defaults, period: Period, problems: string[]) {
  const raw = find(props, NAMES.year) ?? defaults.year
  if (raw === undefined) {
    problems.push('the year is missing (property "year" / "nam", or a default year for the upload)')
    return 0
  }
  const year = numberOf(raw)
  if (year === undefined || !Number.isInteger(year)) problems.push(`the year ${describe(raw)} is not a whole number`)
  else if (year < period.from || year > period.to) {
    problems.push(`the year ${year} is outside the plan's period ${period.from}–${period.to}`)
  }
  return year ?? 0
}

function readEnum<T extends string>(raw: unknown, values: readonly T[], aliases: Record<string, T>): T | undefined {
  if (typeof raw === 'boolean') return aliases[String(raw)]
  if (typeof raw !== 'string') return undefined
  const n = normalise(raw)
  return values.find((v) => normalise(v) === n) ?? aliases[n]
}

const SHARING_ALIASES: Record<string, Sharing> = { true: 'offer', false: 'none', co: 'offer', khong: 'none' }
const KIND_ALIASES: Record<string, RouteKind> = { ngam: 'underground', treo: 'aerial', cáptreo: 'aerial' }

function site(p: Named, geometry: Geometry, d: Defaults, common: Common, problems: string[]): SiteRow {
  const rawClass = find(p, NAMES.mastClass) ?? d.mastClass
  const mastClass = readEnum(rawClass, MAST_CLASSES, {})
  if (rawClass === undefined) problems.push('the mast class is missing (property "mastClass" / "loai_cot")')
  else if (!mastClass) problems.push(`the mast class ${describe(rawClass)} is not one of ${MAST_CLASSES.join(', ')}`)
  const rawHeight = find(p, NAMES.height) ?? d.heightM
  const heightM = numberOf(rawHeight)
  if (rawHeight === undefined) problems.push('the height is missing (property "height" / "chieu_cao", metres)')
  else if (heightM === undefined) problems.push(`the height ${describe(rawHeight)} is not a number of metres`)
  else if (heightM <= 0 || heightM > 300) problems.push(`the height ${heightM} m is not between 0 and 300 m`)
  const rawSharing = find(p, NAMES.sharing) ?? d.sharing ?? 'none'
  const sharing = readEnum(rawSharing, SHARING, SHARING_ALIASES)
  if (!sharing) problems.push(`the sharing intent ${describe(rawSharing)} is not one of ${SHARING.join(', ')}`)
  return {
    ...common,
    type: 'site',
    geometry,
    mastClass: mastClass ?? 'A1',
    heightM: heightM ?? 0,
    sharing: sharing ?? 'none',
  }
}

function route(p: Named, geometry: Geometry, d: Defaults, common: Common, problems: string[]): RouteRow {
  const rawKind = find(p, NAMES.kind) ?? d.routeKind
  const kind = readEnum(rawKind, ROUTE_KINDS, KIND_ALIASES)
  if (rawKind === undefined) problems.push('the route kind is missing (property "kind": underground or aerial)')
  else if (!kind) problems.push(`the route kind ${describe(rawKind)} is not underground or aerial`)
  const rawLength = find(p, NAMES.length)
  const declared = rawLength === undefined ? null : (numberOf(rawLength) ?? null)
  if (rawLength !== undefined && (declared === null || declared <= 0)) {
    problems.push(`the declared length ${describe(rawLength)} is not a positive number of metres`)
  }
  return { ...common, type: 'route', geometry, kind: kind ?? 'underground', declaredLengthM: declared }
}

/**
 * Reads one gated feature into the row it becomes, or adds to `problems` what is missing or of the wrong type.
 * A Point is a site, a line a route, a polygon an area; a MultiPoint of one position is read as its Point.
 */
export function planRow(f: PlanFeature, geometry: Geometry, d: Defaults, period: Period, problems: string[]): PlanRow {
  const p = named(f.properties)
  const phase = find(p, NAMES.phase) ?? d.phase
  const common: Common = {
    feature: f,
    key: readKey(p, problems),
    year: readYear(p, d, period, problems),
    phase: phase === undefined ? null : String(phase).slice(0, 50),
    attributes: attributesOf(f.properties),
  }
  if (geometry.type === 'MultiPoint' && geometry.coordinates.length === 1) {
    f.warnings.push('a MultiPoint of one position was read as a Point')
    return site(p, { type: 'Point', coordinates: geometry.coordinates[0]! }, d, common, problems)
  }
  if (geometry.type === 'Point') return site(p, geometry, d, common, problems)
  if (geometry.type === 'LineString' || geometry.type === 'MultiLineString') {
    return route(p, geometry, d, common, problems)
  }
  if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') return { ...common, type: 'area', geometry }
  problems.push(`a ${geometry.type} of several positions is not a site: give each site its own Point feature`)
  return { ...common, type: 'area', geometry }
}
