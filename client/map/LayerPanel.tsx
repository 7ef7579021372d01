import { useI18n, type MessageKey } from '../i18n'
import { LAYER, type OverlayLayerId } from './style'

export type Visibility = Record<OverlayLayerId, boolean>

const ROWS: { id: OverlayLayerId; label: MessageKey }[] = [
  { id: LAYER.districtFill, label: 'map.layer.districtFill' },
  { id: LAYER.districtLine, label: 'map.layer.districtLine' },
  { id: LAYER.districtLabel, label: 'map.layer.districtLabel' },
]

/** Check boxes that show or hide each layer of the app (the basemap has its own switch on the map). */
export function LayerPanel({ visible, onChange }: { visible: Visibility; onChange(next: Visibility): void }) {
  const { t } = useI18n()
  return (
    <fieldset className="layer-list">
      <legend className="panel-title">{t('map.layers')}</legend>
      {ROWS.map((row) => (
        <label key={row.id} className="check">
          <input
            type="checkbox"
            checked={visible[row.id]}
            onChange={(e) => onChange({ ...visible, [row.id]: e.target.checked })}
            data-layer={row.id}
          />
          <span>{t(row.label)}</span>
        </label>
      ))}
    </fieldset>
  )
}
