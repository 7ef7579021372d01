import { useI18n, type Translate } from '../i18n'
import { operatorLabel } from './labels'
import { palette, type ColourBy } from './model'
import type { MastClass, State } from './types'

/** The name of a legend key under a colouring. */
export function keyLabel(t: Translate, by: ColourBy, key: string): string {
  if (by === 'operator') return operatorLabel(t, key)
  if (by === 'mastClass') return t(`st.classShort.${key as MastClass}`)
  return t(`st.state.${key as State}`)
}

/** The map legend of the stations layer, with a switch for what the colour shows. */
export function Legend({
  by,
  onChange,
  options = ['operator', 'mastClass', 'state'],
}: {
  by: ColourBy
  onChange(by: ColourBy): void
  options?: readonly ColourBy[]
}) {
  const { t } = useI18n()
  const { keys, colours } = palette(by)
  return (
    <div className="map-panel map-legend st-legend" data-testid="legend">
      {options.length > 1 ? (
        <label className="st-legend-by">
          <span>{t('st.colourBy')}</span>
          <select value={by} onChange={(e) => onChange(e.target.value as ColourBy)}>
            {options.map((o) => (
              <option key={o} value={o}>
                {t(`st.by.${o}`)}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <p className="st-legend-by">{t(`st.by.${by}`)}</p>
      )}
      <ul>
        {keys.map((k) => (
          <li key={k}>
            <span className="st-swatch" style={{ background: colours[k] }} aria-hidden="true" />
            {keyLabel(t, by, k)}
          </li>
        ))}
      </ul>
    </div>
  )
}
