import type { LonLat } from '../field/geo'
import { useI18n } from '../i18n'
import { formatCount } from '../i18n/format'
import { formatLength, legLengthsM } from './measure'

/** The distance tool's card: how to use it, each leg, the total, and buttons to take back a point or start over. */
export function MeasurePanel({
  points,
  onUndo,
  onClear,
}: {
  points: readonly LonLat[]
  onUndo(): void
  onClear(): void
}) {
  const { t, lang } = useI18n()
  const legs = legLengthsM(points)
  const total = legs.reduce((sum, m) => sum + m, 0)
  return (
    <section className="measure-panel" aria-labelledby="measure-title" data-testid="measure-panel">
      <h2 id="measure-title" className="panel-title">
        {t('measure.title')}
      </h2>
      <p className="hint">{points.length === 0 ? t('measure.hintStart') : t('measure.hintMore')}</p>
      {legs.length > 0 && (
        <ol className="measure-legs" data-testid="measure-legs">
          {legs.map((m, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a leg is its place in the path
            <li key={i}>
              <span>{t('measure.leg', { n: formatCount(i + 1, lang) })}</span>
              <span className="num">{formatLength(m, lang)}</span>
            </li>
          ))}
        </ol>
      )}
      <p className="measure-total" aria-live="polite">
        <span>{t('measure.total')}</span>
        <strong className="num" data-testid="measure-total">
          {formatLength(total, lang)}
        </strong>
      </p>
      <div className="measure-actions">
        <button type="button" className="btn btn-secondary" onClick={onUndo} disabled={points.length === 0}>
          {t('measure.undo')}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={onClear}
          disabled={points.length === 0}
          data-testid="measure-clear"
        >
          {t('measure.clear')}
        </button>
      </div>
    </section>
  )
}
