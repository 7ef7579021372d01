// The inspection API calls of the field mode (server/inspections, see the contract in docs/field-mode.md).
import { http } from '../api/http'
import type { Assignment, Checklist, Measured, RecordedResult } from './model'

/** The body of POST /api/inspections/:id/result. */
export interface ResultBody {
  clientId: string
  assetVersion: number
  answers: Record<string, unknown>
  measured: Measured
  position?: { lon: number; lat: number }
  verdict?: 'no_access'
  note?: string
  recordedAt: string
  acceptChanged?: boolean
}

/** The URL the assignments are read from; the service worker keeps its last answer for offline use. */
export const ASSIGNMENTS_PATH = '/api/inspections'
export const ASSIGNMENTS_QUERY = { mine: 1, state: 'assigned', limit: 500 } as const

export const fieldApi = {
  assignments: (signal?: AbortSignal) =>
    http
      .get<{ items: (Assignment | (Omit<Assignment, 'asset'> & { asset: null }))[] }>(
        ASSIGNMENTS_PATH,
        { ...ASSIGNMENTS_QUERY },
        signal,
      )
      // an asset removed since the assignment has nothing to walk to
      .then((r) => r.items.filter((a): a is Assignment => a.asset !== null)),
  checklists: (signal?: AbortSignal) =>
    http.get<{ items: Checklist[] }>('/api/inspections/checklists', undefined, signal).then((r) => r.items),
  sendResult: (inspectionId: number, body: ResultBody) =>
    http.post<RecordedResult>(`/api/inspections/${inspectionId}/result`, body),
  sendPhoto: (inspectionId: number, clientId: string, photo: Blob) =>
    http.upload<{ id: number }>(`/api/inspections/${inspectionId}/photos`, photo, { 'X-Client-Id': clientId }),
}
