/** The home map's measuring and printing, as hooks over the live map that MapView hands out. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import type { Map as MapLibreMap } from 'maplibre-gl'
import type { LonLat } from '../field/geo'
import type { Lang } from '../i18n/format'
import { measureOverlay } from './measure'
import type { MapOverlay } from './overlays'
import { type PrintSnapshot, snapshotMap } from './PrintSheet'

export interface Measure {
  points: LonLat[]
  /** The path drawn on the map, or null when nothing is measured. */
  overlay: MapOverlay | null
  add(point: LonLat): void
  undo(): void
  clear(): void
}

/**
 * The distance tool while `active`: points placed by clicks (or taps), Esc clears them (or leaves the tool when there
 * are none: `onExit`), and a double click places points instead of zooming in; leaving the tool clears the path.
 */
export function useMeasure(map: MapLibreMap | null, active: boolean, lang: Lang, onExit: () => void): Measure {
  const [points, setPoints] = useState<LonLat[]>([])
  const count = useRef(0)
  count.current = points.length
  const exit = useRef(onExit)
  exit.current = onExit

  useEffect(() => {
    if (!active) {
      setPoints([])
      return
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      if (count.current > 0) setPoints([])
      else exit.current()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [active])

  useEffect(() => {
    if (!map || !active) return
    map.doubleClickZoom.disable()
    return () => map.doubleClickZoom.enable()
  }, [map, active])

  const add = useCallback((point: LonLat) => setPoints((now) => [...now, point]), [])
  const undo = useCallback(() => setPoints((now) => now.slice(0, -1)), [])
  const clear = useCallback(() => setPoints([]), [])
  const overlay = useMemo(() => (points.length > 0 ? measureOverlay(points, lang) : null), [points, lang])
  return { points, overlay, add, undo, clear }
}

/**
 * Printing the map: `print()` takes a snapshot of the map and opens the browser's print dialog once the printed page
 * has its image; printing from the browser's menu (Ctrl+P) takes a fresh snapshot too.
 */
export function usePrint(map: MapLibreMap | null): { snapshot: PrintSnapshot | null; print(): void } {
  const [snapshot, setSnapshot] = useState<PrintSnapshot | null>(null)
  const asked = useRef(false)

  useEffect(() => {
    if (!map) return
    const before = () => {
      if (asked.current) return
      flushSync(() => setSnapshot(snapshotMap(map)))
    }
    window.addEventListener('beforeprint', before)
    return () => window.removeEventListener('beforeprint', before)
  }, [map])

  useEffect(() => {
    if (!snapshot || !asked.current) return
    const img = document.querySelector<HTMLImageElement>('[data-testid=print-image]')
    let live = true
    const open = () => {
      if (!live) return
      window.print()
      asked.current = false
    }
    ;(img ? img.decode() : Promise.resolve()).then(open, open)
    return () => {
      live = false
    }
  }, [snapshot])

  const print = useCallback(() => {
    if (!map) return
    asked.current = true
    setSnapshot(snapshotMap(map))
  }, [map])
  return { snapshot, print }
}
