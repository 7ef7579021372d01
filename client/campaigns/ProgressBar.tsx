import { useI18n } from '../i18n'
import { formatCount, formatNumber } from '../i18n/format'

/** A bar of the share done, with its figures as text. */
export function ProgressBar({ done, total }: { done: number; total: number }) {
  const { t, lang } = useI18n()
  const pct = total > 0 ? (done / total) * 100 : 0
  return (
    <div className="camp-progress">
      <div
        className="camp-bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(pct)}
      >
        <span style={{ width: `${pct}%` }} />
      </div>
      <span className="muted">
        {t('camp.dash.progress', {
          done: formatCount(done, lang),
          total: formatCount(total, lang),
          pct: formatNumber(pct, lang),
        })}
      </span>
    </div>
  )
}
