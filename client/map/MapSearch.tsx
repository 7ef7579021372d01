import { useCallback } from 'react'
import { type SearchHit, SearchBox, type SearchPick } from './SearchBox'
import type { MessageKey } from '../i18n'

/** How close the map comes to what was found, by kind. */
const ZOOM: Record<SearchHit['kind'], number> = {
  station: 16,
  item: 16,
  route: 15,
  zone: 14,
  ward: 14,
  district: 12,
}

/**
 * The header search (site code, decision number, route, address, district, coordinates) over a page's map: the
 * map flies to what is picked, and the page may open the record (`onHit`) when it is one of its own.
 */
export function MapSearch({
  onFocus,
  onHit,
  placeholder = 'search.placeholder',
  className = 'map-search',
}: {
  onFocus(center: [number, number], zoom: number): void
  onHit?(hit: SearchHit): void
  placeholder?: MessageKey
  className?: string
}) {
  const onPick = useCallback(
    (pick: SearchPick) => {
      if (pick.kind === 'coordinate') return onFocus(pick.coordinate.wgs84, 16)
      onFocus([pick.hit.lon, pick.hit.lat], ZOOM[pick.hit.kind])
      onHit?.(pick.hit)
    },
    [onFocus, onHit],
  )
  return (
    <div className={className}>
      <SearchBox onPick={onPick} placeholder={placeholder} />
    </div>
  )
}
