import type { Queryable } from '../db/index'
import type { SessionUser } from '../http/context'
import { audit } from '../audit/audit'
import { Problem, msg } from '../http/problems'
import { programmeIn } from './access'
import { readCsv, readGeoJson, type ListRow, type RowProblem } from './import-rows'
import type { ImportBody } from './schemas'
import * as sql from './sql'

interface Candidate {
  line: number
  id: number
  siteCode: string
  carrier: string
  carrierId: number
  mastClass: string
  mastHeightM: number
  buildingHeightM: number | null
  camouflageKind: string | null
  distanceM: number | null
}

interface Phase {
  seq: number
  id: number
  deadline: string
}

export interface ImportReport {
  rows: number
  matched: number
  skipped: number[]
  problems: RowProblem[]
}

function candidatesOf(found: Candidate[]): Map<number, Candidate[]> {
  const map = new Map<number, Candidate[]>()
  for (const c of found) map.set(c.line, [...(map.get(c.line) ?? []), c])
  return map
}

const describe = (c: Candidate) =>
  `${c.siteCode} (${c.carrier}${c.distanceM === null ? '' : `, ${Math.round(c.distanceM * 10) / 10} m`})`

/** Checks one matched row against its station, the programme and the rest of the file. */
function rowProblem(
  row: ListRow,
  station: Candidate,
  host: Candidate | undefined,
  phases: Map<number, Phase>,
  taken: Set<number>,
  seen: Map<number, number>,
): string | null {
  const reasons: string[] = []
  if (!phases.has(row.phase!)) reasons.push(`the programme has no phase ${row.phase}`)
  if (taken.has(station.id)) reasons.push(`station ${station.siteCode} is already in the programme`)
  const first = seen.get(station.id)
  if (first !== undefined && first !== row.line) reasons.push(`station ${station.siteCode} is also on line ${first}`)
  if (row.kind === 'lower') {
    if (row.toHeightM === null) reasons.push('a lowering gives to_height_m')
    else if (row.toHeightM >= station.mastHeightM)
      reasons.push(`to_height_m ${row.toHeightM} is not lower than the mast's ${station.mastHeightM} m`)
  }
  if (row.kind === 'camouflage') {
    if (row.toClass !== 'A1c' && row.toClass !== 'A1')
      reasons.push('a conversion to a camouflaged / new-generation mast has to_class A1c or A1')
    if (row.toClass === 'A1c' && !row.design) reasons.push('a camouflaged mast names its design')
    if (row.toClass === 'A1' && station.buildingHeightM === null)
      reasons.push('an A1 mast stands on a building, and this station has none')
  }
  if (row.kind === 'share') {
    if (!host) reasons.push(`no single station has the host code ${row.hostStationCode}`)
    else if (host.id === station.id) reasons.push('a station cannot share its own mast')
  }
  return reasons.length > 0 ? reasons.join('; ') : null
}

/**
 * Imports a programme list, all or nothing: every row is matched to one station (by code, or by position
 * within the tolerance); unmatched, ambiguous and invalid rows are reported with their line and reason, and
 * nothing is stored until none remain except the rows the officer named in `skip`.
 */
