import { useI18n } from '../i18n'
import { KIND_COLOURS, KINDS } from './model'

export interface Shown {
  routes: boolean
  poles: boolean
}

/** The map legend: kind colours, status dashes, the pole marks, and switches for the two layers. */
export function Legend({ shown, onChange, zoom }: { shown: Shown; onChange(next: Shown): void; zoom: number }) {
  const { t } = useI18n()
  return (
    <div className="map-panel map-legend cb-legend" data-testid="cable-legend">
      <label className="cb-legend-switch">
        <input
          type="checkbox"
          checked={shown.routes}
          onChange={(e) => onChange({ ...shown, routes: e.target.checked })}
        />
        {t('cb.layer.routes')}
      </label>
      <ul>
        {KINDS.map((k) => (
          <li key={k}>
            <svg width="26" height="8" aria-hidden="true">
              <line x1="1" y1="4" x2="25" y2="4" stroke={KIND_COLOURS[k]} strokeWidth="3" strokeLinecap="round" />
            </svg>
            {t(`cb.kind.${k}`)}
          </li>
        ))}
        <li className="cb-legend-dash">
          <svg width="26" height="8" aria-hidden="true">
            <line x1="1" y1="4" x2="25" y2="4" stroke="#475467" strokeWidth="3" />
          </svg>
          {t('cb.legend.done')}
        </li>
        <li className="cb-legend-dash">
          <svg width="26" height="8" aria-hidden="true">
            <line x1="1" y1="4" x2="25" y2="4" stroke="#475467" strokeWidth="3" strokeDasharray="9 4.5" />
          </svg>
          {t('cb.status.under_construction')}
        </li>
        <li className="cb-legend-dash">
          <svg width="26" height="8" aria-hidden="true">
            <line x1="1" y1="4" x2="25" y2="4" stroke="#475467" strokeWidth="3" strokeDasharray="3 4.5" />
          </svg>
          {t('cb.status.planned')}
        </li>
      </ul>
      <label className="cb-legend-switch">
        <input
          type="checkbox"
          checked={shown.poles}
          onChange={(e) => onChange({ ...shown, poles: e.target.checked })}
        />
        {t('cb.layer.poles')}
      </label>
      <p className="cb-legend-note muted">{zoom < 13 ? t('cb.legend.poleCells') : t('cb.legend.poleEach')}</p>
    </div>
  )
}
