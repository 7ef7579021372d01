import { useState, type FormEvent } from 'react'
import { http } from '../api/http'
import type { Interpretation, Zone } from '../api/types'
import { useI18n } from '../i18n'
import { formatCoordinate, parseNumber } from '../i18n/format'
import { ErrorMessage } from '../ui/status'
import type { LngLat } from './MapView'

type System = 'wgs84' | 'vn2000'

/** A central meridian as degrees and minutes: 105.75 → 105°45′. */
export function meridianLabel(degrees: number): string {
  const whole = Math.floor(degrees)
  const minutes = Math.round((degrees - whole) * 60)
  return `${whole}°${String(minutes).padStart(2, '0')}′`
}

/**
 * "Nhập tọa độ": two numbers in WGS84 or VN-2000 (metres in the zone, or degrees), in whichever order
 * the user has them. The server decides which is the northing (or latitude) and says so; the result
 * is pinned on the map.
 */
export function CoordinatePanel({
  zones,
  defaultZone,
  onLocate,
}: {
  zones: Zone[]
  defaultZone: string
  onLocate(lngLat: LngLat): void
}) {
  const { t, lang } = useI18n()
  const [system, setSystem] = useState<System>('vn2000')
  const [zone, setZone] = useState(defaultZone)
  const [first, setFirst] = useState('')
  const [second, setSecond] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [result, setResult] = useState<Interpretation | null>(null)

  async function submit(e: FormEvent) {
    e.preventDefault()
    const a = parseNumber(first)
    const b = parseNumber(second)
    setResult(null)
    if (a === null || b === null) {
      setError(new Error(t('coord.invalidNumber')))
      return
    }
    setBusy(true)
    setError(null)
    try {
      const r = await http.post<Interpretation>('/api/coordinates/interpret', {
        a,
        b,
        zone,
        geographic: system === 'wgs84' ? 'wgs84' : 'vn2000-geo',
      })
      setResult(r)
      onLocate(r.wgs84)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="coord-form" onSubmit={submit} noValidate data-testid="coord-panel">
      <h2 className="panel-title">{t('coord.title')}</h2>
      <fieldset className="segmented">
        <legend className="sr-only">{t('coord.system')}</legend>
        {(['vn2000', 'wgs84'] as const).map((s) => (
          <label key={s} className={system === s ? 'on' : undefined}>
            <input type="radio" name="system" value={s} checked={system === s} onChange={() => setSystem(s)} />
            {t(s === 'wgs84' ? 'coord.wgs84' : 'coord.vn2000')}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>{t('coord.zone')}</span>
        <select value={zone} onChange={(e) => setZone(e.target.value)}>
          {zones.map((z) => (
            <option key={z.provinceCode} value={z.provinceCode}>
              {z.provinceName} — {meridianLabel(z.centralMeridian)}
            </option>
          ))}
        </select>
      </label>
      <p className="hint" id="coord-hint">
        {t(system === 'wgs84' ? 'coord.hintWgs84' : 'coord.hintVn2000')}
      </p>
      <div className="field-row">
        <label className="field">
          <span>{t('coord.first')}</span>
          <input
            name="a"
            inputMode="decimal"
            autoComplete="off"
            aria-describedby="coord-hint"
            value={first}
            onChange={(e) => setFirst(e.target.value)}
            placeholder={system === 'wgs84' ? '10,7769' : '1191912,35'}
          />
        </label>
        <label className="field">
          <span>{t('coord.second')}</span>
          <input
            name="b"
            inputMode="decimal"
            autoComplete="off"
            aria-describedby="coord-hint"
            value={second}
            onChange={(e) => setSecond(e.target.value)}
            placeholder={system === 'wgs84' ? '106,7009' : '603287,10'}
          />
        </label>
      </div>
      <button type="submit" className="btn btn-primary btn-block" disabled={busy || !first || !second}>
        {busy ? t('coord.working') : t('coord.submit')}
      </button>
      {error !== null && <ErrorMessage error={error} />}
      {result && (
        <div className="coord-result" role="status" data-testid="coord-result">
          <p className="coord-message">{lang === 'vi' ? result.message_vi : result.message_en}</p>
          {result.swapped && <p className="coord-swapped">{t('coord.swapped')}</p>}
          {result.warnings.map((w) => (
            <p key={w.en} className="coord-swapped" role="alert" data-testid="coord-warning">
              {lang === 'vi' ? w.vi : w.en}
            </p>
          ))}
          <dl className="facts facts-stacked">
            <dt>{t('coord.resultWgs84')}</dt>
            <dd className="num">
              {formatCoordinate(result.wgs84[1], lang, 6)}°, {formatCoordinate(result.wgs84[0], lang, 6)}°
            </dd>
            {result.vn2000 && (
              <>
                <dt>{t('coord.resultVn2000', { meridian: meridianLabel(result.vn2000.zone.centralMeridian) })}</dt>
                <dd className="num">
                  X {formatCoordinate(result.vn2000.northing, lang, 2)} · Y{' '}
                  {formatCoordinate(result.vn2000.easting, lang, 2)}
                </dd>
              </>
            )}
          </dl>
        </div>
      )}
    </form>
  )
}
