/** The plans API calls the pages make (server/plans/routes.ts). */
import { ApiError, apiLanguage, http, type FieldError } from '../api/http'
import type { Paths } from '../api/types.gen'

export type Plan = Paths['/api/plans/{id}']['get']['response']
export type PlanVersion = Paths['/api/plans/{id}/versions/{number}']['get']['response']
export type UploadResult = Paths['/api/plans/{id}/versions']['post']['response']
/** A followed upload as the server reports it (server/plans/import-jobs.ts). */
export type ImportJob = Paths['/api/plans/{id}/imports/{job}']['get']['response']
/** Where an upload is: its bytes going out (0–1), then the server's phase and counts. */
export type UploadProgress = { phase: 'sending'; sent: number } | ImportJob
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

/** How often a followed upload is asked for its progress. */
const POLL_MS = 400

/** The error a refused upload's problem+json stands for: a per-feature refusal (422) or another problem. */
function refusal(status: number, statusText: string, data: Record<string, unknown>): ApiError {
  const detail = String(data.detail ?? statusText)
  const errors = Array.isArray(data.errors) ? (data.errors as FieldError[]) : []
  if (status === 422) {
    const report = Array.isArray(data.report) ? (data.report as FeatureReport[]) : []
    return new UploadRefused(detail, errors, report, (data.reportCsv as string) ?? null)
  }
  return new ApiError(status, String(data.title ?? statusText), detail, errors, data.code as string | undefined, data)
}

/**
 * Sends the upload through XMLHttpRequest, whose upload events give the progress (fetch has none), asking the
 * server to answer at once (`Prefer: respond-async`): answers the job's address, or the version when the server
 * answered it directly.
 */
function send(planId: number, body: string, onProgress: (p: UploadProgress) => void) {
  return new Promise<{ location: string } | { result: UploadResult }>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `/api/plans/${planId}/versions`)
    xhr.setRequestHeader('Content-Type', 'application/json')
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.setRequestHeader('Accept-Language', apiLanguage())
    xhr.setRequestHeader('Prefer', 'respond-async')
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress({ phase: 'sending', sent: e.loaded / e.total })
    xhr.onerror = () => reject(new ApiError(0, 'Network error', 'The upload did not reach the server.'))
    xhr.onload = () => {
      let data: Record<string, unknown> = {}
      try {
        data = JSON.parse(xhr.responseText)
      } catch {
        // not JSON: the status says enough
      }
      const location = xhr.getResponseHeader('Location')
      if (xhr.status === 202 && location) return resolve({ location })
      if (xhr.status === 201) return resolve({ result: data as unknown as UploadResult })
      reject(refusal(xhr.status, xhr.statusText, data))
    }
    xhr.send(body)
  })
}

/**
 * Uploads a file as the plan's next version: `onProgress` hears the bytes going out, then the server's phases
 * (reading, validating N of M with the errors and warnings so far, storing) until the version is stored or refused.
 */
async function uploadVersion(
  planId: number,
  file: File,
  onProgress: (p: UploadProgress) => void,
): Promise<UploadResult> {
  const format = formatOf(file.name)
  if (!format) throw new ApiError(400, 'Bad request', file.name)
  const body = JSON.stringify({ format, fileName: file.name, content: await contentOf(file, format) })
  const sent = await send(planId, body, onProgress)
  if ('result' in sent) return sent.result
  for (;;) {
    const job = await http.get<ImportJob>(sent.location)
    onProgress(job)
    if (job.phase === 'done' && job.result) return job.result
    if (job.phase === 'failed' && job.problem) throw refusal(job.problem.status, job.problem.title, job.problem)
    await new Promise((r) => setTimeout(r, POLL_MS))
  }
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
