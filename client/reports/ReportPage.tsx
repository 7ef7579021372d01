import { useEffect, useState } from 'react'
import { usePath } from '../app/router'
import { useI18n } from '../i18n'
import { vietnamQuarter, vietnamToday } from '../time'
import { ErrorMessage, Loading } from '../ui/status'
import { useApi } from '../ui/useApi'
import { downloadUrl, inputFromQuery, reportQuery, reportsApi, type ReportInput } from './api'
import { PartView } from './PartView'
import { PeriodForm } from './PeriodForm'
import { RecordsPage } from './RecordsPage'
import './reports.css'

/** The last complete quarter, the page's first choice. */
function lastQuarter(): { year: number; quarter: number } {
  const year = Number(vietnamToday().slice(0, 4))
  const q = vietnamQuarter() - 1
  return q === 0 ? { year: year - 1, quarter: 4 } : { year, quarter: q }
}

/**
 * "Báo cáo định kỳ": the telecom-infrastructure section of the report for a chosen period and boundary date, as
 * the server writes it in Vietnamese, every figure linked to its records; DOCX and XLSX downloads; printable.
 */
export default function ReportPage() {
  const path = usePath()
  return path === '/reports/records' ? <RecordsPage /> : <SectionPage />
}

/** The section for the period the address names (so a figure's list leads back to it), the last quarter else. */
function SectionPage() {
  const { t } = useI18n()
  const today = vietnamToday()
  const [input, setInput] = useState<ReportInput>(() =>
    inputFromQuery(location.search, {
      period: 'quarter',
      ...lastQuarter(),
      half: 1,
      from: `${today.slice(0, 4)}-01-01`,
      to: today,
      unitsOn: '',
    }),
  )
  useEffect(() => {
    const address = `/reports?${new URLSearchParams(reportQuery(input)).toString()}`
    if (`${location.pathname}${location.search}` !== address) history.replaceState(null, '', address)
  }, [input])
  const report = useApi((signal) => reportsApi.section(input, signal), JSON.stringify(input))
  const data = report.data
  return (
    <div className="page rp-page">
      <header className="page-head no-print">
        <h1>{t('rp.title')}</h1>
        <p className="muted">{t('rp.intro')}</p>
        <PeriodForm value={input} thisYear={Number(today.slice(0, 4))} onChange={setInput} />
        <div className="rp-actions">
          <a className="button" href={downloadUrl('docx', input)} download data-testid="download-docx">
            {t('rp.docx')}
          </a>
          <a className="button" href={downloadUrl('xlsx', input)} download data-testid="download-xlsx">
            {t('rp.xlsx')}
          </a>
          <button type="button" onClick={() => window.print()}>
            {t('rp.print')}
          </button>
        </div>
      </header>
      {report.error !== null && <ErrorMessage error={report.error} onRetry={report.reload} />}
      {!data && report.loading && <Loading />}
      {data && (
        <article className="rp-report" lang="vi" data-testid="report">
          <h1 className="rp-title">{data.title}</h1>
          {data.parts.length === 0 && <p>{t('rp.empty')}</p>}
          {data.parts.map((part, i) => (
            <PartView key={part.key} part={part} n={i + 1} />
          ))}
        </article>
      )}
    </div>
  )
}
