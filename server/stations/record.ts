import type { Queryable, Row } from '../db/index'
import type { SessionUser } from '../http/context'
import { audit } from '../audit/audit'
import { addNotification } from '../notifications/service'
import { INSERT_HISTORY, selectStation } from './sql/stations.sql'
import type { Notify } from './workflow'

export type Actor = Pick<SessionUser, 'id' | 'username'> & { carrierId?: number | null }

/** Reads a station as the API shows it, ignoring visibility (the caller has checked it). */
export function readStation(q: Queryable, id: number): Promise<Row> {
  return q.one(selectStation('true'), [id])
}

/**
 * Records one step of a station's life in the same transaction as the change: the history row (full
 * snapshot of the new version) and exactly one audit row.
 */
export async function recordChange(
  tx: Queryable,
  actor: Actor,
  change: { action: string; before: Row | null; after: Row; note?: string | null },
  requestId: string | undefined,
): Promise<void> {
  const after = change.after
  await tx.exec(INSERT_HISTORY, [
    after.id,
    after.version,
    change.action,
    after.state,
    actor.id,
    actor.username,
    change.note ?? null,
    JSON.stringify(after),
  ])
  await audit(
    tx,
    actor,
    {
      action: `station.${change.action}`,
      entity: 'station',
      entityId: after.id as number,
      before: change.before ?? undefined,
      after,
    },
    requestId,
  )
}

const TEXT: Record<string, [vi: string, en: string]> = {
  create: ['đã tạo hồ sơ', 'created'],
  update: ['đã cập nhật hồ sơ', 'updated'],
  submit: ['đã nộp hồ sơ', 'submitted'],
  field_check: ['đã kiểm tra thực tế', 'field-checked'],
  skip_field_check: ['bỏ qua kiểm tra thực tế', 'skipped the field check of'],
  approve: ['đã chấp thuận', 'approved'],
  reject: ['đã từ chối', 'rejected'],
  return: ['đã trả lại để bổ sung', 'returned for changes'],
  report_built: ['đã báo cáo xây dựng xong', 'reported built'],
  report_in_service: ['báo cáo đưa vào hoạt động (chờ kiểm tra sau xây dựng)', 'reported in service (inspection due)'],
  pass_inspection: ['đã kiểm tra sau xây dựng đạt, đưa vào hoạt động', 'passed the inspection and put in service'],
  waive_inspection: ['miễn kiểm tra sau xây dựng, đưa vào hoạt động', 'waived the inspection and put in service'],
  decommission: ['đã tháo dỡ', 'decommissioned'],
}

/** Tells the other party about a step: the station's carrier, or every user of a role. */
export async function notify(
  tx: Queryable,
  recipients: readonly Notify[],
  station: Row,
  action: string,
  actor: Actor,
): Promise<void> {
  const [vi, en] = TEXT[action] ?? [action, action]
  const site = String(station.siteCode)
  for (const r of recipients) {
    // Nobody is told about their own step.
    if (r === 'carrier' && actor.carrierId != null) continue
    await addNotification(tx, {
      recipient: r === 'carrier' ? { carrierId: (station.operator as { id: number }).id } : { role: r },
      entity: 'station',
      entityId: String(station.id),
      kind: action,
      messageVi: `${actor.username} ${vi} trạm ${site}.`,
      messageEn: `${actor.username} ${en} station ${site}.`,
    })
  }
}
