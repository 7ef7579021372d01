import type { Db, Queryable } from '../db/index'
import { audit, type Actor } from '../audit/audit'
import { checkFeatureCollection, type CheckedFeature, type Level, type Rejection } from './validation'
import { forgetUnitSplits } from '../cables/service'
import { vietnamToday } from '../time'
import { beforeDistrictChange, rederiveDistricts, type Moved } from './rederive'
import * as sql from './sql'

/** One boundary import, from the CLI or the API. */
export interface ImportRequest {
  level: Level
  /** The province a district or ward file belongs to; absent for province files. */
  provinceCode?: string
  validFrom: string
  /** For province files: the file is the complete national set, so current provinces missing from it end too. */
  national?: boolean
  fileName: string
  source?: string
  dryRun?: boolean
  featureCollection: unknown
}

/** What was done to one feature's geometry on the way in. */
export interface FeatureRepair {
  index: number
  code: string
  name: string
  /** ST_IsValidReason of the geometry as submitted. */
  validity: string
  repeatedVertices: number
  /** Ring orientation as submitted: RFC 7946 wants exterior rings counter-clockwise. */
  winding: 'ccw' | 'cw' | 'mixed'
  rewound: boolean
  areaBeforeM2: number
  areaAfterM2: number
  areaChangeM2: number
  /** Human-readable list of the repairs; empty when the geometry was stored as submitted. */
  repairs: string[]
}

export interface UnitVersionRef {
  code: string
  name: string
  validFrom: string
}

/** The report of an import, written to boundary_imports and shown to the person importing. */
export interface ImportReport {
  status: 'imported' | 'dry-run' | 'rejected'
  level: Level
  provinceCode: string | null
  validFrom: string
  fileName: string
  source: string | null
  featureCount: number
  /** Why the whole file was refused (not a GeoJSON FeatureCollection, vintage out of order…). */
  fileError?: string
  rejected: Rejection[]
  features: FeatureRepair[]
  repairedCount: number
  /** Versions whose validity ends on validFrom (or would end, on a dry run). */
  closed: UnitVersionRef[]
  /** Demo (or derived outline) versions from validFrom on that the file replaced (or would, on a dry run). */
  superseded: UnitVersionRef[]
  /** For a district file: the province outline derived from the districts (no real outline is loaded). */
  outlineDerived: boolean
  /** For a district file: what changed district once the new units are in force (null on a dry run). */
  moved: Moved | null
  /** Things the person importing should know (e.g. a vintage that starts after today). */
  notes: string[]
  inserted: number
  importId: number | null
}

interface AnalysedRow extends Record<string, unknown> {
  index: number
  code: string
  name: string
  validity: string
  repeatedVertices: number
  winding: 'ccw' | 'cw' | 'mixed'
  empty: boolean
  validAfter: boolean
  areaBeforeM2: number
  areaAfterM2: number
  currentInProvince: string | null
  farFromProvince: boolean | null
}

function describeRepair(row: AnalysedRow): FeatureRepair {
  const repairs: string[] = []
  if (row.repeatedVertices > 0) repairs.push(`removed ${row.repeatedVertices} repeated vertices (zero-length segments)`)
  if (row.validity !== 'Valid Geometry') repairs.push(`made valid: ${row.validity}`)
  if (row.winding !== 'ccw')
    repairs.push(
      `rewound ${row.winding === 'cw' ? 'clockwise' : 'mixed'} rings to RFC 7946 (exterior counter-clockwise)`,
    )
  const areaChangeM2 = Math.round((row.areaAfterM2 - row.areaBeforeM2) * 10) / 10
  return {
    index: row.index,
    code: row.code,
    name: row.name,
    validity: row.validity,
    repeatedVertices: row.repeatedVertices,
    winding: row.winding,
    rewound: row.winding !== 'ccw',
    areaBeforeM2: row.areaBeforeM2,
    areaAfterM2: row.areaAfterM2,
    areaChangeM2,
    repairs,
  }
}

/**
 * How far (degrees, about 55 km) a district or ward may lie from its province's stored outline: a redrawn border
 * moves by far less, so a unit beyond it belongs to another province (or has its coordinates wrong).
 */
