import type { BasemapSettings } from '../api/types'
import { useI18n } from '../i18n'

/** Tells an admin that the map has no street basemap (or its archive cannot be read) and what to set. */
export function BasemapNotice({ notice }: { notice: NonNullable<BasemapSettings['notice']> }) {
  const { t } = useI18n()
  return (
    <p className="map-notice" role="status" data-testid="basemap-notice">
      {t(notice === 'unconfigured' ? 'map.basemap.unconfigured' : 'map.basemap.unreadable')}
    </p>
  )
}
