import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '../api/http'
import type { BasemapSettings } from '../api/types'
import { fieldApi } from './api'
import { assetAt, type Assignment, type Checklist, type Draft } from './model'
import { registerServiceWorker, warmAnswers, warmTiles } from './offline'
import { loadAssignments, loadChecklists, loadDrafts, saveAssignments, saveChecklists } from './store'
import { syncNow } from './sync'

export type OfflineReadiness = 'preparing' | 'ready' | 'unsupported' | 'failed'
/** The map tiles of the assigned area: being fetched for offline use, kept, or not (no worker, errors). */
export type TilesKept = 'fetching' | 'kept' | 'no'

export interface FieldData {
  online: boolean
  assignments: Assignment[] | null
  /** When the assignments shown were loaded, when they come from the device's copy (no network). */
  fromDeviceAt: string | null
  loadError: unknown
  checklists: Checklist[]
  drafts: Draft[]
  offline: OfflineReadiness
  tiles: TilesKept
  refreshDrafts(): Promise<void>
  sync(): void
}

/**
 * The field mode's data: assignments and checklists from the API (kept on the device, and read from there
 * without network), the drafts on the device, the sync runs (at start, when the network returns, after a
 * save, and when a retry is due) and the service worker's readiness to serve a reload offline.
 */
export function useField(userId: number, province: string, basemap: BasemapSettings | null): FieldData {
  const [online, setOnline] = useState(navigator.onLine)
  const [assignments, setAssignments] = useState<Assignment[] | null>(null)
  const [fromDeviceAt, setFromDeviceAt] = useState<string | null>(null)
  const [loadError, setLoadError] = useState<unknown>(null)
  const [checklists, setChecklists] = useState<Checklist[]>([])
  const [drafts, setDrafts] = useState<Draft[]>([])
  const [offline, setOffline] = useState<OfflineReadiness>('preparing')
  const [tiles, setTiles] = useState<TilesKept>('fetching')
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  const refreshDrafts = useCallback(async () => {
    setDrafts(await loadDrafts(userId))
  }, [userId])

  const sync = useCallback(() => {
    if (!navigator.onLine) return
    clearTimeout(timer.current)
    void syncNow(userId, () => void refreshDrafts()).then(
      (next) => {
        void refreshDrafts()
        if (next !== null) timer.current = setTimeout(sync, Math.max(0, next - Date.now()))
      },
      () => void refreshDrafts(),
    )
  }, [userId, refreshDrafts])

  useEffect(() => {
    let live = true
    void (async () => {
      await refreshDrafts()
      try {
        // offline, the device's copy is the one to show, with its date (not the worker's answer as if fresh)
        if (!navigator.onLine) throw new ApiError(0, 'Network error', 'offline')
        const items = await fieldApi.assignments()
        await saveAssignments(userId, items)
        if (live) {
          setAssignments(items)
          setFromDeviceAt(null)
        }
      } catch (err) {
        const kept = await loadAssignments(userId)
        if (!live) return
        if (kept) {
          setAssignments(kept.items)
          setFromDeviceAt(kept.loadedAt)
        } else setLoadError(err)
      }
      try {
        if (!navigator.onLine) throw new ApiError(0, 'Network error', 'offline')
        const lists = await fieldApi.checklists()
        await saveChecklists(lists)
        if (live) setChecklists(lists)
      } catch {
        const kept = await loadChecklists()
        if (live) setChecklists(kept)
      }
      if (live) sync()
    })()
    return () => {
      live = false
    }
  }, [userId, refreshDrafts, sync])

  useEffect(() => {
    const up = () => {
      setOnline(true)
      sync()
    }
    const down = () => setOnline(false)
    window.addEventListener('online', up)
    window.addEventListener('offline', down)
    return () => {
      window.removeEventListener('online', up)
      window.removeEventListener('offline', down)
      clearTimeout(timer.current)
    }
  }, [sync])

  // Once the assignments are known (and only online), the worker is registered and its caches warmed.
  const warmed = useRef(false)
  useEffect(() => {
    if (!assignments || warmed.current) return
    if (!navigator.onLine) {
      void navigator.serviceWorker?.getRegistration().then((r) => setOffline(r?.active ? 'ready' : 'failed'))
      setTiles('no')
      return
    }
    warmed.current = true
    void (async () => {
      try {
        if (!(await registerServiceWorker())) {
          setOffline('unsupported')
          setTiles('no')
          return
        }
        await warmAnswers(province)
        setOffline('ready')
      } catch {
        setOffline('failed')
      }
      try {
        await warmTiles(assignments.map(assetAt), basemap)
        setTiles('kept')
      } catch {
        setTiles('no')
      }
    })()
  }, [assignments, province, basemap])

  return { online, assignments, fromDeviceAt, loadError, checklists, drafts, offline, tiles, refreshDrafts, sync }
}
