import type { MouseEvent } from 'react'
import { navigate } from '../app/router'
import { useI18n } from '../i18n'
import { formatCount } from '../i18n/format'
import { ErrorMessage, Loading } from '../ui/status'
import { type Column, Table } from '../ui/Table'
import { useApi } from '../ui/useApi'
import { type RecordItem, reportsApi } from './api'
import { recordPage, recordsApiQuery } from './links'

/** Opens a path of the app in place (a plain click), or lets the browser open it (new tab, middle click). */
function follow(path: string) {
  return (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
    e.preventDefault()
    navigate(path)
  }
}

/**
 * The records behind one figure of the section (the link every figure and table cell carries): the list of
 * stations, applications, conversion items or routes the figure counts, each opening its page in the app.
 */
export function RecordsPage() {
  const { t, lang } = useI18n()
  const search = location.search
  const label = new URLSearchParams(search).get('label') ?? t('rp.recordsTitle')
  const records = useApi((signal) => reportsApi.records(recordsApiQuery(search), signal), search)
  const back = `/reports?${new URLSearchParams(reportQueryOf(search)).toString()}`
  const columns: Column<RecordItem>[] = [
    {
      key: 'n',
      header: t('rp.col.n'),
      cell: (r) => formatCount(rowNumber(records.data?.items, r), lang),
      className: 'num',
    },
    {
      key: 'record',
      header: t('rp.col.record'),
      cell: (r) => (
        <a href={recordPage(r.url)} onClick={follow(recordPage(r.url))}>
          {r.label}
        </a>
      ),
    },
  ]
  return (
    <div className="page rp-page rp-records" data-testid="report-records">
      <header className="page-head">
        <p>
          <a href={back} onClick={follow(back)} data-testid="report-back">
            ‹ {t('rp.back')}
          </a>
        </p>
        <h1 lang="vi">{label}</h1>
        {records.data && (
          <p className="muted" data-testid="records-total" data-total={records.data.total}>
            {records.data.total > records.data.items.length
              ? t('rp.recordsSome', {
                  shown: formatCount(records.data.items.length, lang),
                  total: formatCount(records.data.total, lang),
                })
              : t('rp.recordsAll', { total: formatCount(records.data.total, lang) })}
          </p>
        )}
      </header>
      {records.error !== null && <ErrorMessage error={records.error} onRetry={records.reload} />}
      {!records.data && records.loading && <Loading />}
      {records.data && (
        <section className="card">
          <Table
            columns={columns}
            rows={records.data.items}
            rowKey={(r) => `${r.id}-${r.url}`}
            caption={label}
            empty={t('rp.recordsNone')}
            testId="records-table"
          />
        </section>
      )}
    </div>
  )
}

function rowNumber(items: readonly RecordItem[] | undefined, r: RecordItem): number {
  return (items?.indexOf(r) ?? 0) + 1
}

/** The report's own inputs among a records page's query (the period and units date), to go back to it. */
function reportQueryOf(search: string): Record<string, string> {
  const all = new URLSearchParams(search)
  const keep = ['period', 'year', 'quarter', 'half', 'from', 'to', 'unitsOn']
  return Object.fromEntries([...all].filter(([k]) => keep.includes(k)))
}
