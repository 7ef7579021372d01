import { KIND_COLOURS, KINDS } from '../cables/model'
import { STATUS_COLOURS } from '../conversions/links'
import { useI18n } from '../i18n'
import { keyLabel } from '../stations/Legend'
import { palette } from '../stations/model'
import { ZONE_COLOURS, type GroupId, type HomeLayers } from './homeLayers'

/** A legend's colour dot; `ring` draws the outline the applications layer uses. */
export function Swatch({ colour, ring }: { colour: string; ring?: string }) {
  return (
    <span
      className="home-swatch"
      style={{ background: colour, ...(ring ? { boxShadow: `0 0 0 2px ${ring}` } : {}) }}
      aria-hidden="true"
    />
  )
}

function Line({ colour }: { colour: string }) {
  return <span className="home-line" style={{ background: colour }} aria-hidden="true" />
}

/**
 * The legend of one layer group as the layer tree's choices draw it (the station colouring chosen, each route kind,
 * zone kind and item status); the layer tree and the printed map both show it. Null for a group drawn in one style.
 */
export function GroupLegend({ group, layers }: { group: GroupId; layers: HomeLayers }) {
  const { t } = useI18n()
  if (group === 'stations') {
    const { keys, colours } = palette(layers.colourBy)
    return (
      <ul className="home-legend" aria-label={t('home.legend')}>
        {keys.map((k) => (
          <li key={k}>
            <Swatch colour={colours[k] ?? '#667085'} />
            {keyLabel(t, layers.colourBy, k)}
          </li>
        ))}
        <li>
          <Swatch colour="rgba(21,64,107,0.55)" />
          {t('home.legend.cluster')}
        </li>
      </ul>
    )
  }
  if (group === 'applications')
    return (
      <ul className="home-legend">
        <li>
          <Swatch colour="#ffffff" ring="#dc6803" />
          {t('home.legend.application')}
        </li>
      </ul>
    )
  if (group === 'routes')
    return (
      <ul className="home-legend">
        {KINDS.map((k) => (
          <li key={k}>
            <Line colour={KIND_COLOURS[k]} />
            {t(`cb.kind.${k}`)}
          </li>
        ))}
      </ul>
    )
  if (group === 'zones')
    return (
      <ul className="home-legend">
        {Object.entries(ZONE_COLOURS).map(([k, c]) => (
          <li key={k}>
            <Swatch colour={c} />
            {t(`home.zoneKind.${k as keyof typeof ZONE_COLOURS}` as 'home.zoneKind.other')}
          </li>
        ))}
      </ul>
    )
  if (group === 'items')
    return (
      <ul className="home-legend">
        {Object.entries(STATUS_COLOURS).map(([s, c]) => (
          <li key={s}>
            <Swatch colour={c} />
            {t(`conv.status.${s as keyof typeof STATUS_COLOURS}`)}
          </li>
        ))}
      </ul>
    )
  return null
}
