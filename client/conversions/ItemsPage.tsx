import { useState } from 'react'
import { http } from '../api/http'
import type { Carrier } from '../api/types'
import { useSession } from '../auth/session'
import { useI18n, type MessageKey } from '../i18n'
import { formatCount, formatDate } from '../i18n/format'
import { ErrorMessage, Loading } from '../ui/status'
import { OffsetPager } from '../ui/Table'
import { useApi } from '../ui/useApi'
import { api, filtersFromUrl, itemsHref, STATUSES, type Filters, type Programme } from './api'
import { ItemsTable } from './OverdueTable'
import { StatusCsvCard } from './StatusCsvCard'
import { ExportMenu } from '../ui/ExportMenu'

const PAGE = 25

/** The list of items behind any dashboard figure; its filters live in the URL so a link reproduces it. */
export function ItemsPage({ programme }: { programme: Programme }) {
  const { t, lang } = useI18n()
  const { user } = useSession()
  const [filters, setFilters] = useState<Filters>(() => filtersFromUrl(location.search, programme.id))
  const [offset, setOffset] = useState(0)
  const key = JSON.stringify({ ...filters, programme: programme.id, offset })
  const page = useApi((s) => api.items({ ...filters, programme: programme.id, limit: PAGE, offset }, s), key)
  const change = (patch: Partial<Filters>) => {
    const next = { ...filters, ...patch, programme: programme.id }
    setFilters(next)
    setOffset(0)
    history.replaceState(null, '', itemsHref(next))
  }
  const carriers = useApi(
    (signal) =>
      user?.role === 'carrier'
        ? Promise.resolve([])
        : http.get<{ items: Carrier[] }>('/api/carriers', undefined, signal).then((r) => r.items),
    'carriers',
  )
  const total = page.data?.total ?? 0
  return (
    <div>
      <ExportMenu layer="conversion-items" params={{ ...filters, programme: programme.id }} file="conversion-items" />
      <div className="filters conv-filters">
        <label className="field">
          <span>{t('conv.filter.phase')}</span>
          <select
            value={filters.phase ?? (filters.upToPhase ? `<=${filters.upToPhase}` : '')}
            onChange={(e) =>
              change({
                phase: e.target.value && !e.target.value.startsWith('<=') ? Number(e.target.value) : undefined,
                upToPhase: undefined,
              })
            }
          >
            <option value="">{t('conv.filter.all')}</option>
            {filters.upToPhase && (
              <option value={`<=${filters.upToPhase}`}>{t('conv.filter.upToPhase', { seq: filters.upToPhase })}</option>
            )}
            {programme.phases.map((p) => (
              <option key={p.seq} value={p.seq}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('conv.col.status')}</span>
          <select
            value={filters.status ?? ''}
            onChange={(e) => change({ status: (e.target.value || undefined) as Filters['status'] })}
            data-testid="filter-status"
          >
            <option value="">{t('conv.filter.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`conv.status.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        {user?.role !== 'carrier' && (
          <label className="field">
            <span>{t('conv.filter.carrier')}</span>
            <select
              value={filters.carrier ?? ''}
              onChange={(e) => change({ carrier: e.target.value || undefined })}
              data-testid="filter-carrier"
            >
              <option value="">{t('conv.filter.all')}</option>
              {filters.carrier && !carriers.data?.some((c) => c.shortName === filters.carrier) && (
                <option value={filters.carrier}>{filters.carrier}</option>
              )}
              {(carriers.data ?? []).map((c) => (
                <option key={c.id} value={c.shortName}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span>{t('conv.filter.search')}</span>
          <input
            type="search"
            value={filters.q ?? ''}
            onChange={(e) => change({ q: e.target.value || undefined })}
            placeholder="VIE-760-00012"
          />
        </label>
        {filters.verifiedBy && (
          <label className="check conv-check">
            <input type="checkbox" checked onChange={() => change({ verifiedBy: undefined })} />
            {t('conv.filter.verifiedBy', { date: formatDate(filters.verifiedBy, lang) })}
          </label>
        )}
        <label className="check conv-check">
          <input
            type="checkbox"
            checked={filters.overdue === 'true'}
            onChange={(e) => change({ overdue: e.target.checked ? 'true' : undefined })}
          />
          {t('conv.overdue.only')}
        </label>
        {filters.district && (
          <button
            type="button"
            className="btn btn-secondary conv-chip-btn"
            onClick={() => change({ district: undefined })}
          >
            {t('conv.filter.district')}: {filters.district} ✕
          </button>
        )}
      </div>
      {page.error ? (
        <ErrorMessage error={page.error} onRetry={page.reload} />
      ) : page.data ? (
        <>
          <p className="muted" data-testid="items-total">
            {t('conv.items.total', { total: formatCount(total, lang) })}
          </p>
          <ItemsTable items={page.data.items} />
          <OffsetPager
            offset={offset}
            shown={page.data.items.length}
            total={total}
            pageSize={PAGE}
            onOffset={setOffset}
          />
        </>
      ) : (
        <Loading />
      )}
      {user?.role === 'carrier' && <StatusCsvCard onDone={page.reload} />}
    </div>
  )
}
