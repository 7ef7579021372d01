import { http } from '../api/http'
import type { Carrier } from '../api/types'
import { useI18n } from '../i18n'
import { Loaded } from '../ui/status'
import { Table, type Column } from '../ui/Table'
import { useApi } from '../ui/useApi'

/** The carriers the department regulates. */
export default function CarriersPage() {
  const { t } = useI18n()
  const carriers = useApi(
    (signal) => http.get<{ items: Carrier[] }>('/api/carriers', undefined, signal).then((r) => r.items),
    'carriers',
  )
  const columns: Column<Carrier>[] = [
    { key: 'name', header: t('carriers.name'), cell: (c) => c.name },
    { key: 'short', header: t('carriers.shortName'), cell: (c) => <code>{c.shortName}</code> },
    { key: 'kind', header: t('carriers.kind'), cell: (c) => t(`kind.${c.kind}`) },
    { key: 'mnc', header: t('carriers.mnc'), cell: (c) => (c.mnc ? `452-${c.mnc}` : '—'), className: 'num' },
  ]
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('carriers.title')}</h1>
      </header>
      <Loaded state={carriers}>
        {(d) => (
          <Table
            columns={columns}
            rows={d}
            rowKey={(c) => c.id}
            caption={t('carriers.title')}
            empty={t('carriers.empty')}
          />
        )}
      </Loaded>
    </div>
  )
}
