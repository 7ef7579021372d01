import type { ReactNode } from 'react'
import type { AuditEntry } from '../api/types'
import type { Translate } from '../i18n'
import { labelOr, zoneKindLabel } from '../i18n/labels'

type Json = Record<string, unknown>

/** "station.approve" → "Chấp thuận"; an action this page does not know shows as its code. */
export function auditActionLabel(t: Translate, action: string): ReactNode {
  const dot = action.indexOf('.')
  const [entity, verb] = dot < 0 ? ['', action] : [action.slice(0, dot), action.slice(dot + 1)]
  const fallback = () => labelOr(t, `audit.verb.${verb}`, '') || <code>{action}</code>
  if (entity === 'station') return labelOr(t, `st.action.${verb}`, '') || fallback()
  if (entity === 'conversion') return labelOr(t, `conv.action.${verb}`, '') || fallback()
  if (entity === 'ticket') return labelOr(t, `tk.action.${verb}`, '') || fallback()
  if (entity === 'cable_route' && labelOr(t, `cb.status.${verb}`, ''))
    return t('audit.verb.status', { status: t(`cb.status.${verb}` as never) })
  return fallback()
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined)

/** What a row is about, in words: the kind of record and its code or name (a session: whose). */
export function auditTargetLabel(t: Translate, e: AuditEntry): string {
  const after = (e.after ?? {}) as Json
  const before = (e.before ?? {}) as Json
  const kind = labelOr(t, `audit.entity.${e.entity}`, e.entity)
  const name =
    e.entity === 'session'
      ? (e.actorName ?? undefined)
      : (text(after.siteCode) ??
        text(before.siteCode) ??
        text(after.name) ??
        text(before.name) ??
        text(after.username) ??
        text(before.username) ??
        text(after.number))
  if (name) return `${kind} ${name}`
  return e.entityId && e.entity !== 'session' ? `${kind} #${e.entityId}` : kind
}

/** The few facts of a row a reader looks for: zone kind, carrier, state, an override's rules and reason. */
export function auditDetails(t: Translate, e: AuditEntry): string {
  const after = (e.after ?? {}) as Json
  const before = (e.before ?? {}) as Json
  if (e.action === 'station.rule_override') {
    const rules = (Array.isArray(after.rules) ? after.rules : []).map((r) => labelOr(t, `st.rule.${r}`, String(r)))
    return t('audit.override', { rules: rules.join(', '), reason: String(after.reason ?? '') })
  }
  const out: string[] = []
  const kind = text(after.kind) ?? text(before.kind)
  if (e.entity === 'planning_zone' && kind) out.push(t('audit.kind', { kind: zoneKindLabel(t, kind) }))
  const operator = (after.operator ?? before.operator) as Json | undefined
  if (operator && text(operator.name)) out.push(t('audit.operator', { name: String(operator.name) }))
  if (e.entity === 'station' && text(after.state))
    out.push(t('audit.state', { state: labelOr(t, `st.state.${after.state}`, String(after.state)) }))
  return out.join(' · ')
}
