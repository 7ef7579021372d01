import { useState, type FormEvent } from 'react'
import { navigate } from '../app/router'
import { useI18n } from '../i18n'
import { formatCount } from '../i18n/format'
import { ErrorMessage } from '../ui/status'
import { cablesApi, ImportRefused, type FeatureReport, type ImportResult } from './api'
import { KINDS, type Kind } from './model'

type Format = 'geojson' | 'kml' | 'csv'

/** The import format a file name says, or null. */
export function formatOf(fileName: string): Format | null {
  const ext = fileName.toLowerCase().split('.').pop()
  return ext === 'geojson' || ext === 'json' ? 'geojson' : ext === 'kml' ? 'kml' : ext === 'csv' ? 'csv' : null
}

function Report({ title, items, testId }: { title: string; items: FeatureReport[]; testId: string }) {
  const { t } = useI18n()
  if (items.length === 0) return null
  return (
    <div className="table-wrap" data-testid={testId}>
      <table className="table cb-mini">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cb.import.feature')}</th>
            <th scope="col">{t('cb.import.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.index}>
              <td>{r.label}</td>
              <td>{r.reasons.join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/**
 * Imports routes from a GeoJSON, KML or CSV-with-WKT file: all or nothing. A refused file lists every
 * rejected feature and why; features that are not lines are reported as skipped.
 */
export function ImportPanel({ onImported, onClose }: { onImported(): void; onClose(): void }) {
  const { t, lang } = useI18n()
  const [file, setFile] = useState<File | null>(null)
  const [kind, setKind] = useState<Kind>('tidying')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<ImportResult | null>(null)
  const [refused, setRefused] = useState<ImportRefused | null>(null)
  const [error, setError] = useState<unknown>(null)
  const format = file ? formatOf(file.name) : null

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!file || !format) return
    setBusy(true)
    setResult(null)
    setRefused(null)
    setError(null)
    try {
      setResult(await cablesApi.importFile(format, await file.text(), kind, []))
      onImported()
    } catch (err) {
      if (err instanceof ImportRefused) setRefused(err)
      else setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="cb-import" onSubmit={submit} data-testid="route-import-form">
      <header className="split-side-head">
        <h1>{t('cb.import.title')}</h1>
      </header>
      <p className="muted cb-hint">{t('cb.import.help')}</p>
      <label className="field">
        <span>{t('cb.import.file')}</span>
        <input
          type="file"
          name="file"
          accept=".geojson,.json,.kml,.csv"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          required
        />
      </label>
      {file && !format && <p className="status status-error">{t('cb.import.badType')}</p>}
      <label className="field">
        <span>{t('cb.import.kind')}</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`cb.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="cb-editor-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || !format}>
          {t('cb.import.send')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          {t('cb.close')}
        </button>
      </div>
      {error !== null && <ErrorMessage error={error} />}
      {result && (
        <div className="status status-ok" role="status" data-testid="import-done">
          <p>{t('cb.import.done', { n: formatCount(result.imported, lang) })}</p>
          {result.ids[0] !== undefined && (
            <button type="button" className="btn btn-link" onClick={() => navigate(`/cables/${result.ids[0]}`)}>
              {t('cb.import.openFirst')}
            </button>
          )}
        </div>
      )}
      {refused && (
        <div className="status status-error" role="alert" data-testid="import-refused">
          <p>{t('cb.import.refused', { n: formatCount(refused.rejected.length, lang) })}</p>
        </div>
      )}
      {refused && refused.rejected.length === 0 && refused.errors.length > 0 && (
        <Report
          title={t('cb.import.problems')}
          items={refused.errors.map((e, i) => ({ index: i, label: e.path, reasons: [e.message] }))}
          testId="import-errors"
        />
      )}
      <Report title={t('cb.import.rejected')} items={refused?.rejected ?? []} testId="import-rejected" />
      <Report
        title={t('cb.import.skipped')}
        items={refused?.notRoutes ?? result?.notRoutes ?? []}
        testId="import-skipped"
      />
    </form>
  )
}
