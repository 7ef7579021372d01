import { useState } from 'react'
import { http } from '../api/http'
import type { Carrier } from '../api/types'
import { useI18n } from '../i18n'
import { Loaded } from '../ui/status'
import { Table, type Column } from '../ui/Table'
import { useApi } from '../ui/useApi'
import { CarrierForm } from './CarrierForm'

/** The carriers the department regulates: the list, a form to add one and each row's edit. */
export default function CarriersPage() {
  const { t } = useI18n()
  const [editing, setEditing] = useState<Carrier | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const carriers = useApi(
    (signal) => http.get<{ items: Carrier[] }>('/api/carriers', undefined, signal).then((r) => r.items),
    'carriers',
  )
  const columns: Column<Carrier>[] = [
    { key: 'name', header: t('carriers.name'), cell: (c) => c.name },
    { key: 'short', header: t('carriers.shortName'), cell: (c) => <code>{c.shortName}</code> },
    { key: 'kind', header: t('carriers.kind'), cell: (c) => t(`kind.${c.kind}`) },
    { key: 'mnc', header: t('carriers.mnc'), cell: (c) => (c.mnc ? `452-${c.mnc}` : '—'), className: 'num' },
    {
      key: 'edit',
      header: <span className="sr-only">{t('users.actions')}</span>,
      label: t('users.actions'),
      cell: (c) => (
        <button
          type="button"
          className="btn btn-secondary btn-small"
          onClick={() => setEditing(c)}
          data-testid="carrier-edit-open"
        >
          {t('users.editShort')}
        </button>
      ),
    },
  ]
  const saved = (c: Carrier) => {
    setNotice(t('carriers.saved', { name: c.name }))
    setEditing(null)
    carriers.reload()
  }
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('carriers.title')}</h1>
      </header>
      <div className="page-columns">
        <section className="page-main" aria-label={t('carriers.title')}>
          {notice && (
            <p className="status status-ok" role="status">
              {notice}
            </p>
          )}
          <Loaded state={carriers}>
            {(d) => (
              <Table
                columns={columns}
                rows={d}
                rowKey={(c) => c.id}
                caption={t('carriers.title')}
                empty={t('carriers.empty')}
                testId="carriers"
              />
            )}
          </Loaded>
        </section>
        <aside className="page-side">
          {editing ? (
            <CarrierForm key={editing.id} editing={editing} onSaved={saved} onCancel={() => setEditing(null)} />
          ) : (
            <CarrierForm onSaved={saved} />
          )}
        </aside>
      </div>
    </div>
  )
}
