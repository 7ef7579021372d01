import { useState, type FormEvent } from 'react'
import { useI18n } from '../i18n'
import { formatCount } from '../i18n/format'
import { ErrorMessage } from '../ui/status'
import { formatOf, plansApi, UploadRefused, type FeatureReport, type UploadProgress, type UploadResult } from './api'
import { UploadProgressBar } from './UploadProgress'

function ReportTable({ items }: { items: FeatureReport[] }) {
  const { t } = useI18n()
  if (items.length === 0) return null
  return (
    <div className="table-wrap" data-testid="plan-report">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('pl.feature')}</th>
            <th scope="col">{t('pl.message')}</th>
          </tr>
        </thead>
        <tbody>
          {items.slice(0, 200).map((r) => (
            <tr key={r.index}>
              <td>{r.label}</td>
              <td>{[...r.errors, ...r.warnings].join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

const download = (csv: string, name: string) => {
  const a = document.createElement('a')
  a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
  a.download = name
  a.click()
  URL.revokeObjectURL(a.href)
}

/** Uploads the plan's next version, showing its progress to the end; a refused file lists each feature and why. */
export function UploadPanel({ planId, onUploaded }: { planId: number; onUploaded(): void }) {
  const { t, lang } = useI18n()
  const [file, setFile] = useState<File | null>(null)
  const [progress, setProgress] = useState<UploadProgress | null>(null)
  const [result, setResult] = useState<UploadResult | null>(null)
  const [refused, setRefused] = useState<UploadRefused | null>(null)
  const [error, setError] = useState<unknown>(null)
  const format = file ? formatOf(file.name) : null

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!file || !format) return
    setProgress({ phase: 'sending', sent: 0 })
    setResult(null)
    setRefused(null)
    setError(null)
    try {
      setResult(await plansApi.uploadVersion(planId, file, setProgress))
      onUploaded()
    } catch (err) {
      if (err instanceof UploadRefused) setRefused(err)
      else setError(err)
    } finally {
      setProgress(null)
    }
  }

  return (
    <form className="page-section" onSubmit={submit} data-testid="plan-upload">
      <h2>{t('pl.upload')}</h2>
      <p className="muted">{t('pl.upload.help')}</p>
      <label className="field">
        <span>{t('pl.upload.file')}</span>
        <input
          type="file"
          name="file"
          accept=".geojson,.json,.kml,.kmz,.csv,.xlsx,.zip"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          required
        />
      </label>
      {file && !format && <p className="status status-error">{t('pl.upload.badType')}</p>}
      <button type="submit" className="btn btn-primary" disabled={progress !== null || !format}>
        {t('pl.upload.send')}
      </button>
      {progress !== null && <UploadProgressBar progress={progress} />}
      {error !== null && <ErrorMessage error={error} />}
      {result && (
        <p className="status status-ok" role="status" data-testid="plan-upload-done">
          {t('pl.upload.done', {
            n: result.number,
            sites: formatCount(result.sites, lang),
            routes: formatCount(result.routes, lang),
            areas: formatCount(result.areas, lang),
          })}
        </p>
      )}
      {refused && (
        <div className="status status-error" role="alert" data-testid="plan-upload-refused">
          <p>{t('pl.upload.refused')}</p>
          <p>{refused.detail}</p>
          {refused.reportCsv && (
            <button type="button" className="btn btn-link" onClick={() => download(refused.reportCsv!, 'bao-cao.csv')}>
              {t('pl.upload.download')}
            </button>
          )}
        </div>
      )}
      <ReportTable items={refused?.report ?? result?.warnings ?? []} />
    </form>
  )
}
