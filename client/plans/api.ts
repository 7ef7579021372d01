/** The plans API calls the pages make (server/plans/routes.ts). */
import { ApiError, http, type FieldError } from '../api/http'
import type { Paths } from '../api/types.gen'

export type Plan = Paths['/api/plans/{id}']['get']['response']
export type PlanVersion = Paths['/api/plans/{id}/versions/{number}']['get']['response']
export type UploadResult = Paths['/api/plans/{id}/versions']['post']['response']
export type Diff = Paths['/api/plans/{id}/diff']['get']['response']
export type FeatureReport = UploadResult['warnings'][number]
export type PlanComment = Paths['/api/plans/{id}/versions/{number}/comments']['get']['response'][number]
export type Findings = Paths['/api/plans/{id}/versions/{number}/findings']['get']['response']
export type Finding = Findings['findings'][number]
export type PlanAction = 'return' | 'pass' | 'approve'
/** A version's features as GeoJSON (server/plans/sql.ts VERSION_FEATURES). */
export interface PlanFeatures {
  type: 'FeatureCollection'
  features: { type: 'Feature'; geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> }[]
}
export type Format = 'geojson' | 'kml' | 'kmz' | 'csv' | 'xlsx' | 'shp'

/** A refused upload: the server's per-feature report and the same report as CSV, to download. */
export class UploadRefused extends ApiError {
  constructor(
    detail: string,
    errors: FieldError[],
    readonly report: FeatureReport[],
    readonly reportCsv: string | null,
  ) {
    super(422, 'Validation failed', detail, errors)
  }
}

const BINARY: readonly Format[] = ['kmz', 'xlsx', 'shp']

/** The upload format a file name says, or null. */
export function formatOf(fileName: string): Format | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? ''
  if (ext === 'json' || ext === 'geojson') return 'geojson'
  if (ext === 'zip') return 'shp'
  return (['kml', 'kmz', 'csv', 'xlsx'] as const).find((f) => f === ext) ?? null
}

async function contentOf(file: File, format: Format): Promise<string> {
  if (!BINARY.includes(format)) return file.text()
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/**
 * Uploads a file as the plan's next version through XMLHttpRequest, whose upload events give the progress
 * (fetch has none): `onProgress` gets 0–1 while the bytes go out, then the server reads and checks the file.
 */
async function uploadVersion(planId: number, file: File, onProgress: (sent: number) => void): Promise<UploadResult> {
  const format = formatOf(file.name)
  if (!format) throw new ApiError(400, 'Bad request', file.name)
  const body = JSON.stringify({ format, fileName: file.name, content: await contentOf(file, format) })
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `/api/plans/${planId}/versions`)
    xhr.setRequestHeader('Content-Type', 'application/json')
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total)
    xhr.onerror = () => reject(new ApiError(0, 'Network error', 'The upload did not reach the server.'))
    xhr.onload = () => {
      let data: Record<string, unknown> = {}
      try {
        data = JSON.parse(xhr.responseText)
      } catch {
        // not JSON: the status says enough
      }
      if (xhr.status === 201) return resolve(data as unknown as UploadResult)
      const detail = String(data.detail ?? xhr.statusText)
      const errors = Array.isArray(data.errors) ? (data.errors as FieldError[]) : []
      if (xhr.status === 422) {
        const report = Array.isArray(data.report) ? (data.report as FeatureReport[]) : []
        return reject(new UploadRefused(detail, errors, report, (data.reportCsv as string) ?? null))
      }
      reject(new ApiError(xhr.status, String(data.title ?? xhr.statusText), detail, errors))
    }
    xhr.send(body)
  })
}

export const plansApi = {
  list: () => http.get<Plan[]>('/api/plans'),
  create: (body: { title: string; periodFrom: number; periodTo: number }) => http.post<Plan>('/api/plans', body),
  versions: (id: number) => http.get<PlanVersion[]>(`/api/plans/${id}/versions`),
  diff: (id: number, from: number, to: number, toleranceM: number) =>
    http.get<Diff>(`/api/plans/${id}/diff`, { from, to, toleranceM }),
  version: (id: number, n: number, signal?: AbortSignal) =>
    http.get<PlanVersion>(`/api/plans/${id}/versions/${n}`, undefined, signal),
  features: (id: number, n: number, signal?: AbortSignal) =>
    http.get<PlanFeatures>(`/api/plans/${id}/versions/${n}/features`, undefined, signal),
  transition: (
    id: number,
    n: number,
    body: { action: PlanAction; version: number; comment?: string; decisionNumber?: string; decisionDate?: string },
  ) => http.post<PlanVersion>(`/api/plans/${id}/versions/${n}/transition`, body),
  comments: (id: number, n: number, signal?: AbortSignal) =>
    http.get<PlanComment[]>(`/api/plans/${id}/versions/${n}/comments`, undefined, signal),
  comment: (
    id: number,
    n: number,
    body: { body: string; featureIndex?: number; internal?: boolean; answersId?: number },
  ) => http.post<{ id: number }>(`/api/plans/${id}/versions/${n}/comments`, body),
  findings: (id: number, n: number, signal?: AbortSignal) =>
    http.get<Findings>(`/api/plans/${id}/versions/${n}/findings`, undefined, signal),
  runChecks: (id: number, n: number) => http.post<Findings>(`/api/plans/${id}/versions/${n}/findings`),
  uploadVersion,
}
