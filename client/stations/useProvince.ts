import { useMemo } from 'react'
import { http } from '../api/http'
import type { AdminUnits } from '../api/types'
import { useSession } from '../auth/session'
import { boundsOf } from '../map/geometry'
import type { Visibility } from '../map/LayerPanel'
import { useApi } from '../ui/useApi'

/**
 * Districts of the province shown under every stations map (the picked-point mark is off: stations pages draw their
 * own).
 */
export const STATION_MAP_VISIBLE: Visibility = {
  'districts-fill': true,
  'districts-line': true,
  'districts-label': true,
  'picked-point': false,
}

/** The province's code, basemap, districts and the bounds to fit the map to at first. */
export function useProvince() {
  const { health, basemap } = useSession()
  const province = health?.province ?? '79'
  const districts = useApi(
    (signal) => http.get<AdminUnits>('/api/admin-units', { level: 'district', province }, signal),
    `districts:${province}`,
  )
  const bounds = useMemo(() => (districts.data ? boundsOf(districts.data) : null), [districts.data])
  const fit = useMemo(() => (bounds ? { bounds, seq: 0 } : null), [bounds])
  return { province, basemap, districts, fit }
}
