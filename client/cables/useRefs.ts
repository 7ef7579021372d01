/** The reference data every cables page needs: the province's districts, the carriers and the bounds to fit. */
import { useMemo } from 'react'
import { http } from '../api/http'
import type { AdminUnits, Carrier } from '../api/types'
import { useSession } from '../auth/session'
import { boundsOf } from '../map/geometry'
import { useApi } from '../ui/useApi'

/** Districts (GeoJSON, for the map and the names), carriers by short name, and the province's fit. */
export function useCableRefs() {
  const { health, basemap } = useSession()
  const province = health?.province ?? '79'
  const districts = useApi(
    (signal) => http.get<AdminUnits>('/api/admin-units', { level: 'district', province }, signal),
    `districts:${province}`,
  )
  const carriers = useApi(
    (signal) => http.get<{ items: Carrier[] }>('/api/carriers', undefined, signal).then((r) => r.items),
    'carriers',
  )
  const bounds = useMemo(() => (districts.data ? boundsOf(districts.data) : null), [districts.data])
  const districtName = useMemo(() => {
    const names = new Map((districts.data?.features ?? []).map((f) => [f.properties.code, f.properties.name]))
    return (code: string | null) => (code === null ? null : (names.get(code) ?? code))
  }, [districts.data])
  const carrierName = useMemo(() => {
    const names = new Map((carriers.data ?? []).map((c) => [c.shortName, c.name]))
    return (short: string) => names.get(short) ?? short
  }, [carriers.data])
  return { province, basemap, districts, carriers, bounds, districtName, carrierName }
}
