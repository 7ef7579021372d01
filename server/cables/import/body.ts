// The route import's request body, read from its bytes: decoding, JSON.parse with every string in NFC, the
// schema, then the file itself. Pure and synchronous, so a large body is read whole in a worker thread and
// the event loop never holds a 5 MB string (see ./read-worker.ts).
import { z } from 'zod'
import type { FieldError } from '../../http/problems'
import { nfcReviver } from '../../http/text'
import { KINDS } from '../workflow'
import { FORMATS, readRoutesFile, type ReadResult } from './formats'

const IMPORT_CHARS = 20_000_000
/** The import body: the file as text (a KMZ as base64) with the defaults for its routes. */
export const importBody = z.object({
  format: z.enum(FORMATS),
  // 20 MB of text; a KMZ comes as base64 (4/3 of its bytes)
  content: z.string().min(1).max(IMPORT_CHARS),
  kind: z.enum(KINDS).default('tidying'),
  carriers: z.array(z.string()).max(20).default([]),
})
export type ImportBody = z.infer<typeof importBody>

/** A body read: the request's defaults and the file read, or why the request itself is bad (a 400). */
export type BodyRead =
  | { ok: true; format: ImportBody['format']; defaults: Pick<ImportBody, 'kind' | 'carriers'>; file: ReadResult }
  | { ok: false; detail: 'body.not_json' | 'request.invalid'; errors?: FieldError[] }

// as ../../http/api.ts words them; not imported from there, so the worker thread loads no HTTP or session code
const bodyErrors = (error: z.ZodError): FieldError[] =>
  error.issues.map((issue) => ({ path: ['body', ...issue.path.map(String)].join('.'), message: issue.message }))

/** Reads an import request body (UTF-8 JSON bytes; none when the request was not JSON) and the file in it. */
export function readImportBody(bytes: Uint8Array): BodyRead {
  let raw: unknown = {}
  if (bytes.length > 0) {
    try {
      raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes), nfcReviver)
    } catch {
      // not UTF-8, not JSON, or nested beyond the reviver's stack
      return { ok: false, detail: 'body.not_json' }
    }
  }
  const body = importBody.safeParse(raw)
  if (!body.success) return { ok: false, detail: 'request.invalid', errors: bodyErrors(body.error) }
  const { format, content, kind, carriers } = body.data
  return { ok: true, format, defaults: { kind, carriers }, file: readRoutesFile(format, content) }
}
