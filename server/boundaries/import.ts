import type { Db, Queryable } from '../db/index'
import { audit, type Actor } from '../audit/audit'
import { checkFeatureCollection, type CheckedFeature, type Level, type Rejection } from './validation'
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
}

function describeRepair(row: AnalysedRow): FeatureRepair {
  const repairs: string[] = []
  if (row.repeatedVertices > 0) repairs.push(`removed ${row.repeatedVertices} repeated vertices (zero-length segments)`)
  if (row.validity !== 'Valid Geometry') repairs.push(`made valid: ${row.validity}`)
  if (row.winding !== 'ccw') repairs.push(`rewound ${row.winding === 'cw' ? 'clockwise' : 'mixed'} rings to RFC 7946 (exterior counter-clockwise)`)
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

function sqlRejection(row: AnalysedRow, level: Level): Rejection | undefined {
  const reasons: string[] = []
  if (row.empty) reasons.push(`no area is left after repair (${row.validity})`)
  else if (!row.validAfter) reasons.push(`the geometry is still invalid after repair (${row.validity})`)
  if (row.currentInProvince) reasons.push(`${level} ${row.code} is current in province ${row.currentInProvince}; a code belongs to one province at a time`)
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
    inserted: 0,
    importId: null,
  }
}

/** The structural checks alone, without a database: the rejection report, or the features to stage. */
export function precheck(request: ImportRequest): { report: ImportReport; features?: CheckedFeature[] } {
  const fc = request.featureCollection as { features?: unknown } | null
  const report = { ...rejectedReport(request), featureCount: Array.isArray(fc?.features) ? fc.features.length : 0 }
  if (request.national && request.level !== 'province') return { report: { ...report, fileError: 'only a province file can be the national set' } }
  const checked = checkFeatureCollection(request.featureCollection, { level: request.level, provinceCode: request.provinceCode })
  if (!checked.ok) return { report: { ...report, fileError: checked.fileError } }
  if (checked.rejected.length > 0) return { report: { ...report, rejected: checked.rejected } }
  return { report, features: checked.features }
}

/**
 * Imports a boundary file as new unit versions valid from `validFrom`, ending the current versions in
 * its scope, all in one transaction. Any rejected feature, or a dry run, leaves the database unchanged.
 */
export async function importBoundaries(db: Db, request: ImportRequest, actor: Actor, requestId?: string): Promise<ImportReport> {
  const { report, features } = precheck(request)
  if (!features) return report

  const scope: sql.Scope = request.level !== 'province' ? 'within-province' : request.national ? 'national-file' : 'province-file'
  // The temporary stage table is dropped at commit, so a rejected or dry-run import commits nothing.
  return db.transaction(async (tx) => {
    await tx.exec(sql.LOCK_IMPORTS)
    await tx.exec(sql.CREATE_STAGE)
    const staged = features.map((f) => ({ index: f.index, code: f.code, name: f.name, provinceCode: f.provinceCode, parentCode: f.parentCode, geometry: f.geometry }))
    await tx.exec(sql.FILL_STAGE, [JSON.stringify(staged)])
    const rows = await tx.many<AnalysedRow>(sql.ANALYSE_STAGE, [request.level])
    report.features = rows.map(describeRepair)
    report.repairedCount = report.features.filter((f) => f.repairs.length > 0).length
    report.rejected = rows.map((r) => sqlRejection(r, request.level)).filter((r): r is Rejection => r !== undefined)
    if (report.rejected.length > 0) return report

    const { where, params } = sql.scopeFilter(scope, request.level, request.provinceCode)
    const later = await tx.many<UnitVersionRef & Record<string, unknown>>(sql.LATER_VERSIONS(where, params.length + 1), [...params, request.validFrom])
    if (later.length > 0) {
      const named = later.map((v) => `${v.code} ${v.name} from ${v.validFrom}`).join('; ')
      return { ...report, fileError: `versions starting on or after ${request.validFrom} already exist (${named}); import boundary vintages in date order` }
    }
    if (request.dryRun) {
      report.closed = await tx.many(sql.CURRENT_IN_SCOPE(where), params)
      return { ...report, status: 'dry-run' }
    }
    report.closed = await tx.many(sql.CLOSE_CURRENT(where, params.length + 1), [...params, request.validFrom])
    report.inserted = await tx.exec(sql.INSERT_VERSIONS, [request.level, request.validFrom, request.source ?? request.fileName])
    report.status = 'imported'
    await recordImport(tx, report, actor, requestId)
    return report
  })
}

async function recordImport(tx: Queryable, report: ImportReport, actor: Actor, requestId?: string): Promise<void> {
  const { id } = await tx.one<{ id: number }>(sql.RECORD_IMPORT, [report.fileName, report.level, report.provinceCode, report.validFrom, JSON.stringify(report)])
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
      },
    },
    requestId,
  )
}
