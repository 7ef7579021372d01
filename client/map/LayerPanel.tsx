import { useI18n, type MessageKey } from '../i18n'
import { LAYER, type OverlayLayerId } from './style'

export type Visibility = Record<OverlayLayerId | 'basemap', boolean>

const ROWS: { id: OverlayLayerId | 'basemap'; label: MessageKey }[] = [
  { id: LAYER.districtFill, label: 'map.layer.districtFill' },
  { id: LAYER.districtLine, label: 'map.layer.districtLine' },
  { id: LAYER.districtLabel, label: 'map.layer.districtLabel' },
]

/** Check boxes that show or hide each map layer (and the basemap when one is configured). */
export function LayerPanel({ visible, hasBasemap, onChange }: { visible: Visibility; hasBasemap: boolean; onChange(next: Visibility): void }) {
  const { t } = useI18n()
  const rows = hasBasemap ? [...ROWS, { id: 'basemap' as const, label: 'map.layer.basemap' as const }] : ROWS
  return (
    <fieldset className="layer-list">
      <legend className="panel-title">{t('map.layers')}</legend>
      {rows.map((row) => (
        <label key={row.id} className="check">
          <input type="checkbox" checked={visible[row.id]} onChange={(e) => onChange({ ...visible, [row.id]: e.target.checked })} data-layer={row.id} />
          <span>{t(row.label)}</span>
        </label>
      ))}
    </fieldset>
  )
}
