import { useState, type FormEvent } from 'react'
import { useI18n } from '../i18n'
import { formatCount, formatNumber } from '../i18n/format'
import { ErrorMessage } from '../ui/status'
import { plansApi, type Diff, type PlanVersion } from './api'
import { CHANGE_COLOURS, PlanMap } from './PlanMap'
import type { FeatureCollection } from 'geojson'

const show = (v: unknown) =>
  v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v)

/** The changed features as GeoJSON for the map, each with its first change kind (removed at its old place). */
function diffFeatures(diff: Diff): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: diff.items.map((i) => ({
      type: 'Feature',
      geometry: i.geometry as FeatureCollection['features'][number]['geometry'],
      properties: { change: i.changes[0], kind: i.kind, key: i.key },
    })),
  }
}

/** Compares two versions of a plan: counts per change and one row per feature that changed. */
export function DiffTable({ planId, versions }: { planId: number; versions: PlanVersion[] }) {
  const { t, lang } = useI18n()
  const numbers = versions.map((v) => v.number).sort((a, b) => a - b)
  const [from, setFrom] = useState(numbers.at(-2) ?? 1)
  const [to, setTo] = useState(numbers.at(-1) ?? 1)
  const [tolerance, setTolerance] = useState(10)
  const [diff, setDiff] = useState<Diff | null>(null)
  const [mapData, setMapData] = useState<FeatureCollection | null>(null)
  const [error, setError] = useState<unknown>(null)
  if (numbers.length < 2) return null

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setError(null)
    try {
      const d = await plansApi.diff(planId, from, to, tolerance)
      setDiff(d)
      setMapData(diffFeatures(d))
    } catch (err) {
      setError(err)
    }
  }
  const pick = (value: number, set: (n: number) => void, label: string) => (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => set(Number(e.target.value))}>
        {numbers.map((n) => (
          <option key={n} value={n}>
            {t('pl.version', { n })}
          </option>
        ))}
      </select>
    </label>
  )

  return (
    <section className="page-section" data-testid="plan-diff" data-shown={diff ? 'true' : 'false'}>
      <h2>{t('pl.diff')}</h2>
      <form className="form-row" onSubmit={submit}>
        {pick(from, setFrom, t('pl.diff.from'))}
        {pick(to, setTo, t('pl.diff.to'))}
        <label className="field">
          <span>{t('pl.diff.tolerance')}</span>
          <input type="number" min={0} value={tolerance} onChange={(e) => setTolerance(Number(e.target.value))} />
        </label>
        <button type="submit" className="btn btn-secondary">
          {t('pl.diff.show')}
        </button>
      </form>
      {error !== null && <ErrorMessage error={error} />}
      {diff && (
        <>
          <p>
            {t('pl.diff.counts', {
              added: formatCount(diff.counts.added, lang),
              removed: formatCount(diff.counts.removed, lang),
              moved: formatCount(diff.counts.moved, lang),
              changed: formatCount(diff.counts.changed, lang),
              unchanged: formatCount(diff.unchanged, lang),
            })}
          </p>
          <ul className="pl-legend" data-testid="plan-diff-legend">
            {(Object.keys(CHANGE_COLOURS) as (keyof typeof CHANGE_COLOURS)[]).map((c) => (
              <li key={c} data-change={c}>
                <span className="pl-swatch" style={{ background: CHANGE_COLOURS[c] }} /> {t(`pl.change.${c}`)} (
                {formatCount(diff.counts[c], lang)})
              </li>
            ))}
          </ul>
          {mapData && <PlanMap data={mapData} colourBy="change" label={t('pl.diff')} />}
          <div className="table-wrap">
            <table className="table" data-testid="plan-diff-table">
              <thead>
                <tr>
                  <th scope="col">{t('pl.diff.key')}</th>
                  <th scope="col">{t('pl.diff.kind')}</th>
                  <th scope="col">{t('pl.diff.change')}</th>
                  <th scope="col">{t('pl.diff.detail')}</th>
                </tr>
              </thead>
              <tbody>
                {diff.items.map((i) => (
                  <tr key={`${i.kind}-${i.key}-${i.fromIndex}-${i.toIndex}`} className={`pl-change-${i.changes[0]}`}>
                    <td>{i.key ?? '—'}</td>
                    <td>{t(`pl.kind.${i.kind}`)}</td>
                    <td>{i.changes.map((c) => t(`pl.change.${c}`)).join(', ')}</td>
                    <td>
                      {[
                        ...(i.changes.includes('moved') && i.movedM !== null
                          ? [t('pl.diff.movedM', { m: formatNumber(i.movedM, lang, 1) })]
                          : []),
                        ...i.fields.map((f) => `${f.field}: ${show(f.from)} → ${show(f.to)}`),
                      ].join('; ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  )
}