const FAR_FROM_PROVINCE_DEG = 0.5

function sqlRejection(row: AnalysedRow, level: Level): Rejection | undefined {
  const reasons: string[] = []
  if (row.empty) reasons.push(`no area is left after repair (${row.validity})`)
  else if (!row.validAfter) reasons.push(`the geometry is still invalid after repair (${row.validity})`)
  if (row.currentInProvince)
    reasons.push(
      `${level} ${row.code} is current in province ${row.currentInProvince}; a code belongs to one province at a time`,
    )
  if (row.farFromProvince)
    reasons.push(
      `${level} ${row.code} lies more than ${FAR_FROM_PROVINCE_DEG}° (about 55 km) from the outline of its province; ` +
        "is it another province's unit, or are its coordinates wrong?",
    )
  return reasons.length > 0 ? { index: row.index, code: row.code, name: row.name, reasons } : undefined
}

/** A report refusing the request before anything was looked at; `fileError` says why when given. */
export function rejectedReport(request: Omit<ImportRequest, 'featureCollection'>, fileError?: string): ImportReport {
  return {
    status: 'rejected',
    level: request.level,
    provinceCode: request.provinceCode ?? null,
    validFrom: request.validFrom,
    fileName: request.fileName,
    source: request.source ?? null,
    featureCount: 0,
    ...(fileError ? { fileError } : {}),
    rejected: [],
    features: [],
    repairedCount: 0,
    closed: [],
    superseded: [],
    outlineDerived: false,
    moved: null,
    notes: [],
    inserted: 0,
    importId: null,
  }
}

/** The structural checks alone, without a database: the rejection report, or the features to stage. */
export function precheck(request: ImportRequest): { report: ImportReport; features?: CheckedFeature[] } {
  const fc = request.featureCollection as { features?: unknown } | null
  const report = { ...rejectedReport(request), featureCount: Array.isArray(fc?.features) ? fc.features.length : 0 }
  if (request.national && request.level !== 'province')
    return { report: { ...report, fileError: 'only a province file can be the national set' } }
  const checked = checkFeatureCollection(request.featureCollection, {
    level: request.level,
    provinceCode: request.provinceCode,
  })
  if (!checked.ok) return { report: { ...report, fileError: checked.fileError } }
  if (checked.rejected.length > 0) return { report: { ...report, rejected: checked.rejected } }
  return { report, features: checked.features }
}

/**
 * Imports a boundary file as new unit versions valid from `validFrom`, ending the current versions in
 * its scope, all in one transaction. Any rejected feature, or a dry run, leaves the database unchanged.
 */
export async function importBoundaries(
  db: Db,
  request: ImportRequest,
  actor: Actor,
  requestId?: string,
): Promise<ImportReport> {
  const { report, features } = precheck(request)
  if (!features) return report

  const scope: sql.Scope =
    request.level !== 'province' ? 'within-province' : request.national ? 'national-file' : 'province-file'
  // The temporary stage table is dropped at commit, so a rejected or dry-run import commits nothing.
  return db.transaction(async (tx) => {
    await tx.exec(sql.LOCK_IMPORTS)
    await tx.exec(sql.CREATE_STAGE)
    const staged = features.map((f) => ({
      index: f.index,
      code: f.code,
      name: f.name,
      provinceCode: f.provinceCode,
      parentCode: f.parentCode,
      geometry: f.geometry,
    }))
    await tx.exec(sql.FILL_STAGE, [JSON.stringify(staged)])
    const rows = await tx.many<AnalysedRow>(sql.ANALYSE_STAGE, [request.level, FAR_FROM_PROVINCE_DEG])
    report.features = rows.map(describeRepair)
    report.repairedCount = report.features.filter((f) => f.repairs.length > 0).length
    report.rejected = rows.map((r) => sqlRejection(r, request.level)).filter((r): r is Rejection => r !== undefined)
    if (report.rejected.length > 0) return report

    const { where, params } = sql.scopeFilter(scope, request.level, request.provinceCode)
    const laterSql = sql.LATER_VERSIONS(where, params.length + 1)
    const later = await tx.many<LaterVersion>(laterSql, [...params, request.validFrom])
    const real = later.filter((v) => !v.replaceable)
    if (real.length > 0) return { ...report, fileError: outOfOrder(request.validFrom, real) }
    const demo = later.map(({ code, name, validFrom }) => ({ code, name, validFrom }))
    if (request.dryRun) {
      const open = await tx.many<UnitVersionRef & Record<string, unknown>>(sql.CURRENT_IN_SCOPE(where), params)
      report.closed = open.filter((c) => !demo.some((d) => d.code === c.code && d.validFrom === c.validFrom))
      return { ...report, superseded: demo, status: 'dry-run' }
    }
    const today = vietnamToday()
    if (request.level === 'district') await beforeDistrictChange(tx, request.provinceCode!, today)
    if (later.length > 0) {
      const ids = later.map((v) => v.id)
      await forgetUnitSplits(tx, ids)
      report.superseded = await tx.many(sql.DELETE_VERSIONS, [ids])
    }
    report.closed = await tx.many(sql.CLOSE_CURRENT(where, params.length + 1), [...params, request.validFrom])
    report.inserted = await tx.exec(sql.INSERT_VERSIONS, [
      request.level,
      request.validFrom,
      request.source ?? request.fileName,
    ])
    report.status = 'imported'
    if (request.level === 'district') await afterDistricts(tx, report, request.provinceCode!, today)
    await recordImport(tx, report, actor, requestId)
    return report
  })
}

