// The officer's side of a version: state changes through the transition table (return with a comment, pass,
// approve with the decision's number and date) and comments, internal or for the carrier, which answers them.
import type { Queryable } from '../db/index'
import { audit } from '../audit/audit'
import { badRequest, conflict, fieldError, forbidden, msg, notFound } from '../http/problems'
import { getVersion, viewerCarrier, type Scope } from './service'
import { planStep, type PlanAction, type PlanState } from './workflow'
import * as sql from './sql'

export interface TransitionRequest {
  action: PlanAction
  /** The version (row lock) the officer read; another change since answers 409. */
  version: number
  comment?: string
  decisionNumber?: string
  decisionDate?: string
}

/** Moves a version along the appraisal: 409 when the step is not allowed from its state or it changed meanwhile. */
export async function transition(tx: Queryable, scope: Scope, planId: number, number: number, r: TransitionRequest) {
  const row = await tx.maybeOne<{ id: number; state: PlanState; version: number }>(sql.LOCK_VERSION, [
    planId,
    scope.provinceCode,
    number,
  ])
  if (!row) throw notFound(msg('plan.no_version', { n: number }))
  const to = planStep(row.state, r.action, scope.user.role)
  if (!to) throw conflict(msg('plan.bad_step', { state: row.state, action: r.action }))
  if (r.action === 'return' && !r.comment) {
    throw badRequest('plan.return_why', [fieldError('body.comment', 'plan.comment_required')])
  }
  if (r.action === 'approve' && (!r.decisionNumber || !r.decisionDate)) {
    throw badRequest('plan.approval_decision', [fieldError('body.decisionNumber', 'plan.decision_fields')])
  }
  const decision = r.action === 'approve' ? [r.decisionNumber!, r.decisionDate!] : [null, null]
  const done = await tx.maybeOne(sql.TRANSITION_VERSION, [row.id, r.version, to, ...decision, scope.user.id])
  if (!done) throw conflict('plan.version_changed')
  if (r.comment) await tx.exec(sql.INSERT_COMMENT, [row.id, null, scope.user.id, r.comment, false, null])
  await audit(
    tx,
    scope.user,
    {
      action: `plan_version.${r.action}`,
      entity: 'plan_version',
      entityId: row.id,
      before: { state: row.state },
      after: { state: to, comment: r.comment, decisionNumber: decision[0], decisionDate: decision[1] },
    },
    scope.requestId,
  )
  return getVersion(tx, scope, planId, number)
}

export interface NewComment {
  body: string
  featureIndex?: number
  internal?: boolean
  /** The department's comment on an earlier version that this (the carrier's) comment answers. */
  answersId?: number
}

/** Adds a comment: staff on any version (internal or not), the plan's carrier on its own (never internal). */
export async function addComment(tx: Queryable, scope: Scope, planId: number, number: number, c: NewComment) {
  const v = await getVersion(tx, scope, planId, number)
  const carrier = viewerCarrier(scope.user)
  if (carrier !== null && carrier !== v.carrierId) throw forbidden('plan.comment_who')
  if (carrier !== null && c.internal) throw forbidden('plan.internal_comment')
  if (c.answersId !== undefined) {
    const answerable = await tx.maybeOne(sql.ANSWERABLE_COMMENT, [c.answersId, planId, number])
    if (carrier === null || !answerable) {
      throw badRequest('plan.answer_unknown', [fieldError('body.answersId', 'plan.answer_unknown')])
    }
  }
  const row = await tx.one<{ id: number }>(sql.INSERT_COMMENT, [
    v.id,
    c.featureIndex ?? null,
    scope.user.id,
    c.body,
    c.internal ?? false,
    c.answersId ?? null,
  ])
  await audit(
    tx,
    scope.user,
    { action: 'plan_comment.add', entity: 'plan_comment', entityId: row.id, after: c },
    scope.requestId,
  )
  return { id: row.id }
}

/** The comments the user may read: staff all, the plan's carrier all but internal ones, other carriers none. */
export async function listComments(q: Queryable, scope: Scope, planId: number, number: number) {
  const v = await getVersion(q, scope, planId, number)
  const carrier = viewerCarrier(scope.user)
  if (carrier !== null && carrier !== v.carrierId) return []
  return q.many(sql.LIST_COMMENTS, [v.id, carrier === null])
}
