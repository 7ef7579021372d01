// Recording an inspection's result: exactly once per device record (clientId), never over a changed asset unless
// the inspector says so, compared with the approved record automatically; a violation opens a follow-up and tells
// the carrier; a passing post-construction inspection puts a built station in service.
import type { Queryable, Row } from '../db/index'
import type { SessionUser } from '../http/context'
import { audit } from '../audit/audit'
import { addNotification } from '../notifications/service'
import { conflict, invalid, msg, notFound, problem } from '../http/problems'
import { formatDateVi } from '../cables/format'
import { toLonLat } from '../stations/access'
import { passPostConstruction } from '../stations/inspection-effects'
import { badAnswers, compare, missingAnswers, type Approved, type Violation } from './compare'
import type { ChecklistItem, ResultBody } from './schemas'
import { checklistOf, inspectionDetail, inspectionRules } from './service'
import * as sql from './sql'

interface Locked {
  id: number
  assetKind: 'station' | 'pole' | 'cable_route' | 'duct'
  assetId: number
  assetVersion: number
  purpose: string
  carrierId: number | null
  inspectorId: number | null
  state: string
  clientId: string | null
  version: number
}

/** The answer of a result: the inspection, and whether it was stored now (201) or already (200, a replay). */
export interface Recorded {
  created: boolean
  inspection: Row
}

const NOTICE: Record<string, [vi: string, en: string]> = {
  station: ['trạm', 'station'],
  pole: ['cột', 'pole'],
  cable_route: ['tuyến cáp', 'cable route'],
  duct: ['tuyến cống bể', 'duct route'],
}

/**
 * Records the result of an inspection assigned to the user. The inspection row is locked first, so two deliveries
 * of one record (a retried sync) run one after the other: the second finds the same clientId and answers the
 * stored record unchanged. A different record over a recorded inspection is 409; a result for an asset whose
 * version moved since the inspector read it is 409 'inspection.asset_changed' with the asset as it is now, and
 * nothing is written, unless `acceptChanged`.
 */
