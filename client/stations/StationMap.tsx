import { MapView, type MapViewProps } from '../map/MapView'
import { STATION_MAP_VISIBLE } from './useProvince'

/** What a stations map is given: MapView's props less the ones every stations map sets the same way. */
export type StationMapProps = Omit<MapViewProps, 'visible' | 'selectedDistrictId' | 'picked' | 'pin'>

/**
 * MapView as every stations map shows it: the districts under the page's overlays, no district selected, no picked
 * point or pin (pages draw their own marker).
 */
export function StationMap(props: StationMapProps) {
  return <MapView {...props} visible={STATION_MAP_VISIBLE} selectedDistrictId={null} picked={null} pin={null} />
}