interface LaterVersion extends UnitVersionRef, Record<string, unknown> {
  id: number
  replaceable: boolean
}

/** Why a vintage cannot go in before newer real ones, and what to do instead. */
function outOfOrder(validFrom: string, later: LaterVersion[]): string {
  // ISO dates sort as text.
  const latest = later.map((v) => v.validFrom).sort()[later.length - 1]
  const named = later.map((v) => `${v.code} ${v.name} from ${v.validFrom}`).join('; ')
  return (
    `${later.length} versions starting on or after ${validFrom} already exist (${named}); ` +
    'import boundary vintages in date order. ' +
    `If this file is the newer boundary, import it again with a valid-from after ${latest}. ` +
    `If it is an older vintage, load it into a new database first and then the newer files, oldest first.`
  )
}

/**
 * After a district file: a province without a real outline gets the union of its districts as outline (replacing
 * a demo or earlier derived one), and everything stored per district is re-derived from the units now in force.
 */
async function afterDistricts(tx: Queryable, report: ImportReport, provinceCode: string, today: string): Promise<void> {
  const { real } = await tx.one<{ real: boolean }>(sql.HAS_REAL_OUTLINE, [provinceCode])
  if (!real) {
    await tx.exec(sql.DELETE_LATER_OUTLINES, [provinceCode, report.validFrom])
    await tx.exec(sql.CLOSE_OUTLINE, [provinceCode, report.validFrom])
    await tx.exec(sql.INSERT_DERIVED_OUTLINE, [provinceCode, report.validFrom, report.fileName])
    report.outlineDerived = true
  }
  report.moved = await rederiveDistricts(tx, provinceCode, today)
  if (report.validFrom > today) {
    report.notes.push(
      `The new units come into force on ${report.validFrom}, after today (${today}): ` +
        "stored districts keep following today's units. " +
        'Import a vintage on or after the day it comes into force so records move with it.',
    )
  }
}

async function recordImport(tx: Queryable, report: ImportReport, actor: Actor, requestId?: string): Promise<void> {
  const { id } = await tx.one<{ id: number }>(sql.RECORD_IMPORT, [
    report.fileName,
    report.level,
    report.provinceCode,
    report.validFrom,
    JSON.stringify(report),
  ])
  report.importId = id
  await audit(
    tx,
    actor,
    {
      action: 'boundaries.import',
      entity: 'boundary_import',
      entityId: id,
      after: {
        level: report.level,
        provinceCode: report.provinceCode,
        validFrom: report.validFrom,
        fileName: report.fileName,
        source: report.source,
        inserted: report.inserted,
        repaired: report.repairedCount,
        closed: report.closed.map((c) => c.code),
        superseded: report.superseded.map((c) => c.code),
        moved: report.moved,
      },
    },
    requestId,
  )
}
