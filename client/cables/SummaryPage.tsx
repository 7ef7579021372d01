import { useState } from 'react'
import { useI18n } from '../i18n'
import { formatCount } from '../i18n/format'
import { ErrorMessage, Loading } from '../ui/status'
import { useApi } from '../ui/useApi'
import { cablesApi, summaryDownloadUrl, type GroupBy, type Period, type Summary } from './api'
import { BarChart } from './BarChart'
import { DuctsTable } from './DuctsTable'
import { ExportMenu } from '../ui/ExportMenu'
import { formatKm } from './format'
import { vietnamQuarter, vietnamToday as today } from '../time'
import { LineChart } from './LineChart'
import { KIND_COLOURS, KINDS } from './model'
import { completedKmByGroup, FIRST_YEAR, periodFrom } from './summary'
import { SummaryTable } from './SummaryTable'
import './cables.css'

/**
 * "Tổng hợp cáp": the officers' sentence for a period (as the server writes it), its figures, tables
 * and charts by district, carrier and kind, CSV/XLSX downloads, and the shared-duct occupancy.
 */
export default function SummaryPage() {
  const { t, lang } = useI18n()
  const thisYear = Number(today().slice(0, 4))
  const [kind, setKind] = useState<Period['period']>('cumulative')
  const [year, setYear] = useState(thisYear)
  const [quarter, setQuarter] = useState(vietnamQuarter)
  const [groupBy, setGroupBy] = useState<GroupBy>('district')
  const period = periodFrom(kind, year, quarter, today())
  const key = JSON.stringify(period)
  // One request for the whole page: the summary and the trend's year ends (issue 11.6).
  const page = useApi((signal) => cablesApi.summaryPage(period, groupBy, signal), `${key}:${groupBy}`)
  const summary = { ...page, data: page.data?.summary }
  const trend = { ...page, data: page.data?.trend.map((e) => e.totals) }
  const trendLabels = page.data?.trend.map((e) => e.label) ?? []

  const data = summary.data
  // Each row carries its group's name (the district in force at the period's end, the carrier), so the page needs
  // neither the districts' outlines nor the carriers list; the server names the length outside every district '-'.
  const names = new Map((data?.rows ?? []).map((r) => [r.group, r.groupName]))
  const groupName = (g: string | null) =>
    groupBy === 'district'
      ? ((g === '-' ? null : (names.get(g) ?? g)) ?? t('cb.outside'))
      : groupBy === 'carrier'
        ? (names.get(g) ?? g ?? '')
        : ''
  const bars = data
    ? completedKmByGroup(data.rows).map((b) => ({
        label: groupBy === 'none' ? t('cb.total') : groupName(b.group),
        values: b.values,
      }))
    : []
  const series = KINDS.map((k) => ({ name: t(`cb.kind.${k}`), colour: KIND_COLOURS[k] }))
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i)

  // Set once the figures, the charts' names and colours are all here: the bench (ui.cable_summary_load_ms) and
  // the e2e specs wait on it rather than on timers.
  const loaded = Boolean(data && !page.loading)
  return (
    <div className="page cb-summary" data-loaded={loaded}>
      <header className="page-head cb-summary-head">
        <h1>{t('cb.sum.title')}</h1>
        <form className="cb-period" aria-label={t('cb.sum.period')} onSubmit={(e) => e.preventDefault()}>
          <div className="segmented" role="radiogroup" aria-label={t('cb.sum.period')}>
            {(['quarter', 'year', 'cumulative'] as const).map((p) => (
              <label key={p} className={kind === p ? 'on' : undefined}>
                <input type="radio" name="period" value={p} checked={kind === p} onChange={() => setKind(p)} />
                {t(`cb.sum.${p}`)}
              </label>
            ))}
          </div>
          {kind !== 'cumulative' && (
            <select aria-label={t('cb.sum.year')} value={year} onChange={(e) => setYear(Number(e.target.value))}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          )}
          {kind === 'quarter' && (
            <select
              aria-label={t('cb.sum.quarterLabel')}
              value={quarter}
              onChange={(e) => setQuarter(Number(e.target.value))}
            >
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  {t('cb.sum.quarterN', { q })}
                </option>
              ))}
            </select>
          )}
        </form>
      </header>

      {summary.error !== null && <ErrorMessage error={summary.error} onRetry={summary.reload} />}
      {!data && summary.loading && <Loading />}
      {data && (
        <>
          <section className="card cb-sentence" aria-labelledby="sentence-title">
            <h2 id="sentence-title" className="cb-h3">
              {t('cb.sum.sentence')} — {data.period.label[lang === 'vi' ? 0 : 1]}
            </h2>
            <p lang="vi" data-testid="summary-sentence">
              {data.sentence.vi}
            </p>
            {lang === 'en' && (
              <p className="muted" lang="en">
                {data.sentence.en}
              </p>
            )}
          </section>
          <div className="cb-kpis" data-testid="summary-totals">
            <Kpi
              label={t('cb.sum.undergroundRoutes')}
              value={formatCount(data.totals.undergroundRoutes, lang)}
              unit={t('cb.unit.routes')}
              testId="kpi-underground-routes"
            />
            <Kpi
              label={t('cb.sum.undergroundKm')}
              value={formatKm(data.totals.undergroundM, lang)}
              unit="km"
              testId="kpi-underground-km"
            />
            <Kpi
              label={t('cb.sum.undergroundBuilding')}
              value={formatCount(data.totals.undergroundBuilding, lang)}
              unit={t('cb.unit.routes')}
              testId="kpi-underground-building"
            />
            <Kpi
              label={t('cb.sum.tidyingKm')}
              value={formatKm(data.totals.tidyingM, lang)}
              unit="km"
              testId="kpi-tidying-km"
            />
            <Kpi
              label={t('cb.sum.tidyingPoles')}
              value={formatCount(data.totals.tidyingPoles, lang)}
              unit={t('cb.unit.poles')}
              testId="kpi-tidying-poles"
            />
          </div>
          <p className="hint">{t('cb.sum.verifiedHint')}</p>
          <div className="cb-kpis" data-testid="summary-verified">
            <Kpi
              label={t('cb.sum.undergroundVerified')}
              value={t('cb.sum.ofDeclared', {
                n: formatCount(data.totals.undergroundVerified, lang),
                of: formatCount(data.totals.undergroundRoutes, lang),
              })}
              unit={t('cb.unit.routes')}
              testId="kpi-underground-verified"
            />
            <Kpi
              label={t('cb.sum.undergroundVerifiedKm')}
              value={formatKm(data.totals.undergroundVerifiedM, lang)}
              unit="km"
              testId="kpi-underground-verified-km"
            />
            <Kpi
              label={t('cb.sum.tidyingVerified')}
              value={t('cb.sum.ofDeclared', {
                n: formatCount(data.totals.tidyingVerified, lang),
                of: formatCount(data.totals.tidyingRoutes, lang),
              })}
              unit={t('cb.unit.routes')}
              testId="kpi-tidying-verified"
            />
            <Kpi
              label={t('cb.sum.tidyingVerifiedKm')}
              value={formatKm(data.totals.tidyingVerifiedM, lang)}
              unit="km"
              testId="kpi-tidying-verified-km"
            />
          </div>
          <section className="card">
            <div className="cb-table-head">
              <div className="segmented" role="radiogroup" aria-label={t('cb.sum.groupBy')}>
                {(['district', 'carrier', 'none'] as const).map((g) => (
                  <label key={g} className={groupBy === g ? 'on' : undefined}>
                    <input
                      type="radio"
                      name="groupBy"
                      value={g}
                      checked={groupBy === g}
                      onChange={() => setGroupBy(g)}
                    />
                    {t(`cb.sum.by.${g}`)}
                  </label>
                ))}
              </div>
              <div className="cb-downloads">
                <a
                  className="btn btn-secondary btn-sm"
                  href={summaryDownloadUrl('csv', period, groupBy)}
                  download
                  data-testid="download-csv"
                >
                  {t('cb.sum.csv')}
                </a>
                <a
                  className="btn btn-secondary btn-sm"
                  href={summaryDownloadUrl('xlsx', period, groupBy)}
                  download
                  data-testid="download-xlsx"
                >
                  {t('cb.sum.xlsx')}
                </a>
              </div>
            </div>
            <div className="cb-summary-grid">
              {bars.length > 0 && (
                <BarChart
                  rows={bars}
                  series={series}
                  unit="km"
                  title={t('cb.sum.barTitle', { by: t(`cb.sum.by.${groupBy}`) })}
                />
              )}
              <Trend state={trend} labels={trendLabels} />
            </div>
            <SummaryTable summary={data} groupBy={groupBy} groupName={groupName} />
          </section>
        </>
      )}
      <section className="card">
        <div className="cb-ducts-head">
          <h2 className="cb-h3">{t('cb.ducts.title')}</h2>
          <ExportMenu layer="ducts" params={{}} file="ducts" label={t('export.ducts')} />
        </div>
        <DuctsTable />
      </section>
    </div>
  )
}

/** Cumulative kilometres of undergrounding and tidying at each year end. */
function Trend({
  state,
  labels,
}: {
  state: { data?: Summary['totals'][]; error: unknown; reload(): void }
  labels: string[]
}) {
  const { t } = useI18n()
  if (state.error) return <ErrorMessage error={state.error} onRetry={state.reload} />
  if (!state.data) return <Loading />
  return (
    <LineChart
      title={t('cb.sum.trendTitle')}
      unit="km"
      labels={labels}
      series={[
        { name: t('cb.kind.tidying'), colour: KIND_COLOURS.tidying, values: state.data.map((x) => x.tidyingM / 1000) },
        {
          name: t('cb.kind.underground'),
          colour: KIND_COLOURS.underground,
          values: state.data.map((x) => x.undergroundM / 1000),
        },
      ]}
    />
  )
}

function Kpi({ label, value, unit, testId }: { label: string; value: string; unit: string; testId: string }) {
  return (
    <div className="cb-kpi" data-testid={testId}>
      <span className="cb-kpi-label">{label}</span>
      <span className="cb-kpi-value num">
        {value} <small>{unit}</small>
      </span>
    </div>
  )
}
