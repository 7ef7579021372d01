// The follow-up of a violation: the carrier answers (text and a photo), which asks the inspector for a re-check
// (an inspection of purpose follow_up); the re-check closes it (record.ts). Overdue: open past its due date.
import type { Queryable, Row } from '../db/index'
import type { SessionUser } from '../http/context'
import { audit } from '../audit/audit'
import { addNotification } from '../notifications/service'
import { conflict, fieldError, invalid, msg, notFound } from '../http/problems'
import { inspectionScope, scopeParams } from './access'
import { createInspections } from './create'
import { inspectionRules } from './service'
import * as sql from './sql'

/** The follow-ups the user may see (officer: all; inspector: of their inspections; carrier: its own), paged. */
export async function listFollowUps(
  q: Queryable,
  user: SessionUser,
  provinceCode: string,
  query: { overdue: boolean; state?: string; page: number; limit: number },
) {
  const offset = (query.page - 1) * query.limit
  const rows = await q.many<Row & { total: number }>(sql.listFollowUps(inspectionScope(user)), [
    provinceCode,
    ...scopeParams(user),
    query.overdue,
    query.state ?? null,
    query.limit,
    offset,
  ])
  const total = rows.length > 0 ? Number(rows[0]!.total) : 0
  return { items: rows.map(({ total: _, ...r }) => r), total, page: query.page, limit: query.limit, offset }
}

/**
 * The carrier answers an open follow-up of its own (late is still accepted; it shows as overdue until then):
 * the text, and optionally a photo it uploaded to the follow-up. A re-check inspection is created for the
 * inspector who found the violation, due after the province's re-check days.
 */
export async function answerFollowUp(
  tx: Queryable,
  user: SessionUser,
  provinceCode: string,
  id: number,
  body: { version: number; text: string; photoId?: number },
  requestId: string | undefined,
): Promise<Row> {
  const scope = inspectionScope(user)
  const f = await tx.maybeOne<Row>(sql.lockFollowUp(scope), [provinceCode, ...scopeParams(user), id])
  if (!f) throw notFound('inspection.follow_up_not_found')
  if (f.state !== 'open') throw conflict(msg('inspection.follow_up_not_open', { state: String(f.state) }))
  if (f.version !== body.version)
    throw conflict(msg('inspection.stale', { have: f.version as number, sent: body.version }))
  const inspectionId = Number(f.inspectionId)
  if (body.photoId !== undefined && !(await tx.maybeOne(sql.ANSWER_PHOTO, [body.photoId, inspectionId])))
    throw invalid('inspection.answer_photo', [fieldError('body.photoId', 'inspection.answer_photo')])
  const rules = await inspectionRules(tx, provinceCode)
  const { day } = await tx.one<{ day: string }>(sql.DAYS_FROM_TODAY, [rules.recheckDays])
  // the inspector who found the violation re-checks it; one who has left meanwhile leaves it to an officer to assign
  const found = (f.inspectorId ?? null) as number | null
  const inspector = found !== null && (await tx.maybeOne(sql.ACTIVE_INSPECTORS, [[found]])) ? found : null
  const recheck = {
    assetKind: f.assetKind as 'station',
    assetId: Number(f.assetId),
    purpose: 'follow_up' as const,
    inspectorId: inspector,
    dueOn: day,
  }
  const [recheckId] = await createInspections(tx, user, provinceCode, [recheck], requestId)
  const done = await tx.maybeOne(sql.ANSWER_FOLLOW_UP, [
    id,
    body.version,
    body.text,
    body.photoId ?? null,
    user.id,
    recheckId,
  ])
  if (!done) throw conflict('inspection.changed_concurrently')
  await audit(
    tx,
    user,
    {
      action: 'inspection_follow_up.answer',
      entity: 'inspection_follow_up',
      entityId: id,
      before: { state: f.state },
      after: { state: 'answered', text: body.text, photoId: body.photoId ?? null, recheckInspectionId: recheckId },
    },
    requestId,
  )
  const who = user.carrierName ?? user.username
  await addNotification(tx, {
    recipient: { role: 'officer' },
    entity: 'inspection',
    entityId: String(recheckId),
    kind: 'follow_up_answered',
    messageVi: `${who} đã trả lời vi phạm của lượt kiểm tra #${inspectionId}; chờ kiểm tra lại.`,
    messageEn: `${who} answered the violation of inspection #${inspectionId}; a re-check is due.`,
  })
  const after = await tx.one<Row>(sql.lockFollowUp(scope), [provinceCode, ...scopeParams(user), id])
  return after
}
