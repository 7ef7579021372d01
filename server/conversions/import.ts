import type { Queryable } from '../db/index'
import type { SessionUser } from '../http/context'
import { audit } from '../audit/audit'
import { metresToDegreesSql } from '../geo/degrees'
import { Problem } from '../http/problems'
import { programmeIn } from './access'
import { notDraft } from '../stations/access'
import { readCsv, readGeoJson, type ListRow, type RowProblem } from './import-rows'
import type { ImportBody } from './schemas'

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

// Stations by code (a code is unique per carrier only, so a code without a carrier may be ambiguous). A carrier's
// draft is never matched: the report would show it to the officer.
const BY_CODE = `
SELECT r.line, s.id, s.site_code AS "siteCode", c.short_name AS carrier, c.id AS "carrierId", s.mast_class AS "mastClass",
       s.mast_height_m AS "mastHeightM", s.building_height_m AS "buildingHeightM", s.camouflage_kind AS "camouflageKind", NULL::float8 AS "distanceM"
  FROM unnest($2::int[], $3::text[], $4::text[]) AS r(line, code, carrier)
  JOIN stations s ON s.site_code = r.code AND s.province_code = $1 AND s.state <> 'decommissioned' AND ${notDraft('s')}
  JOIN carriers c ON c.id = s.carrier_id AND (r.carrier IS NULL OR c.short_name = r.carrier)`

// Stations within the tolerance of a position: the degree box uses the GiST index, the exact distance decides.
const BY_POSITION = `
SELECT r.line, m.* FROM unnest($2::int[], $3::float8[], $4::float8[], $5::text[]) AS r(line, lon, lat, carrier)
 CROSS JOIN LATERAL (
   SELECT s.id, s.site_code AS "siteCode", c.short_name AS carrier, c.id AS "carrierId", s.mast_class AS "mastClass",
          s.mast_height_m AS "mastHeightM", s.building_height_m AS "buildingHeightM", s.camouflage_kind AS "camouflageKind",
          ST_Distance(s.geom::geography, ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326)::geography) AS "distanceM"
     FROM stations s JOIN carriers c ON c.id = s.carrier_id
    WHERE s.province_code = $1 AND s.state <> 'decommissioned' AND ${notDraft('s')} AND (r.carrier IS NULL OR c.short_name = r.carrier)
      AND ST_DWithin(s.geom, ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326), ${metresToDegreesSql('$6', 'r.lat')})
 ) m WHERE m."distanceM" <= $6`

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
    ...(await tx.many<Candidate>(BY_CODE, [
      provinceCode,
      byCode.map((r) => r.line),
      byCode.map((r) => r.stationCode),
      byCode.map((r) => r.carrier),
    ])),
    ...(await tx.many<Candidate>(BY_POSITION, [
      provinceCode,
      byPosition.map((r) => r.line),
      byPosition.map((r) => r.lon),
      byPosition.map((r) => r.lat),
      byPosition.map((r) => r.carrier),
      body.toleranceM,
    ])),
  ])
  const hostFound = candidatesOf(
    await tx.many<Candidate>(BY_CODE, [
      provinceCode,
      hosts.map((r) => r.line),
      hosts.map((r) => r.hostStationCode),
      hosts.map(() => null),
    ]),
  )
  const phases = new Map(
    (
      await tx.many<Phase>('SELECT seq, id, deadline FROM conversion_phases WHERE programme_id = $1', [programmeId])
    ).map((p) => [p.seq, p]),
  )
  const taken = new Set(
    (
      await tx.many<{ id: number }>('SELECT station_id AS id FROM conversion_items WHERE programme_id = $1', [
        programmeId,
      ])
    ).map((r) => r.id),
  )

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
    throw new Problem(
      422,
      'Validation failed',
      `${remaining.length} row(s) cannot be imported; nothing was imported. Fix them or name them in skip.`,
      {
        errors: remaining.map((p) => ({
          path: `line.${p.line}`,
          message: p.reason + (p.candidates ? `: ${p.candidates.join(', ')}` : ''),
        })),
        report,
      },
    )
  }
  const toImport = matched.filter((m) => !skipped.includes(m.row.line))
  if (body.dryRun) return { ...report, imported: 0 }
  const phaseOf = (m: (typeof toImport)[number]) => phases.get(m.row.phase!)!
  await tx.exec(
    `INSERT INTO conversion_items (programme_id, phase_id, station_id, carrier_id, kind, from_class, from_height_m, to_class, to_height_m, to_design, host_station_id, due_date)
     SELECT $1, t.phase_id, t.station_id, t.carrier_id, t.kind, t.from_class, t.from_height, t.to_class, t.to_height, t.design, t.host, t.due
       FROM unnest($2::int[], $3::bigint[], $4::int[], $5::text[], $6::text[], $7::numeric[], $8::text[], $9::numeric[], $10::text[], $11::bigint[], $12::date[])
         AS t(phase_id, station_id, carrier_id, kind, from_class, from_height, to_class, to_height, design, host, due)`,
    [
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
    ],
  )
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
