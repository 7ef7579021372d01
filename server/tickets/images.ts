// A ticket photo in its two versions: the original as sent (EXIF time and GPS kept, read by the inspections'
// readExif) for the department, and a copy re-encoded without any metadata for the public lookup and carriers.
import sharp from 'sharp'
import { Problem, msg } from '../http/problems'
import type { ImageType } from '../http/upload'
import { readExif } from '../inspections/exif'

/** The longest side of the public copy: enough to see a pole on a phone, far less than a camera's original. */
export const PUBLIC_MAX_SIDE = 2048
/** Pixels a photo may decode to (a 50-megapixel camera), so a small file cannot unpack to gigabytes. */
const MAX_PIXELS = 60_000_000

export interface PreparedPhoto {
  original: Buffer
  type: ImageType
  publicCopy: Buffer
  publicType: ImageType
  /** EXIF DateTimeOriginal as an instant: the camera's offset when it wrote one, else Vietnam's (+07:00). */
  takenAt: string | null
  lon: number | null
  lat: number | null
}

/**
 * Decodes the photo (415 when its bytes, though they start like an image, are not one), turns it upright by its
 * EXIF orientation and re-encodes it in its own format at most PUBLIC_MAX_SIDE pixels: sharp writes no metadata
 * unless asked, so the copy carries no EXIF, GPS, XMP or ICC text.
 */
export async function preparePhoto(original: Buffer, type: ImageType): Promise<PreparedPhoto> {
  let publicCopy: Buffer
  try {
    const image = sharp(original, { failOn: 'error', limitInputPixels: MAX_PIXELS })
      .rotate()
      .resize({ width: PUBLIC_MAX_SIDE, height: PUBLIC_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
    publicCopy = await (type === 'image/png'
      ? image.png()
      : type === 'image/webp'
        ? image.webp({ quality: 82 })
        : image.jpeg({ quality: 85, mozjpeg: true })
    ).toBuffer()
  } catch {
    throw new Problem(415, msg('photo.unreadable'))
  }
  return { original, type, publicCopy, publicType: type, ...(await readExif(original)) }
}