export async function importList(
  tx: Queryable,
  user: SessionUser,
  provinceCode: string,
  programmeId: number,
  body: ImportBody,
  requestId: string | undefined,
): Promise<ImportReport & { imported: number }> {
  await programmeIn(tx, provinceCode, programmeId)
  const { rows, problems } = body.format === 'csv' ? readCsv(body.content) : readGeoJson(body.content)
  const lines = new Set(rows.map((r) => r.line))
  for (const line of body.skip)
    if (!lines.has(line)) problems.push({ line, reason: `line ${line} named in skip is not a row of the file` })
  const bad = new Set(problems.map((p) => p.line))
  const usable = rows.filter((r) => !bad.has(r.line))
  const byCode = usable.filter((r) => r.stationCode)
  const byPosition = usable.filter((r) => !r.stationCode)
  const hosts = usable.filter((r) => r.hostStationCode)
  const found = candidatesOf([
    ...(await tx.many<Candidate>(sql.STATIONS_BY_CODE, [
      provinceCode,
      byCode.map((r) => r.line),
      byCode.map((r) => r.stationCode),
      byCode.map((r) => r.carrier),
    ])),
    ...(await tx.many<Candidate>(sql.STATIONS_NEAR, [
      provinceCode,
      byPosition.map((r) => r.line),
      byPosition.map((r) => r.lon),
      byPosition.map((r) => r.lat),
      byPosition.map((r) => r.carrier),
      body.toleranceM,
    ])),
  ])
  const hostFound = candidatesOf(
    await tx.many<Candidate>(sql.STATIONS_BY_CODE, [
      provinceCode,
      hosts.map((r) => r.line),
      hosts.map((r) => r.hostStationCode),
      hosts.map(() => null),
    ]),
  )
  const phases = new Map((await tx.many<Phase>(sql.PHASES_OF_PROGRAMME, [programmeId])).map((p) => [p.seq, p]))
  const taken = new Set((await tx.many<{ id: number }>(sql.STATIONS_OF_PROGRAMME, [programmeId])).map((r) => r.id))

  const matched: { row: ListRow; station: Candidate; host: Candidate | undefined }[] = []
  const seen = new Map<number, number>()
  for (const row of usable) {
    const candidates = found.get(row.line) ?? []
    const how = row.stationCode ? `code ${row.stationCode}` : `within ${body.toleranceM} m of ${row.lon}, ${row.lat}`
    if (candidates.length === 0) {
      problems.push({
        line: row.line,
        reason: `unmatched: no station with ${how}${row.carrier ? ` of ${row.carrier}` : ''}`,
      })
      continue
    }
    if (candidates.length > 1) {
      problems.push({
        line: row.line,
        reason: `ambiguous: ${candidates.length} stations match ${how}; add the carrier column or a tighter position`,
        candidates: candidates.map(describe),
      })
      continue
    }
    const station = candidates[0]!
    const hostCandidates = hostFound.get(row.line) ?? []
    const host = hostCandidates.length === 1 ? hostCandidates[0] : undefined
    const reason = rowProblem(row, station, host, phases, taken, seen)
    if (!seen.has(station.id)) seen.set(station.id, row.line)
    if (reason) problems.push({ line: row.line, reason })
    else matched.push({ row, station, host })
  }

  const skipped = body.skip.filter((l) => lines.has(l))
  const remaining = problems.filter((p) => !skipped.includes(p.line)).sort((a, b) => a.line - b.line)
  const report: ImportReport = { rows: rows.length, matched: matched.length, skipped, problems: remaining }
  if (remaining.length > 0) {
    throw new Problem(422, msg('programme.rows_refused', { n: remaining.length }), {
      errors: remaining.map((p) => ({
        path: `line.${p.line}`,
        message: p.reason + (p.candidates ? `: ${p.candidates.join(', ')}` : ''),
      })),
      report,
    })
  }
  const toImport = matched.filter((m) => !skipped.includes(m.row.line))
  if (body.dryRun) return { ...report, imported: 0 }
  const phaseOf = (m: (typeof toImport)[number]) => phases.get(m.row.phase!)!
  await tx.exec(sql.INSERT_ITEMS, [
    programmeId,
    toImport.map((m) => phaseOf(m).id),
    toImport.map((m) => m.station.id),
    toImport.map((m) => m.station.carrierId),
    toImport.map((m) => m.row.kind),
    toImport.map((m) => m.station.mastClass),
    toImport.map((m) => m.station.mastHeightM),
    toImport.map((m) => (m.row.kind === 'camouflage' ? m.row.toClass : m.station.mastClass)),
    toImport.map((m) => (m.row.kind === 'lower' ? m.row.toHeightM : (m.row.toHeightM ?? m.station.mastHeightM))),
    // A lowering or a move keeps the class, so a camouflaged mast keeps its design.
    toImport.map((m) =>
      m.row.kind === 'camouflage' ? (m.row.toClass === 'A1c' ? m.row.design : null) : m.station.camouflageKind,
    ),
    toImport.map((m) => m.host?.id ?? null),
    toImport.map((m) => m.row.dueDate ?? phaseOf(m).deadline),
  ])
  await audit(
    tx,
    user,
    {
      action: 'conversion.import',
      entity: 'conversion_programme',
      entityId: programmeId,
      after: { ...report, imported: toImport.length },
    },
    requestId,
  )
  return { ...report, imported: toImport.length }
}