export async function recordResult(
  tx: Queryable,
  user: SessionUser,
  provinceCode: string,
  id: number,
  body: ResultBody,
  requestId: string | undefined,
): Promise<Recorded> {
  const row = await tx.maybeOne<Locked>(sql.LOCK_INSPECTION, [id, provinceCode])
  // only the assigned inspector records; for anyone else the inspection does not exist
  if (!row || row.inspectorId !== user.id) throw notFound('inspection.not_found')
  if (row.clientId === body.clientId)
    return { created: false, inspection: await inspectionDetail(tx, user, provinceCode, id) }
  if (row.state !== 'assigned') throw conflict(msg('inspection.not_open', { state: row.state }))
  const used = await tx.maybeOne<{ id: number }>(sql.INSPECTION_BY_CLIENT_ID, [body.clientId])
  if (used) throw conflict('inspection.client_id_used')

  const current = await tx.maybeOne<{ version: number | null; asset: Row | null }>(sql.SELECT_ASSET, [
    provinceCode,
    row.assetKind,
    row.assetId,
  ])
  if (!current || current.version === null) throw conflict('inspection.asset_gone')
  if (current.version !== body.assetVersion && !body.acceptChanged)
    throw problem(409, msg('inspection.asset_changed', { have: current.version, sent: body.assetVersion }), {
      current: current.asset,
    })

  const noAccess = body.verdict === 'no_access'
  const checklist = await checklistOf(tx, provinceCode, row.assetKind)
  const items = checklist.items as ChecklistItem[]
  const errors = [...badAnswers(items, body.answers), ...(noAccess ? [] : missingAnswers(items, body.answers))]
  if (errors.length > 0) throw invalid('inspection.answers', errors)

  let at: { lon: number; lat: number } | null = null
  let offsetM: number | null = null
  if (body.position) {
    at = await toLonLat(tx, provinceCode, { crs: 'wgs84', ...body.position }, 'body.position')
    const d = await tx.one<{ m: number | null }>(sql.POSITION_OFFSET, [
      provinceCode,
      row.assetKind,
      row.assetId,
      at.lon,
      at.lat,
    ])
    offsetM = d.m === null ? null : Number(d.m)
  }

  const rules = await inspectionRules(tx, provinceCode)
  const approved = (current.asset?.approved ?? {}) as Approved
  const violations: Violation[] = noAccess
    ? []
    : compare({
        assetKind: row.assetKind,
        approved: row.assetKind === 'station' ? approved : { operators: approved.operators },
        measured: body.measured,
        answers: body.answers,
        checklist: items,
        rules,
        positionOffsetM: offsetM,
      })
  const verdict = noAccess ? 'no_access' : violations.length > 0 ? 'violation' : 'compliant'
  const followUpDue =
    verdict === 'violation' ? (await tx.one<{ day: string }>(sql.DAYS_FROM_TODAY, [rules.followUpDays])).day : null

  const updated = await tx.maybeOne(sql.RECORD_RESULT, [
    id,
    verdict,
    JSON.stringify(violations),
    JSON.stringify(body.measured),
    JSON.stringify(body.answers),
    checklist.version,
    at?.lon ?? null,
    at?.lat ?? null,
    offsetM,
    body.note ?? null,
    followUpDue,
    body.clientId,
    body.recordedAt,
    user.id,
    current.version,
  ])
  if (!updated) throw conflict('inspection.changed_concurrently')

  // a re-check closes the follow-up it re-checks, whatever it finds (a new violation opens a new follow-up)
  const closed = await tx.many<{ id: number; inspectionId: number }>(sql.CLOSE_RECHECKED, [id])
  for (const f of closed) {
    const entry = { action: 'inspection_follow_up.close', entity: 'inspection_follow_up', entityId: f.id }
    await audit(tx, user, { ...entry, after: { recheckInspectionId: id, verdict } }, requestId)
  }

  const label = String(current.asset?.label ?? row.assetId)
  const [nounVi, nounEn] = NOTICE[row.assetKind]!
  if (verdict === 'violation') {
    const f = await tx.one<{ id: number }>(sql.INSERT_FOLLOW_UP, [provinceCode, id, row.carrierId, followUpDue])
    await audit(
      tx,
      user,
      {
        action: 'inspection_follow_up.open',
        entity: 'inspection_follow_up',
        entityId: f.id,
        after: { inspectionId: id, carrierId: row.carrierId, dueOn: followUpDue, rules: violations.map((v) => v.rule) },
      },
      requestId,
    )
    const dueVi = formatDateVi(followUpDue!)
    if (row.carrierId !== null)
      await addNotification(tx, {
        recipient: { carrierId: row.carrierId },
        entity: 'inspection',
        entityId: String(id),
        kind: 'violation',
        messageVi: `Kiểm tra ${nounVi} ${label} phát hiện vi phạm; hãy khắc phục và trả lời trước ngày ${dueVi}.`,
        messageEn: `The inspection of ${nounEn} ${label} found a violation; fix it and answer by ${followUpDue}.`,
      })
  }

  const inspection = await inspectionDetail(tx, user, provinceCode, id)
  await audit(
    tx,
    user,
    {
      action: 'inspection.record',
      entity: 'inspection',
      entityId: id,
      before: { state: row.state, assetVersion: row.assetVersion },
      after: {
        verdict,
        violations,
        measured: body.measured,
        positionOffsetM: offsetM,
        clientId: body.clientId,
        assetVersion: current.version,
        acceptedChange: current.version !== body.assetVersion,
      },
    },
    requestId,
  )

  // the station gate: a passing post-construction inspection (or the compliant re-check of a failed one) puts a
  // built station in service
  if (
    row.assetKind === 'station' &&
    verdict === 'compliant' &&
    (row.purpose === 'post_construction' || row.purpose === 'follow_up')
  )
    await passPostConstruction(tx, user, provinceCode, row.assetId, id, requestId)
  return { created: true, inspection }
}
