import type { Queryable, Row } from '../db/index'
import type { SessionUser } from '../http/context'
import { audit } from '../audit/audit'
import { conflict, invalid, notFound, type FieldError } from '../http/problems'
import type { ProgrammeBody } from './schemas'
import { PROGRAMME_COLUMNS } from './sql'

/** The province's programmes, the longest-running first. */
export function listProgrammes(q: Queryable, provinceCode: string): Promise<Row[]> {
  return q.many(
    `SELECT ${PROGRAMME_COLUMNS} FROM conversion_programmes p WHERE p.province_code = $1 ORDER BY p.starts_on, p.id`,
    [provinceCode],
  )
}

/** One programme with its phases, or 404. */
export async function readProgramme(q: Queryable, provinceCode: string, id: number): Promise<Row> {
  const row = await q.maybeOne(
    `SELECT ${PROGRAMME_COLUMNS} FROM conversion_programmes p WHERE p.id = $1 AND p.province_code = $2`,
    [id, provinceCode],
  )
  if (!row) throw notFound('No such programme.')
  return row
}

/** Phases must come in deadline order with growing cumulative targets. */
export function phaseErrors(phases: ProgrammeBody['phases'], startsOn: string): FieldError[] {
  const errors: FieldError[] = []
  phases.forEach((p, i) => {
    const prev = phases[i - 1]
    if (p.deadline <= startsOn)
      errors.push({ path: `body.phases.${i}.deadline`, message: 'A phase ends after the programme starts.' })
    if (prev && p.deadline <= prev.deadline)
      errors.push({ path: `body.phases.${i}.deadline`, message: 'Phases come in deadline order.' })
    if (prev && p.cumulativeTarget <= prev.cumulativeTarget)
      errors.push({
        path: `body.phases.${i}.cumulativeTarget`,
        message: "Targets are cumulative: each phase's target is larger than the one before.",
      })
  })
  return errors
}

/** Creates a programme with its phases and one audit row. */
export async function createProgramme(
  tx: Queryable,
  user: SessionUser,
  provinceCode: string,
  body: ProgrammeBody,
  requestId: string | undefined,
): Promise<Row> {
  const errors = phaseErrors(body.phases, body.startsOn)
  if (errors.length > 0) throw invalid('The phases are not consistent.', errors)
  const { id } = await tx.one<{ id: number }>(
    `INSERT INTO conversion_programmes (province_code, name, decision_no, decision_date, legal_basis, starts_on, height_tolerance_m)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      provinceCode,
      body.name,
      body.decisionNo,
      body.decisionDate,
      body.legalBasis ?? null,
      body.startsOn,
      body.heightToleranceM,
    ],
  )
  await tx.exec(
    `INSERT INTO conversion_phases (programme_id, seq, name, deadline, cumulative_target)
     SELECT $1, n, name, deadline, target FROM unnest($2::text[], $3::date[], $4::int[]) WITH ORDINALITY AS t(name, deadline, target, n)`,
    [
      id,
      body.phases.map((p) => p.name),
      body.phases.map((p) => p.deadline),
      body.phases.map((p) => p.cumulativeTarget),
    ],
  )
  const after = await readProgramme(tx, provinceCode, id)
  await audit(
    tx,
    user,
    { action: 'conversion.programme_create', entity: 'conversion_programme', entityId: id, after },
    requestId,
  )
  return after
}

/** Changes the height tolerance of verification (version-checked). */
export async function setTolerance(
  tx: Queryable,
  user: SessionUser,
  provinceCode: string,
  id: number,
  version: number,
  toleranceM: number,
  requestId: string | undefined,
): Promise<Row> {
  const before = await readProgramme(tx, provinceCode, id)
  const n = await tx.exec(
    `UPDATE conversion_programmes SET height_tolerance_m = $3, version = version + 1 WHERE id = $1 AND version = $2`,
    [id, version, toleranceM],
  )
  if (n === 0) throw conflict(`The programme is at version ${before.version}, not ${version}; reload it.`)
  const after = await readProgramme(tx, provinceCode, id)
  await audit(
    tx,
    user,
    { action: 'conversion.programme_update', entity: 'conversion_programme', entityId: id, before, after },
    requestId,
  )
  return after
}
