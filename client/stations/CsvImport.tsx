import { useState, type FormEvent } from 'react'
import { ApiError } from '../api/http'
import { useI18n } from '../i18n'
import { formatCount } from '../i18n/format'
import { ErrorMessage } from '../ui/status'
import { useAction } from '../ui/useAction'
import { stationsApi } from './api'
import { csvErrorsByLine } from './model'

const TEMPLATE =
  'siteCode,address,lon,lat,northing,easting,mastClass,camouflageKind,mastHeightM,buildingHeightM,reachBeyondEdgeM,' +
  'technologies,sharedOperators,temporary,mobile,validFrom,validTo\r\n'

/**
 * Upload of several sites from a CSV file, all or nothing: the server stores them as drafts, or names every bad
 * line and field, and then nothing is stored.
 */
export function CsvImport({ onImported }: { onImported(): void }) {
  const { t, lang } = useI18n()
  const [file, setFile] = useState<File | null>(null)
  const [created, setCreated] = useState<number | null>(null)
  const { busy, error, run } = useAction()

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (!file) return
    setCreated(null)
    await run(async () => {
      const r = await stationsApi.importCsv(await file.text())
      setCreated(r.created)
      onImported()
    })
  }

  const lines = error instanceof ApiError ? csvErrorsByLine(error.errors) : []
  return (
    <form className="card st-import" onSubmit={submit} data-testid="csv-import">
      <h2 className="card-title">{t('st.import.title')}</h2>
      <p className="hint">
        {t('st.import.help')}{' '}
        <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(TEMPLATE)}`} download="mau-tram-bts.csv">
          {t('st.import.template')}
        </a>
      </p>
      <div className="st-import-row">
        <input
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          aria-label={t('st.import.file')}
        />
        <button type="submit" className="btn btn-primary" disabled={!file || busy}>
          {busy ? t('st.working') : t('st.import.submit')}
        </button>
      </div>
      {created !== null && (
        <p className="status status-ok" role="status">
          {t('st.import.done', { n: formatCount(created, lang) })}
        </p>
      )}
      {error !== null && <ErrorMessage error={error} listFields={false} />}
      {lines.length > 0 && (
        <table className="table st-import-errors" data-testid="import-errors">
          <caption className="sr-only">{t('st.import.errors')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('st.import.line')}</th>
              <th scope="col">{t('st.import.field')}</th>
              <th scope="col">{t('st.import.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.flatMap((l) =>
              l.fields.map((f, i) => (
                // A report is shown once and never reordered; the index tells two errors on one field apart.
                // biome-ignore lint/suspicious/noArrayIndexKey: a static report, never reordered
                <tr key={`${l.line}:${f.field}:${i}`}>
                  <td className="num">{i === 0 ? (l.line ?? '—') : ''}</td>
                  <td>
                    <code>{f.field || '—'}</code>
                  </td>
                  <td>{f.message}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
    </form>
  )
}
