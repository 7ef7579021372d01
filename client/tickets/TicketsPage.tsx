import { useState } from 'react'
import { http } from '../api/http'
import type { AdminUnits, Carrier } from '../api/types'
import { navigate, usePath } from '../app/router'
import { useSession } from '../auth/session'
import { AppLink } from '../conversions/links'
import { useI18n, type MessageKey } from '../i18n'
import { formatCount, formatDateTime } from '../i18n/format'
import { ErrorMessage, Loading } from '../ui/status'
import { OffsetPager, Table, type Column } from '../ui/Table'
import { useApi } from '../ui/useApi'
import { useAction } from '../ui/useAction'
import { CATEGORIES, filtersFromUrl, STATUSES, ticketsApi, ticketsHref, type Filters, type Ticket } from './api'
import { ReportForm } from './ReportForm'
import { TicketDetailPage } from './TicketDetail'
import './tickets.css'

const PAGE = 25

/** The 1022 section: the office's list with filters, the intake of a call, a ticket, the SLA table. */
export default function TicketsPage() {
  const path = usePath()
  const id = /^\/tickets\/(\d+)$/.exec(path)?.[1]
  if (id) return <TicketDetailPage id={Number(id)} />
  if (path === '/tickets/new') return <Intake />
  return <TicketList />
}

/** The office takes a phone call in the public form; the ticket opens once recorded. */
function Intake() {
  return (
    <ReportForm
      mode="phone"
      send={async (input, photo) => {
        const receipt = await ticketsApi.intake(input)
        // the call is recorded either way; a photo that fails can be added again on the ticket's page
        if (photo) await ticketsApi.photo(receipt.id, 'report', photo).catch(() => undefined)
        return receipt
      }}
      done={(receipt) => {
        queueMicrotask(() => navigate(`/tickets/${receipt.id}`))
        return <Loading />
      }}
    />
  )
}

