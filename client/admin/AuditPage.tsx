import { useState } from 'react'
import { http } from '../api/http'
import type { AuditEntry } from '../api/types'
import { useI18n } from '../i18n'
import { formatDateTime } from '../i18n/format'
import { Loaded, Loading } from '../ui/status'
import { Pager, Table, type Column } from '../ui/Table'
import { useApi } from '../ui/useApi'
import { AuditDiff, RecordLink } from './AuditDiff'
import { AuditFilters, useAuditFilter } from './AuditFilters'
import { auditActionLabel, auditDetails, auditTargetLabel } from './auditLabels'

const PAGE = 25

/** The audit trail, newest first, filtered (actor, action, record kind, days) and paged by id (keyset cursor). */
export default function AuditPage() {
  const { t, lang } = useI18n()
  const [filter, setFilter] = useAuditFilter()
  // The cursors of the pages already seen, so that "newer" can go back without an offset.
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined])
  const before = cursors.at(-1)
  const page = useApi(
    (signal) =>
      http.get<{ items: AuditEntry[]; next: number | null }>('/api/audit', { limit: PAGE, before, ...filter }, signal),
    `audit:${before ?? ''}:${JSON.stringify(filter)}`,
  )
  const columns: Column<AuditEntry>[] = [
    { key: 'at', header: t('audit.at'), cell: (e) => formatDateTime(e.at, lang), className: 'nowrap' },
    {
      key: 'actor',
      header: t('audit.actor'),
      cell: (e) => e.actorName ?? <span className="muted">{t('audit.system')}</span>,
    },
    {
      key: 'action',
      header: t('audit.action'),
      cell: (e) => <span title={e.action}>{auditActionLabel(t, e.action)}</span>,
    },
    {
      key: 'entity',
      header: t('audit.entity'),
      cell: (e) => (
        <RecordLink entity={e.entity} entityId={e.entityId} action={e.action} label={auditTargetLabel(t, e)} />
      ),
    },
    { key: 'details', header: t('audit.details'), cell: (e) => auditDetails(t, e) },
    { key: 'change', header: t('audit.change'), cell: (e) => <AuditDiff before={e.before} after={e.after} /> },
  ]
  const next = page.data?.next ?? null
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('audit.title')}</h1>
      </header>
      <AuditFilters
        filter={filter}
        onChange={(f) => {
          setFilter(f)
          setCursors([undefined])
        }}
      />
      <Loaded state={page}>
        {(d) => (
          <>
            <Table
              columns={columns}
              rows={d.items}
              rowKey={(e) => e.id}
              caption={t('audit.title')}
              empty={t('audit.empty')}
              testId="audit"
            />
            <Pager
              label=""
              previousText={t('audit.newer')}
              nextText={t('audit.older')}
              onPrevious={cursors.length > 1 ? () => setCursors((c) => c.slice(0, -1)) : null}
              onNext={next !== null ? () => setCursors((c) => [...c, next]) : null}
            />
            {page.loading && <Loading />}
          </>
        )}
      </Loaded>
    </div>
  )
}
