import type { ReactNode } from 'react'
import { navigate } from '../app/router'
import { CABLE_LAYER } from '../cables/layers'
import { useI18n, type MessageKey, type Translate } from '../i18n'
import { formatCount, formatNumber, type Lang } from '../i18n/format'
import { operatorLabel } from '../stations/labels'
import type { State } from '../stations/types'
import { Icon } from '../ui/icons'
import { HOME_LAYER } from './homeLayers'
import type { MapFeatureHit } from './MapView'
import type { SearchHit } from './SearchBox'

/** What a record's card shows: a title, what kind of record it is, some facts and where its page is. */
export interface Card {
  kind: MessageKey
  title: string
  facts: [MessageKey, ReactNode][]
  href: string | null
  hrefLabel?: MessageKey
}

const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v))
const num = (v: unknown): number | null => (typeof v === 'number' ? v : v == null || v === '' ? null : Number(v))

export const zoneKindLabel = (t: Translate, kind: string) => t(`home.zoneKind.${kind}` as MessageKey) ?? kind
const stateLabel = (t: Translate, s: string) => t(`st.state.${s as State}`)
const metres = (v: unknown, lang: Lang) => {
  const n = num(v)
  return n === null ? null : `${formatNumber(n, lang, n >= 100 ? 0 : 1)} m`
}

function facts(list: [MessageKey, ReactNode | null][]): [MessageKey, ReactNode][] {
  return list.filter((f): f is [MessageKey, ReactNode] => f[1] !== null && f[1] !== undefined && f[1] !== '')
}

/** The card of a feature clicked on the home map, or null for one that has none (a group of stations). */
export function cardOfFeature(t: Translate, lang: Lang, hit: MapFeatureHit): Card | null {
  const p = hit.properties
  const id = typeof hit.id === 'number' ? hit.id : num(p.id)
  switch (hit.layer) {
    case HOME_LAYER.stations:
    case HOME_LAYER.applications: {
      const code = text(p.site_code)
      return {
        kind: hit.layer === HOME_LAYER.applications ? 'home.layer.applications' : 'home.station',
        title: code ?? t('home.station'),
        facts: facts([
          ['st.operator', text(p.carrier) && operatorLabel(t, String(p.carrier))],
          ['st.mastClass', text(p.mast_class)],
          ['home.filter.state', text(p.state) && stateLabel(t, String(p.state))],
          ['st.mastHeight', metres(p.height_m, lang)],
        ]),
        // only a station whose code the tile names is one the user may open
        href: code && id !== null ? `/stations/${id}` : null,
      }
    }
    case CABLE_LAYER.poles:
      return {
        kind: 'home.pole',
        title: text(p.code) ?? t('home.pole'),
        facts: facts([
          ['home.poleOwner', text(p.owner) && operatorLabel(t, String(p.owner))],
          ['home.poleCarriers', num(p.carriers) === null ? null : formatCount(num(p.carriers)!, lang)],
        ]),
        href: null,
      }
    case CABLE_LAYER.routesDone:
    case CABLE_LAYER.routesBuilding:
    case CABLE_LAYER.routesPlanned: {
      const group = 'count' in p
      return {
        kind: group ? 'home.routeGroup' : 'home.route',
        title: group ? `${t(`cb.kind.${p.kind}` as MessageKey)}` : (text(p.name) ?? t('home.route')),
        facts: facts([
          ['home.filter.kind', t(`cb.kind.${p.kind}` as MessageKey)],
          ['home.filter.routeStatus', t(`cb.status.${p.status}` as MessageKey)],
          ['home.routeCount', group ? formatCount(num(p.count) ?? 0, lang) : null],
          ['home.length', metres(p.length_m, lang)],
          ['home.filter.carrier', text(p.carriers)],
        ]),
        href: !group && id !== null ? `/cables/${id}` : null,
      }
    }
    case HOME_LAYER.zonesFill:
      return {
        kind: 'home.zone',
        title: text(p.name) ?? t('home.zone'),
        facts: facts([
          ['home.filter.kind', text(p.kind) && zoneKindLabel(t, String(p.kind))],
          ['home.allowed', text(p.allowedClasses)],
          ['home.maxHeight', metres(p.maxHeightM, lang)],
        ]),
        href: '/planning',
        hrefLabel: 'home.openPlanning',
      }
    case HOME_LAYER.items:
      return {
        kind: 'home.item',
        title: text(p.siteCode) ?? t('home.item'),
        facts: facts([
          ['home.filter.state', t(`conv.status.${p.status}` as MessageKey)],
          ['home.filter.kind', t(`conv.kind.${p.kind}` as MessageKey)],
          ['st.operator', text(p.carrier) && operatorLabel(t, String(p.carrier))],
          ['home.phase', text(p.phase)],
        ]),
        href: id !== null ? `/conversions/items/${id}` : null,
      }
    default:
      return null
  }
}

/** The card of a search result. */
export function cardOfHit(t: Translate, hit: SearchHit): Card {
  switch (hit.kind) {
    case 'station':
      return {
        kind: 'home.station',
        title: hit.label,
        facts: facts([
          ['home.filter.state', hit.state && stateLabel(t, hit.state)],
          ['home.decision', hit.decisionNo],
          ['st.name', hit.detail],
        ]),
        href: `/stations/${hit.id}`,
      }
    case 'route':
      return {
        kind: 'home.route',
        title: hit.label,
        facts: facts([
          ['home.filter.routeStatus', hit.state && t(`cb.status.${hit.state}` as MessageKey)],
          ['home.street', hit.detail],
        ]),
        href: `/cables/${hit.id}`,
      }
    case 'item':
      return {
        kind: 'home.item',
        title: hit.label,
        facts: facts([
          ['home.filter.state', hit.state && t(`conv.status.${hit.state}` as MessageKey)],
          ['home.programme', hit.detail],
        ]),
        href: `/conversions/items/${hit.id}`,
      }
    case 'zone':
      return {
        kind: 'home.zone',
        title: hit.label,
        facts: facts([['home.filter.kind', hit.detail && zoneKindLabel(t, hit.detail)]]),
        href: '/planning',
        hrefLabel: 'home.openPlanning',
      }
    default:
      return {
        kind: hit.kind === 'ward' ? 'home.ward' : 'home.district',
        title: hit.label,
        facts: facts([['district.code', hit.detail]]),
        href: null,
      }
  }
}

/** A record's card (the top of the info panel), with the link to its page. */
export function FeatureCard({ card, onClose }: { card: Card; onClose(): void }) {
  const { t } = useI18n()
  return (
    <div className="home-card" data-testid="feature-card">
      <header className="panel-head">
        <div>
          <p className="panel-caption home-card-kind">{t(card.kind)}</p>
          <h2 id="card-title" className="panel-title">
            {card.title}
          </h2>
        </div>
        <button type="button" className="icon-btn" onClick={onClose} aria-label={t('district.close')}>
          <Icon name="close" size={18} />
        </button>
      </header>
      {card.facts.length > 0 && (
        <dl className="facts">
          {card.facts.map(([label, value]) => (
            <div key={label} className="home-fact">
              <dt>{t(label)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {card.href && (
        <a
          className="btn btn-primary btn-block home-card-link"
          href={card.href}
          data-testid="card-link"
          onClick={(e) => {
            if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return
            e.preventDefault()
            navigate(card.href!)
          }}
        >
          {t(card.hrefLabel ?? 'home.open')}
        </a>
      )}
    </div>
  )
}
