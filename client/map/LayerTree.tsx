import type { ReactNode } from 'react'
import { KINDS, STATUSES as ROUTE_STATUSES } from '../cables/model'
import type { Programme } from '../conversions/api'
import { useI18n } from '../i18n'
import { formatCount } from '../i18n/format'
import { operatorLabel } from '../stations/labels'
import type { ColourBy } from '../stations/model'
import { MAST_CLASSES, OPERATORS, STATES } from '../stations/types'
import { GroupLegend } from './HomeLegend'
import { APPLICATION_STATES, type GroupId, type HomeLayers } from './homeLayers'

const STATION_STATES = STATES.filter((s) => !(APPLICATION_STATES as readonly string[]).includes(s))

interface Props {
  layers: HomeLayers
  groups: readonly GroupId[]
  onChange(next: HomeLayers): void
  programmes: readonly Programme[]
  counts: { zones: number | null; items: number | null }
}

/**
 * The home map's layer tree: a check box per layer the role may see, each with its filters and legend; on a phone
 * it is the bottom sheet of the layers tool.
 */
export function LayerTree({ layers, groups, onChange, programmes, counts }: Props) {
  const { t, lang } = useI18n()
  const set = (patch: Partial<HomeLayers>) => onChange({ ...layers, ...patch })
  const toggle = (g: GroupId, on: boolean) => set({ on: { ...layers.on, [g]: on } })

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
            <GroupLegend group="stations" layers={layers} />
          </>,
        )}
        {group('applications', t('home.layer.applications'), <GroupLegend group="applications" layers={layers} />)}
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
            <GroupLegend group="routes" layers={layers} />
          </>,
        )}
        {group('poles', t('home.layer.poles'), <p className="hint">{t('home.layer.polesHint')}</p>)}
        {group(
          'zones',
          t('home.layer.zones'),
          <GroupLegend group="zones" layers={layers} />,
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
            <GroupLegend group="items" layers={layers} />
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
