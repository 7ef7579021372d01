import { useState, type FormEvent } from 'react'
import { ApiError } from '../api/http'
import { useI18n } from '../i18n'
import { formatCount } from '../i18n/format'
import { ErrorMessage } from '../ui/status'
import { api, type Programme } from './api'

interface RowProblem {
  line: number
  message: string
}

const EXAMPLE =
  'station_code,carrier,kind,to_class,to_height_m,design,phase,due_date,host_station_code\n' +
  'VIE-760-00012,viettel,camouflage,A1c,10,palm_tree,1,,\n' +
  'MOB-770-00044,,lower,,12,,2,,\n'

/**
 * The officer's import of a programme list: check first (nothing stored), tick the rows to leave out, then import
 * all the rest in one go. The server refuses the whole file while any unticked row has a problem.
 */
export function ImportPage({ programme, onImported }: { programme: Programme; onImported(): void }) {
  const { t, lang } = useI18n()
  const [format, setFormat] = useState<'csv' | 'geojson'>('csv')
  const [content, setContent] = useState('')
  const [toleranceM, setTolerance] = useState(30)
  const [problems, setProblems] = useState<RowProblem[] | null>(null)
  const [skip, setSkip] = useState<number[]>([])
  const [error, setError] = useState<unknown>(null)
  const [result, setResult] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const send = async (dryRun: boolean) => {
    setBusy(true)
    setError(null)
    setResult(null)
    try {
      const r = await api.importList(programme.id, { format, content, toleranceM, skip, dryRun })
      setProblems([])
      setResult(
        dryRun
          ? t('conv.import.clean', { n: formatCount(r.matched, lang) })
          : t('conv.import.done', { n: formatCount(r.imported, lang), skipped: r.skipped.length }),
      )
      if (!dryRun) onImported()
    } catch (err) {
      if (err instanceof ApiError && err.status === 422 && err.errors.every((e) => e.path.startsWith('line.'))) {
        setProblems(err.errors.map((e) => ({ line: Number(e.path.slice(5)), message: e.message })))
      } else setError(err)
    } finally {
      setBusy(false)
    }
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void send(true)
  }
  const toggle = (line: number) => setSkip((s) => (s.includes(line) ? s.filter((l) => l !== line) : [...s, line]))
  const unresolved = (problems ?? []).filter((p) => !skip.includes(p.line)).length
  return (
    <div className="conv-two conv-import">
      <form className="card conv-card" onSubmit={submit}>
        <h2 className="card-title">{t('conv.import.title')}</h2>
        <p className="hint">{t('conv.import.hint')}</p>
        <div className="segmented" role="radiogroup">
          {(['csv', 'geojson'] as const).map((f) => (
            <label key={f} className={format === f ? 'on' : undefined}>
              <input type="radio" name="format" checked={format === f} onChange={() => setFormat(f)} />
              {f === 'csv' ? 'CSV' : 'GeoJSON'}
            </label>
          ))}
        </div>
        <label className="field">
          <span>{t('conv.csv.file')}</span>
          <input
            type="file"
            accept=".csv,.geojson,.json,text/csv,application/geo+json"
            onChange={(e) =>
              void e.target.files?.[0]?.text().then((text) => {
                setContent(text)
                setProblems(null)
                setSkip([])
              })
            }
          />
        </label>
        <label className="field">
          <span>{t('conv.csv.content')}</span>
          <textarea
            rows={8}
            value={content}
            placeholder={format === 'csv' ? EXAMPLE : '{"type":"FeatureCollection","features":[…]}'}
            onChange={(e) => {
              setContent(e.target.value)
              setProblems(null)
              setSkip([])
            }}
            spellCheck={false}
          />
        </label>
        <label className="field">
          <span>{t('conv.import.tolerance')}</span>
          <input
            type="number"
            min={1}
            max={500}
            value={toleranceM}
            onChange={(e) => setTolerance(Number(e.target.value) || 30)}
          />
        </label>
        {error !== null && <ErrorMessage error={error} />}
        {result && (
          <p className="status status-ok" data-testid="import-result">
            {result}
          </p>
        )}
        <div className="form-actions conv-buttons">
          <button type="submit" className="btn btn-secondary" disabled={busy || !content.trim()}>
            {t('conv.import.check')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || !content.trim() || problems === null || unresolved > 0}
            onClick={() => void send(false)}
          >
            {skip.length > 0 ? t('conv.import.runSkipping', { n: skip.length }) : t('conv.import.run')}
          </button>
        </div>
      </form>
      <section className="card conv-card">
        <h2 className="card-title">{t('conv.import.report')}</h2>
        {problems === null ? (
          <p className="muted">{t('conv.import.notChecked')}</p>
        ) : problems.length === 0 ? (
          <p className="status status-ok">{t('conv.import.noProblems')}</p>
        ) : (
          <>
            <p className="status status-error">{t('conv.import.problems', { n: problems.length, left: unresolved })}</p>
            <div className="table-wrap">
              <table className="table" data-testid="import-problems">
                <thead>
                  <tr>
                    <th scope="col">{t('conv.import.skip')}</th>
                    <th scope="col">{t('conv.import.line')}</th>
                    <th scope="col">{t('conv.import.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {problems.map((p) => (
                    <tr key={p.line}>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t('conv.import.skipLine', { line: p.line })}
                          checked={skip.includes(p.line)}
                          onChange={() => toggle(p.line)}
                        />
                      </td>
                      <td className="num">{p.line}</td>
                      <td>{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </div>
  )
}
