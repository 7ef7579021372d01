import type { Request } from 'express'
import { Problem, msg } from './problems'

/** Largest photo accepted (a phone's JPEG is 2–5 MB). */
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp'

/** The image type by its first bytes (never by the file name or the declared Content-Type), or null. */
export function sniffImage(bytes: Uint8Array): ImageType | null {
  const at = (i: number, ...values: number[]) => values.every((v, k) => bytes[i + k] === v)
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg'
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png'
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp'
  return null
}

const tooLarge = (limit: number) => new Problem(413, msg('photo.too_large', { mb: limit / 1024 / 1024 }))

/** Bytes of a refused body read and dropped, so the client can read the 413; a body still longer is cut off. */
const MAX_DISCARDED_BYTES = 64 * 1024 * 1024

// Leaving a refused body unread, or destroying the request, resets the connection under a client that is still
// sending (a chunked upload has no length to refuse up front): the client sees a reset instead of the 413. Answering
// before the body has ended is not enough either: Node closes the socket once the answer is written, and a client
// still sending then gets a reset. So the refused body is read to its end (up to a bound), then the 413 goes out.
function discard(req: Request): Promise<void> {
  return new Promise((resolve) => {
    let dropped = 0
    req.on('error', () => resolve())
    req.on('data', (chunk: Buffer) => {
      dropped += chunk.length
      if (dropped > MAX_DISCARDED_BYTES) {
        req.destroy()
        resolve()
      }
    })
    req.once('end', () => resolve())
    req.once('close', () => resolve())
    req.resume()
  })
}

/** Reads the raw request body; past the limit it stops keeping bytes and answers 413 (declared length or chunked). */
export function readBody(req: Request, limit = MAX_PHOTO_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) {
    return discard(req).then(() => Promise.reject(tooLarge(limit)))
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) {
        chunks.push(chunk)
        return
      }
      req.off('data', onData).off('end', onEnd).off('error', reject)
      void discard(req).then(() => reject(tooLarge(limit)))
    }
    const onEnd = () => resolve(Buffer.concat(chunks))
    req.on('data', onData).once('end', onEnd).once('error', reject)
  })
}

/** Reads an uploaded photo: 413 over the limit, 400 when empty, 415 unless its bytes are JPEG, PNG or WebP. */
export async function readPhotoUpload(req: Request): Promise<{ bytes: Buffer; type: ImageType }> {
  const bytes = await readBody(req)
  if (bytes.length === 0) throw new Problem(400, msg('photo.empty'))
  const type = sniffImage(bytes)
  if (!type) throw new Problem(415, msg('photo.type'))
  return { bytes, type }
}
