import { useState } from 'react'
import { http } from '../api/http'
import type { AuditEntry } from '../api/types'
import { useI18n } from '../i18n'
import { formatDateTime } from '../i18n/format'
import { Loaded, Loading } from '../ui/status'
import { Pager, Table, type Column } from '../ui/Table'
import { useApi } from '../ui/useApi'

const PAGE = 25

/** The audit trail, newest first, paged by id (the server's keyset cursor). */
export default function AuditPage() {
  const { t, lang } = useI18n()
  // The cursors of the pages already seen, so that "newer" can go back without an offset.
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined])
  const before = cursors.at(-1)
  const page = useApi(
    (signal) => http.get<{ items: AuditEntry[]; next: number | null }>('/api/audit', { limit: PAGE, before }, signal),
    `audit:${before ?? ''}`,
  )
  const columns: Column<AuditEntry>[] = [
    { key: 'at', header: t('audit.at'), cell: (e) => formatDateTime(e.at, lang), className: 'nowrap' },
    {
      key: 'actor',
      header: t('audit.actor'),
      cell: (e) => e.actorName ?? <span className="muted">{t('audit.system')}</span>,
    },
    { key: 'action', header: t('audit.action'), cell: (e) => <code>{e.action}</code> },
    { key: 'entity', header: t('audit.entity'), cell: (e) => `${e.entity}${e.entityId ? ` #${e.entityId}` : ''}` },
  ]
  const next = page.data?.next ?? null
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('audit.title')}</h1>
      </header>
      <Loaded state={page}>
        {(d) => (
          <>
            <Table
              columns={columns}
              rows={d.items}
              rowKey={(e) => e.id}
              caption={t('audit.title')}
              empty={t('audit.empty')}
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
