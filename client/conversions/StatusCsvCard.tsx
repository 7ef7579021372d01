import { useState, type FormEvent } from 'react'
import { useI18n } from '../i18n'
import { ErrorMessage } from '../ui/status'
import { api } from './api'

const EXAMPLE = 'item_id,action,measured_height_m,completed_on,note\n1234,start,,,\n1235,report,"11,8",2026-05-02,\n'

/** A carrier's status updates for many items at once, from a CSV (all lines or none). */
export function StatusCsvCard({ onDone }: { onDone(): void }) {
  const { t } = useI18n()
  const [csv, setCsv] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [result, setResult] = useState<number | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    setResult(null)
    try {
      setResult((await api.statusCsv(csv)).updated)
      setCsv('')
      onDone()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <form className="card conv-card conv-csv" onSubmit={(e) => void submit(e)}>
      <h2 className="card-title">{t('conv.csv.title')}</h2>
      <p className="hint">{t('conv.csv.hint')}</p>
      <label className="field">
        <span>{t('conv.csv.file')}</span>
        <input type="file" accept=".csv,text/csv" onChange={(e) => void e.target.files?.[0]?.text().then(setCsv)} />
      </label>
      <label className="field">
        <span>{t('conv.csv.content')}</span>
        <textarea
          rows={5}
          value={csv}
          placeholder={EXAMPLE}
          onChange={(e) => setCsv(e.target.value)}
          spellCheck={false}
        />
      </label>
      {error !== null && <ErrorMessage error={error} />}
      {result !== null && <p className="status status-ok">{t('conv.csv.done', { n: result })}</p>}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || !csv.trim()}>
          {t('conv.csv.send')}
        </button>
      </div>
    </form>
  )
}
