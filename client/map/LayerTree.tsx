import type { ReactNode } from 'react'
import { KIND_COLOURS, KINDS, STATUSES as ROUTE_STATUSES } from '../cables/model'
import { STATUS_COLOURS } from '../conversions/links'
import type { Programme } from '../conversions/api'
import { useI18n } from '../i18n'
import { formatCount } from '../i18n/format'
import { keyLabel } from '../stations/Legend'
import { operatorLabel } from '../stations/labels'
import { palette, type ColourBy } from '../stations/model'
import { MAST_CLASSES, OPERATORS, STATES } from '../stations/types'
import { APPLICATION_STATES, ZONE_COLOURS, type GroupId, type HomeLayers } from './homeLayers'

const STATION_STATES = STATES.filter((s) => !(APPLICATION_STATES as readonly string[]).includes(s))

interface Props {
  layers: HomeLayers
  groups: readonly GroupId[]
  onChange(next: HomeLayers): void
  programmes: readonly Programme[]
  counts: { zones: number | null; items: number | null }
}

function Swatch({ colour, ring }: { colour: string; ring?: string }) {
  return (
    <span
      className="home-swatch"
      style={{ background: colour, ...(ring ? { boxShadow: `0 0 0 2px ${ring}` } : {}) }}
      aria-hidden="true"
    />
  )
}

/**
 * The home map's layer tree: a check box per layer the role may see, each with its filters and legend; on a phone
 * it is the bottom sheet of the layers tool.
 */
export function LayerTree({ layers, groups, onChange, programmes, counts }: Props) {
  const { t, lang } = useI18n()
  const set = (patch: Partial<HomeLayers>) => onChange({ ...layers, ...patch })
  const toggle = (g: GroupId, on: boolean) => set({ on: { ...layers.on, [g]: on } })
  const { keys, colours } = palette(layers.colourBy)

  const group = (g: GroupId, label: string, children?: ReactNode, extra?: ReactNode) =>
    groups.includes(g) && (
      <li className="home-group" data-group={g}>
        <label className="check">
          <input
            type="checkbox"
            checked={layers.on[g]}
            onChange={(e) => toggle(g, e.target.checked)}
            data-layer-group={g}
          />
          <span>{label}</span>
          {extra}
        </label>
        {layers.on[g] && children && <div className="home-sub">{children}</div>}
      </li>
    )

  const select = (label: string, value: string, options: [string, string][], onSelect: (v: string) => void) => (
    <label className="home-field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onSelect(e.target.value)}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  )
  const all: [string, string] = ['', t('home.filter.all')]

  return (
    <fieldset className="layer-list home-tree" data-testid="layer-tree">
      <legend className="panel-title">{t('map.layers')}</legend>
      <ul>
        {group(
          'stations',
          t('home.layer.stations'),
          <>
            {select(
              t('home.filter.colourBy'),
              layers.colourBy,
              (['operator', 'mastClass', 'state'] as ColourBy[]).map((b) => [b, t(`st.by.${b}`)]),
              (v) => set({ colourBy: v as ColourBy }),
            )}
            {groups.includes('applications') &&
              select(
                t('home.filter.state'),
                layers.state,
                [all, ...STATION_STATES.map((s): [string, string] => [s, t(`st.state.${s}`)])],
                (v) => set({ state: v }),
              )}
            {select(
              t('home.filter.carrier'),
              layers.carrier,
              [all, ...OPERATORS.map((o): [string, string] => [o, operatorLabel(t, o)])],
              (v) => set({ carrier: v }),
            )}
            {select(
              t('home.filter.class'),
              layers.mastClass,
              [all, ...MAST_CLASSES.map((c): [string, string] => [c, t(`st.classShort.${c}`)])],
              (v) => set({ mastClass: v }),
            )}
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
          </>,
        )}
        {group(
          'applications',
          t('home.layer.applications'),
          <ul className="home-legend">
            <li>
              <Swatch colour="#ffffff" ring="#dc6803" />
              {t('home.legend.application')}
            </li>
          </ul>,
        )}
        {group(
          'routes',
          t('home.layer.routes'),
          <>
            {select(
              t('home.filter.kind'),
              layers.routeKind,
              [all, ...KINDS.map((k): [string, string] => [k, t(`cb.kind.${k}`)])],
              (v) => set({ routeKind: v as HomeLayers['routeKind'] }),
            )}
            {select(
              t('home.filter.routeStatus'),
              layers.routeStatus,
              [all, ...ROUTE_STATUSES.map((s): [string, string] => [s, t(`cb.status.${s}`)])],
              (v) => set({ routeStatus: v as HomeLayers['routeStatus'] }),
            )}
            <ul className="home-legend">
              {KINDS.map((k) => (
                <li key={k}>
                  <span className="home-line" style={{ background: KIND_COLOURS[k] }} aria-hidden="true" />
                  {t(`cb.kind.${k}`)}
                </li>
              ))}
            </ul>
          </>,
        )}
        {group('poles', t('home.layer.poles'), <p className="hint">{t('home.layer.polesHint')}</p>)}
        {group(
          'zones',
          t('home.layer.zones'),
          <ul className="home-legend">
            {Object.entries(ZONE_COLOURS).map(([k, c]) => (
              <li key={k}>
                <Swatch colour={c} />
                {t(`home.zoneKind.${k as keyof typeof ZONE_COLOURS}` as 'home.zoneKind.other')}
              </li>
            ))}
          </ul>,
          counts.zones !== null && (
            <span className="home-count">{t('home.count.zones', { count: formatCount(counts.zones, lang) })}</span>
          ),
        )}
        {group(
          'items',
          t('home.layer.items'),
          <>
            {programmes.length > 0 &&
              select(
                t('home.filter.programme'),
                String(layers.programme ?? programmes[programmes.length - 1]!.id),
                programmes.map((p): [string, string] => [String(p.id), p.name]),
                (v) => set({ programme: Number(v) }),
              )}
            <ul className="home-legend">
              {Object.entries(STATUS_COLOURS).map(([s, c]) => (
                <li key={s}>
                  <Swatch colour={c} />
                  {t(`conv.status.${s as keyof typeof STATUS_COLOURS}`)}
                </li>
              ))}
            </ul>
          </>,
          counts.items !== null && (
            <span className="home-count">{t('home.count.items', { count: formatCount(counts.items, lang) })}</span>
          ),
        )}
        {group(
          'districts',
          t('home.layer.districts'),
          <label className="check">
            <input
              type="checkbox"
              checked={layers.districtLabels}
              onChange={(e) => set({ districtLabels: e.target.checked })}
              data-layer-group="districtLabels"
              data-layer="districts-label"
            />
            <span>{t('home.layer.districtLabels')}</span>
          </label>,
        )}
      </ul>
    </fieldset>
  )
}
