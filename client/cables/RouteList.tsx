import { useEffect, useState } from 'react'
import { navigate } from '../app/router'
import { useI18n } from '../i18n'
import { formatCount } from '../i18n/format'
import { ErrorMessage, Loading } from '../ui/status'
import { Pager } from '../ui/Table'
import { useApi } from '../ui/useApi'
import { cablesApi, type RouteFilters } from './api'
import { formatLength } from './format'
import { KIND_COLOURS, KINDS, STATUSES, type Kind, type Status } from './model'
import type { useCableRefs } from './useRefs'
import { ExportMenu } from '../ui/ExportMenu'

const PAGE = 50

/** The side panel's list: filters, routes a page at a time (keyset by id), and the new-route and import actions. */
export function RouteList(props: {
  filters: RouteFilters
  onFilters(f: RouteFilters): void
  revision: number
  selectedId: number | null
  refs: ReturnType<typeof useCableRefs>
  canEdit: boolean
  staff: boolean
}) {
  const { t, lang } = useI18n()
  const { filters, onFilters, refs } = props
  // The afterId of each page shown so far; the last is the current page.
  const [pages, setPages] = useState<number[]>([0])
  const afterId = pages[pages.length - 1]!
  // biome-ignore lint/correctness/useExhaustiveDependencies: new filters start the list again at its first page
  useEffect(() => setPages([0]), [filters])
  const list = useApi(
    (signal) => cablesApi.list(filters, afterId, PAGE, signal),
    `${JSON.stringify(filters)}:${afterId}:${props.revision}`,
  )
  const items = list.data?.items ?? []
  const nextAfterId = list.data?.nextAfterId
  const set = (patch: Partial<RouteFilters>) => onFilters({ ...filters, ...patch })
  const first = (pages.length - 1) * PAGE + 1

  return (
    <>
      <header className="split-side-head">
        <h1>{t('cb.title')}</h1>
        {props.canEdit && (
          <div className="cb-actions">
            <button
              type="button"
              className="btn btn-primary btn-sm"
              onClick={() => navigate('/cables/new')}
              data-testid="route-new"
            >
              {t('cb.new')}
            </button>
            <button
              type="button"
              className="btn btn-secondary btn-sm"
              onClick={() => navigate('/cables/import')}
              data-testid="route-import"
            >
              {t('cb.import')}
            </button>
          </div>
        )}
      </header>
      <search aria-label={t('cb.filters')}>
        <form className="side-filters cb-filters" onSubmit={(e) => e.preventDefault()}>
          <label className="field side-search">
            <span>{t('cb.filter.q')}</span>
            <input
              type="search"
              defaultValue={filters.q ?? ''}
              onChange={(e) => set({ q: e.target.value.trim() || undefined })}
              placeholder={t('cb.filter.qHint')}
            />
          </label>
          <label className="field">
            <span>{t('cb.filter.kind')}</span>
            <select
              value={filters.kind ?? ''}
              onChange={(e) => set({ kind: (e.target.value || undefined) as Kind | undefined })}
              name="kind"
            >
              <option value="">{t('cb.filter.all')}</option>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`cb.kind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('cb.filter.status')}</span>
            <select
              value={filters.status ?? ''}
              onChange={(e) => set({ status: (e.target.value || undefined) as Status | undefined })}
              name="status"
            >
              <option value="">{t('cb.filter.all')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`cb.status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('cb.filter.district')}</span>
            <select value={filters.district ?? ''} onChange={(e) => set({ district: e.target.value || undefined })}>
              <option value="">{t('cb.filter.all')}</option>
              {(refs.districts.data?.features ?? []).map((f) => (
                <option key={f.properties.code} value={f.properties.code}>
                  {f.properties.name}
                </option>
              ))}
            </select>
          </label>
          {/* A carrier sees its own routes only (the server enforces it): a carrier filter would have nothing to
              choose. */}
          {props.staff && (
            <label className="field">
              <span>{t('cb.filter.carrier')}</span>
              <select value={filters.carrier ?? ''} onChange={(e) => set({ carrier: e.target.value || undefined })}>
                <option value="">{t('cb.filter.all')}</option>
                {(refs.carriers.data ?? []).map((c) => (
                  <option key={c.shortName} value={c.shortName}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
          )}
        </form>
      </search>
      <ExportMenu layer="cable-routes" params={{ ...filters }} file="cable-routes" label={t('export.routes')} />
      <ExportMenu
        layer="poles"
        params={{ district: filters.district }}
        file="poles"
        label={t('export.poles')}
        testId="export-poles"
      />
      {list.error !== null && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {list.loading && !list.data && <Loading />}
      <ul className="side-list" data-testid="route-list">
        {items.map((r) => (
          <li key={r.id}>
            <button
              type="button"
              className="side-row cb-row"
              aria-current={r.id === props.selectedId ? 'true' : undefined}
              onClick={() => navigate(`/cables/${r.id}`)}
              data-route={r.id}
            >
              <span className="side-row-main">
                <span className="cb-kind-dot" style={{ background: KIND_COLOURS[r.kind] }} aria-hidden="true" />
                <span className="cb-row-name">{r.name}</span>
                <span className="num">{formatLength(r.lengthM, lang)}</span>
              </span>
              <span className="side-row-sub cb-row-sub muted">
                {t(`cb.kind.${r.kind}`)} ·{' '}
                <span className={`cb-status cb-status-${r.status}`}>{t(`cb.status.${r.status}`)}</span> ·{' '}
                {r.carriers.join(', ')}
              </span>
            </button>
          </li>
        ))}
        {list.data && items.length === 0 && <li className="muted side-empty cb-empty">{t('cb.empty')}</li>}
      </ul>
      {(pages.length > 1 || nextAfterId) && (
        <Pager
          label={t('cb.range', { from: formatCount(first, lang), to: formatCount(first + items.length - 1, lang) })}
          previousText={t('table.previous')}
          nextText={t('table.next')}
          onPrevious={pages.length > 1 ? () => setPages(pages.slice(0, -1)) : null}
          onNext={nextAfterId ? () => setPages([...pages, nextAfterId]) : null}
        />
      )}
    </>
  )
}
