import { useI18n } from '../i18n'
import { formatCount } from '../i18n/format'

/** The parts of the server's import report the page shows. */
export interface BoundaryReport {
  status: 'imported' | 'dry-run' | 'rejected'
  importId: number | null
  inserted: number
  features: unknown[]
  repairedCount: number
  closed: unknown[]
  superseded: unknown[]
  outlineDerived: boolean
  moved: { stations: number; poles: number; conversionItems: number; routes: number } | null
  notes: string[]
}

/** What an import did, in the same words as the CLI's report. */
export function ImportReport({ report }: { report: BoundaryReport }) {
  const { t, lang } = useI18n()
  const n = (value: number) => formatCount(value, lang)
  return (
    <div className="status" role="status" aria-live="polite" data-testid="boundary-report">
      <p>
        {report.status === 'dry-run'
          ? t('boundaries.report.dryRun', { features: n(report.features.length), closed: n(report.closed.length) })
          : t('boundaries.report.imported', {
              inserted: n(report.inserted),
              id: report.importId ?? '—',
              closed: n(report.closed.length),
            })}
      </p>
      {report.repairedCount > 0 && <p>{t('boundaries.report.repaired', { n: n(report.repairedCount) })}</p>}
      {report.superseded.length > 0 && <p>{t('boundaries.report.superseded', { n: n(report.superseded.length) })}</p>}
      {report.outlineDerived && <p>{t('boundaries.report.outline')}</p>}
      {report.moved && (
        <p>
          {t('boundaries.report.moved', {
            stations: n(report.moved.stations),
            poles: n(report.moved.poles),
            items: n(report.moved.conversionItems),
            routes: n(report.moved.routes),
          })}
        </p>
      )}
      {report.notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
    </div>
  )
}
