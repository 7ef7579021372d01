import { useEffect, useState } from 'react'
import type { LonLat } from './geo'

export interface GpsFix {
  status: 'waiting' | 'ok' | 'denied' | 'unavailable'
  at: LonLat | null
  /** Radius of the fix's uncertainty in metres. */
  accuracyM: number | null
}

/** The phone's position, followed while the page is open (high accuracy: the inspector stands at the asset). */
export function useGps(): GpsFix {
  const [fix, setFix] = useState<GpsFix>({ status: 'waiting', at: null, accuracyM: null })
  useEffect(() => {
    if (!('geolocation' in navigator)) {
      setFix({ status: 'unavailable', at: null, accuracyM: null })
      return
    }
    const id = navigator.geolocation.watchPosition(
      (p) => setFix({ status: 'ok', at: [p.coords.longitude, p.coords.latitude], accuracyM: p.coords.accuracy }),
      (err) =>
        setFix((prev) => ({
          status: err.code === err.PERMISSION_DENIED ? 'denied' : prev.at ? prev.status : 'unavailable',
          at: prev.at,
          accuracyM: prev.accuracyM,
        })),
      { enableHighAccuracy: true, maximumAge: 10_000, timeout: 30_000 },
    )
    return () => navigator.geolocation.clearWatch(id)
  }, [])
  return fix
}
