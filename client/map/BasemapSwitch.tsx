import type { IControl } from 'maplibre-gl'
import { useI18n, type MessageKey } from '../i18n'
import type { BasemapMode } from './basemap'

const LABEL: Record<BasemapMode, MessageKey> = {
  street: 'map.basemap.street',
  imagery: 'map.basemap.imagery',
  none: 'map.basemap.none',
}

/** A MapLibre control slot that React renders into (through a portal), so the switch sits with the map's controls. */
export class ControlSlot implements IControl {
  readonly element = document.createElement('div')

  onAdd(): HTMLElement {
    this.element.className = 'maplibregl-ctrl maplibregl-ctrl-group basemap-switch'
    return this.element
  }

  onRemove(): void {
    this.element.remove()
  }
}

interface BasemapSwitchProps {
  modes: BasemapMode[]
  mode: BasemapMode
  onChange(next: BasemapMode): void
}

/** Buttons that choose what lies under the app's layers: streets, imagery (when configured) or nothing. */
export function BasemapSwitch({ modes, mode, onChange }: BasemapSwitchProps) {
  const { t } = useI18n()
  return (
    // biome-ignore lint/a11y/useSemanticElements: a row of toggle buttons over the map, not a form's fieldset
    <div role="group" aria-label={t('map.layer.basemap')} data-testid="basemap-switch">
      {modes.map((m) => (
        <button key={m} type="button" aria-pressed={m === mode} data-basemap={m} onClick={() => onChange(m)}>
          {t(LABEL[m])}
        </button>
      ))}
    </div>
  )
}