function TicketList() {
  const { t, lang } = useI18n()
  const { user } = useSession()
  const office = user?.role === 'officer' || user?.role === 'admin'
  const [filters, setFilters] = useState<Filters>(() => filtersFromUrl(location.search))
  const [offset, setOffset] = useState(0)
  const key = JSON.stringify({ ...filters, offset })
  const page = useApi((s) => ticketsApi.list({ ...filters, limit: PAGE, offset }, s), key)
  const districts = useApi(
    (s) => http.get<AdminUnits>('/api/admin-units', { level: 'district' }, s).then((r) => r.features),
    'ticket-districts',
  )
  const carriers = useApi(
    (s) =>
      office ? http.get<{ items: Carrier[] }>('/api/carriers', undefined, s).then((r) => r.items) : Promise.resolve([]),
    'ticket-carriers',
  )
  const change = (patch: Partial<Filters>) => {
    const next = { ...filters, ...patch }
    setFilters(next)
    setOffset(0)
    history.replaceState(null, '', ticketsHref(next))
  }
  const exportQuery = new URLSearchParams(
    Object.entries(filters).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]])),
  ).toString()
  const columns: Column<Ticket>[] = [
    {
      key: 'number',
      header: t('tk.number'),
      cell: (r) => (
        <AppLink href={`/tickets/${r.id}`} testId="ticket-link">
          {r.number}
        </AppLink>
      ),
      className: 'nowrap',
    },
    { key: 'category', header: t('tk.category'), cell: (r) => t(`tk.category.${r.category}` as MessageKey) },
    { key: 'district', header: t('tk.district'), cell: (r) => r.districtName ?? '—' },
    {
      key: 'status',
      header: t('tk.status'),
      cell: (r) => (
        <span className={`tk-badge tk-badge-${r.status}`} data-testid="ticket-status">
          {t(`tk.status.${r.status}` as MessageKey)}
        </span>
      ),
    },
    { key: 'carrier', header: t('tk.carrier'), cell: (r) => r.carrierName ?? '—' },
    {
      key: 'due',
      header: t('tk.due'),
      cell: (r) => (
        <span className={r.overdue ? 'tk-overdue' : undefined}>
          {formatDateTime(r.dueAt, lang)}
          {r.overdue ? ` · ${t('tk.overdue')}` : ''}
        </span>
      ),
      className: 'nowrap',
    },
    { key: 'received', header: t('tk.received'), cell: (r) => formatDateTime(r.createdAt, lang), className: 'nowrap' },
  ]
  return (
    <div className="page">
      <header className="page-head tk-page-head">
        <h1>{t(user?.role === 'carrier' ? 'tk.list.carrierTitle' : 'tk.list.title')}</h1>
        <div className="tk-actions">
          <a
            className="btn btn-secondary"
            href={`/api/tickets/export.csv${exportQuery ? `?${exportQuery}` : ''}`}
            download
          >
            {t('tk.list.export')}
          </a>
          {office && (
            <AppLink className="btn btn-primary" href="/tickets/new" testId="ticket-new">
              {t('tk.list.new')}
            </AppLink>
          )}
        </div>
      </header>
      <div className="tk-filters">
        <label className="field">
          <span>{t('tk.status')}</span>
          <select
            value={filters.status ?? ''}
            onChange={(e) => change({ status: (e.target.value || undefined) as Filters['status'] })}
            data-testid="filter-status"
          >
            <option value="">{t('tk.filter.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`tk.status.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('tk.category')}</span>
          <select
            value={filters.category ?? ''}
            onChange={(e) => change({ category: (e.target.value || undefined) as Filters['category'] })}
          >
            <option value="">{t('tk.filter.all')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`tk.category.${c}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('tk.district')}</span>
          <select value={filters.district ?? ''} onChange={(e) => change({ district: e.target.value || undefined })}>
            <option value="">{t('tk.filter.all')}</option>
            {(districts.data ?? []).map((d) => (
              <option key={d.properties.code} value={d.properties.code}>
                {d.properties.name}
              </option>
            ))}
          </select>
        </label>
        {office && (
          <label className="field">
            <span>{t('tk.carrier')}</span>
            <select
              value={filters.carrier ?? ''}
              onChange={(e) => change({ carrier: e.target.value ? Number(e.target.value) : undefined })}
            >
              <option value="">{t('tk.filter.all')}</option>
              {(carriers.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span>{t('tk.filter.search')}</span>
          <input
            type="search"
            value={filters.number ?? ''}
            placeholder="1022-2026-000123"
            onChange={(e) => change({ number: e.target.value.replace(/[^0-9-]/g, '') || undefined })}
          />
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={filters.overdue === 'true'}
            onChange={(e) => change({ overdue: e.target.checked ? 'true' : undefined })}
            data-testid="filter-overdue"
          />
          {t('tk.overdueOnly')}
        </label>
      </div>
      {page.error ? (
        <ErrorMessage error={page.error} onRetry={page.reload} />
      ) : page.data ? (
        <>
          <p className="muted" data-testid="tickets-total">
            {t('tk.list.total', { total: formatCount(page.data.total, lang) })}
          </p>
          <Table
            columns={columns}
            rows={page.data.items}
            rowKey={(r) => r.id}
            caption={t('tk.list.caption')}
            empty={t('tk.list.empty')}
            testId="tickets-table"
          />
          <OffsetPager
            offset={offset}
            shown={page.data.items.length}
            total={page.data.total}
            pageSize={PAGE}
            onOffset={setOffset}
          />
        </>
      ) : (
        <Loading />
      )}
      {office && <SlaTable />}
    </div>
  )
}

/** The hours to resolve each category: data the office keeps, not code. */
function SlaTable() {
  const { t } = useI18n()
  const sla = useApi((s) => ticketsApi.sla(s), 'ticket-sla')
  const [edits, setEdits] = useState<Record<string, string>>({})
  const action = useAction()
  if (!sla.data) return sla.error ? <ErrorMessage error={sla.error} onRetry={sla.reload} /> : null
  return (
    <section className="tk-card" style={{ marginTop: 16 }}>
      <h2 className="panel-subtitle">{t('tk.sla')}</h2>
      {sla.data.items.map((row) => (
        <form
          key={row.category}
          className="tk-filters"
          onSubmit={(e) => {
            e.preventDefault()
            const hours = Number(edits[row.category])
            if (!Number.isInteger(hours) || hours < 1) return
            void action.run(async () => {
              await ticketsApi.setSla(row.category, hours)
              sla.reload()
            })
          }}
        >
          <span style={{ minWidth: '16rem' }}>
            {t(`tk.category.${row.category}` as MessageKey)} {row.own ? '' : t('tk.slaDefault')}
          </span>
          <label className="field">
            <span>{t('tk.slaHoursLabel')}</span>
            <input
              inputMode="numeric"
              value={edits[row.category] ?? String(row.hours)}
              onChange={(e) => setEdits({ ...edits, [row.category]: e.target.value })}
            />
          </label>
          <button type="submit" className="btn btn-secondary" disabled={action.busy}>
            {t('tk.slaSave')}
          </button>
        </form>
      ))}
      {action.error !== null && <ErrorMessage error={action.error} />}
    </section>
  )
}
