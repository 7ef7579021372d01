// The upload body of a plan version, read from its bytes: decoding, JSON.parse with every string in NFC, the
// schema, then the file itself. Free of HTTP and database code, so a large body is read in a worker thread.
import { z } from 'zod'
import type { FieldError } from '../http/problems'
import { nfcReviver } from '../http/text'
import { FORMATS, readPlanFile, type ReadResult } from './formats'
import { MAST_CLASSES, ROUTE_KINDS, SHARING } from './properties'

const UPLOAD_CHARS = 30_000_000
/** The upload: the file (text, or base64 for KMZ, XLSX and zipped Shapefile), its name and the defaults. */
export const uploadBody = z.object({
  format: z.enum(FORMATS),
  fileName: z.string().trim().min(1).max(255),
  content: z.string().min(1).max(UPLOAD_CHARS),
  defaults: z
    .object({
      mastClass: z.enum(MAST_CLASSES).optional(),
      heightM: z.number().positive().max(300).optional(),
      year: z.number().int().min(2000).max(2100).optional(),
      phase: z.string().trim().min(1).max(50).optional(),
      sharing: z.enum(SHARING).optional(),
      routeKind: z.enum(ROUTE_KINDS).optional(),
    })
    .strict()
    .default({}),
})
export type UploadBody = z.infer<typeof uploadBody>

/** A body read: the upload without its content, and the file read; or why the request itself is bad (a 400). */
export type BodyRead =
  | { ok: true; upload: Omit<UploadBody, 'content'>; file: ReadResult }
  | { ok: false; detail: 'body.not_json' | 'request.invalid'; errors?: FieldError[] }

/** Reads an upload request body (UTF-8 JSON bytes) and the file in it. */
export async function readUploadBody(bytes: Uint8Array): Promise<BodyRead> {
  let raw: unknown = {}
  if (bytes.length > 0) {
    try {
      raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes), nfcReviver)
    } catch {
      return { ok: false, detail: 'body.not_json' }
    }
  }
  const body = uploadBody.safeParse(raw)
  if (!body.success) {
    const errors = body.error.issues.map((i) => ({
      path: ['body', ...i.path.map(String)].join('.'),
      message: i.message,
    }))
    return { ok: false, detail: 'request.invalid', errors }
  }
  const { content, ...upload } = body.data
  return { ok: true, upload, file: await readPlanFile(upload.format, content) }
}
