import type { Queryable, Row } from '../db/index'
import type { SessionUser } from '../http/context'
import { audit } from '../audit/audit'
import { conflict, invalid, notFound, type FieldError, msg } from '../http/problems'
import type { ProgrammeBody } from './schemas'
import * as sql from './sql'

/** The province's programmes, the longest-running first. */
export function listProgrammes(q: Queryable, provinceCode: string): Promise<Row[]> {
  return q.many(sql.LIST_PROGRAMMES, [provinceCode])
}

/** One programme with its phases, or 404. */
export async function readProgramme(q: Queryable, provinceCode: string, id: number): Promise<Row> {
  const row = await q.maybeOne(sql.PROGRAMME_BY_ID, [id, provinceCode])
  if (!row) throw notFound('programme.not_found')
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
      errors.push({ path: `body.phases.${i}.deadline`, message: 'programme.phase_order' })
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
  if (errors.length > 0) throw invalid('programme.phases', errors)
  const { id } = await tx.one<{ id: number }>(sql.INSERT_PROGRAMME, [
    provinceCode,
    body.name,
    body.decisionNo,
    body.decisionDate,
    body.legalBasis ?? null,
    body.startsOn,
    body.heightToleranceM,
  ])
  await tx.exec(sql.INSERT_PHASES, [
    id,
    body.phases.map((p) => p.name),
    body.phases.map((p) => p.deadline),
    body.phases.map((p) => p.cumulativeTarget),
  ])
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
  const n = await tx.exec(sql.SET_TOLERANCE, [id, version, toleranceM])
  if (n === 0) throw conflict(msg('programme.stale', { have: before.version as number, sent: version }))
  const after = await readProgramme(tx, provinceCode, id)
  await audit(
    tx,
    user,
    { action: 'conversion.programme_update', entity: 'conversion_programme', entityId: id, before, after },
    requestId,
  )
  return after
}
