import { useI18n } from '../i18n'
import { AppLink } from '../conversions/links'

/**
 * Where a record of the audit trail is shown in the app, by its kind; kinds without a page have no link, nor do
 * bulk steps (a demo load, an import), whose id names the batch rather than one record.
 */
export function recordHref(entity: string, entityId: string | null, action = ''): string | null {
  if (/\.(load|import)$/.test(action)) return null
  const id = entityId && /^\d+$/.test(entityId) ? entityId : null
  switch (entity) {
    case 'station':
      return id && `/stations/${id}`
    case 'cable_route':
      return id && `/cables/${id}`
    case 'conversion_item':
      return id && `/conversions/items/${id}`
    case 'user':
      return '/users'
    case 'carrier':
      return '/carriers'
    case 'planning_zone':
    case 'station_rules':
      return '/planning'
    case 'boundary_import':
      return '/boundaries'
    default:
      return null
  }
}

/** A record of the trail as text, linked to its page when it has one. */
export function RecordLink({
  entity,
  entityId,
  action,
  label,
}: {
  entity: string
  entityId: string | null
  action: string
  /** The record in words (its kind's name and code); the raw kind and id otherwise. */
  label?: string
}) {
  const text = label ?? `${entity}${entityId ? ` #${entityId}` : ''}`
  const href = recordHref(entity, entityId, action)
  return href ? (
    <AppLink href={href} testId="audit-record">
      {text}
    </AppLink>
  ) : (
    text
  )
}

const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v))

/** The fields an audit row's change touched: each with its value before and after (a creation has no before). */
export function changedFields(before: unknown, after: unknown): { field: string; before: string; after: string }[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])]
  return fields
    .filter((f) => JSON.stringify(b[f]) !== JSON.stringify(a[f]))
    .map((field) => ({ field, before: show(b[field]), after: show(a[field]) }))
}

/** The before/after of an audit row, as a list of changed fields; nothing when the row has neither. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useI18n()
  if (before == null && after == null) return <span className="muted">—</span>
  const rows = changedFields(before, after)
  if (rows.length === 0) return <span className="muted">{t('audit.noChange')}</span>
  return (
    <details className="audit-diff">
      <summary>{t('audit.changed', { n: rows.length })}</summary>
      <dl data-testid="audit-diff">
        {rows.map((r) => (
          <div key={r.field}>
            <dt>
              <code>{r.field}</code>
            </dt>
            <dd>
              <del>{r.before}</del> → <ins>{r.after}</ins>
            </dd>
          </div>
        ))}
      </dl>
    </details>
  )
}
