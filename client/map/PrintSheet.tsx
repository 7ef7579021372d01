import type { Map as MapLibreMap } from 'maplibre-gl'
import { distanceM } from '../field/geo'
import { type MessageKey, useI18n } from '../i18n'
import { formatDateTime } from '../i18n/format'
import { GroupLegend, Swatch } from './HomeLegend'
import type { GroupId, HomeLayers } from './homeLayers'
import { formatLength, roundLength } from './measure'

/** What the printed page shows: the map as drawn when printing began, where it was, and when. */
export interface PrintSnapshot {
  /** The map canvas as a PNG data URL. */
  image: string
  at: Date
  /** The page's address, to open the same view again. */
  url: string
  /** The scale bar: a round length and the share of the image's width it spans (0–1). */
  scale: { metres: number; share: number }
}

/**
 * Draws a frame now and reads the canvas back in the same task (before the browser may clear the drawing buffer), so
 * the map needs no `preserveDrawingBuffer`; the scale bar is measured across the middle of the view.
 */
export function snapshotMap(map: MapLibreMap): PrintSnapshot {
  map.redraw()
  const canvas = map.getCanvas()
  const image = canvas.toDataURL('image/png')
  const { clientWidth: w, clientHeight: h } = map.getContainer()
  const west = map.unproject([0, h / 2])
  const east = map.unproject([w, h / 2])
  const across = distanceM([west.lng, west.lat], [east.lng, east.lat])
  const metres = roundLength(across / 4)
  return { image, at: new Date(), url: window.location.href, scale: { metres, share: metres / across } }
}

const GROUP_TITLE: Record<GroupId, MessageKey> = {
  stations: 'home.layer.stations',
  applications: 'home.layer.applications',
  routes: 'home.layer.routes',
  poles: 'home.layer.poles',
  zones: 'home.layer.zones',
  items: 'home.layer.items',
  districts: 'home.layer.districts',
}

/**
 * The printed page of the home map (hidden on screen; the print style sheet shows only it): title, the map image with
 * a scale bar, the legend of the layers shown, the time of printing in Vietnam and the view's address.
 */
export function PrintSheet({
  snapshot,
  layers,
  groups,
}: {
  snapshot: PrintSnapshot
  layers: HomeLayers
  groups: readonly GroupId[]
}) {
  const { t, lang } = useI18n()
  const shown = groups.filter((g) => layers.on[g])
  return (
    <section className="print-sheet" data-testid="print-sheet">
      <header className="print-head">
        <h1>{t('print.title')}</h1>
        <p>{t('app.agency')}</p>
      </header>
      <div className="print-body">
        <figure className="print-map">
          <img src={snapshot.image} alt={t('print.mapAlt')} data-testid="print-image" />
          <figcaption className="print-scale" data-testid="print-scale">
            <span className="print-scale-bar" style={{ width: `${(snapshot.scale.share * 100).toFixed(3)}%` }} />
            <span>{formatLength(snapshot.scale.metres, lang)}</span>
          </figcaption>
        </figure>
        <div className="print-legend" data-testid="print-legend">
          <h2>{t('home.legend')}</h2>
          {shown.map((g) => (
            <div key={g} className="print-legend-group" data-group={g}>
              <h3>
                {(g === 'poles' || g === 'districts') && <Swatch colour={g === 'poles' ? '#475467' : '#ffffff'} />}
                {t(GROUP_TITLE[g])}
              </h3>
              <GroupLegend group={g} layers={layers} />
            </div>
          ))}
        </div>
      </div>
      <footer className="print-foot">
        <p data-testid="print-date">{t('print.printedAt', { at: formatDateTime(snapshot.at, lang) })}</p>
        <p className="print-url">
          {t('print.url')} <span data-testid="print-url">{snapshot.url}</span>
        </p>
      </footer>
    </section>
  )
}
