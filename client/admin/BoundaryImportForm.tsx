import { useState, type FormEvent } from 'react'
import { http } from '../api/http'
import { useI18n } from '../i18n'
import { ErrorMessage } from '../ui/status'
import { useAction } from '../ui/useAction'
import { ImportReport, type BoundaryReport } from './ImportReport'
import { DateInput } from '../ui/DateInput'

const LEVELS = ['district', 'province', 'ward'] as const

/** Imports a GeoJSON boundary file for the installation's province and shows the report. */
export function BoundaryImportForm({ provinceCode, onImported }: { provinceCode: string; onImported(): void }) {
  const { t } = useI18n()
  const [level, setLevel] = useState<(typeof LEVELS)[number]>('district')
  const [validFrom, setValidFrom] = useState('')
  const [dryRun, setDryRun] = useState(false)
  const [file, setFile] = useState<File | null>(null)
  const [report, setReport] = useState<BoundaryReport | null>(null)
  const { busy, error, run } = useAction()

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!file) return
    setReport(null)
    await run(async () => {
      let featureCollection: unknown
      try {
        featureCollection = JSON.parse(await file.text())
      } catch (err) {
        throw new Error(t('boundaries.notJson', { reason: (err as Error).message }))
      }
      const body = {
        level,
        validFrom,
        dryRun,
        fileName: file.name,
        featureCollection,
        ...(level === 'province' ? {} : { provinceCode }),
      }
      const answer = await http.post<BoundaryReport>('/api/admin/boundaries', body)
      setReport(answer)
      if (answer.status === 'imported') onImported()
    })
  }

  return (
    <section className="card" aria-labelledby="boundary-import-title">
      <h2 id="boundary-import-title">{t('boundaries.import')}</h2>
      <form className="form-grid" onSubmit={submit}>
        <label>
          {t('boundaries.file')}
          <input
            type="file"
            accept=".geojson,.json,application/geo+json,application/json"
            required
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <label>
          {t('boundaries.level')}
          <select value={level} onChange={(e) => setLevel(e.target.value as (typeof LEVELS)[number])}>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`boundaries.level.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('boundaries.validFrom')}
          <DateInput required value={validFrom} onChange={setValidFrom} />
        </label>
        <label className="check">
          <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />
          {t('boundaries.dryRun')}
        </label>
        <button type="submit" className="primary" disabled={busy || !file}>
          {t('boundaries.submit')}
        </button>
      </form>
      {error !== null && <ErrorMessage error={error} />}
      {report && <ImportReport report={report} />}
    </section>
  )
}
