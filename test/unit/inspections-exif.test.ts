import jpeg from 'jpeg-js'
import piexif from 'piexifjs'
import { describe, expect, it } from 'vitest'
import { readExif } from '../../server/inspections/exif'

// The EXIF time and GPS position of a photo (server/inspections/exif.ts), on JPEGs written here with piexifjs.
function photo(exif: Record<string, Record<number, unknown>> | null): Buffer {
  const data = Buffer.alloc(16 * 16 * 4, 128)
  const plain = Buffer.from(jpeg.encode({ data, width: 16, height: 16 }, 80).data)
  if (!exif) return plain
  return Buffer.from(piexif.insert(piexif.dump(exif), plain.toString('binary')), 'binary')
}

const gps = (lat: number, lon: number) => ({
  [piexif.GPSIFD.GPSLatitudeRef]: lat < 0 ? 'S' : 'N',
  [piexif.GPSIFD.GPSLatitude]: piexif.GPSHelper.degToDmsRational(Math.abs(lat)),
  [piexif.GPSIFD.GPSLongitudeRef]: lon < 0 ? 'W' : 'E',
  [piexif.GPSIFD.GPSLongitude]: piexif.GPSHelper.degToDmsRational(Math.abs(lon)),
})

describe('reading a photo’s EXIF', () => {
  it('reads DateTimeOriginal in Vietnam time and the GPS position in degrees', async () => {
    const bytes = photo({
      Exif: { [piexif.ExifIFD.DateTimeOriginal]: '2026:12:01 23:59:58' },
      GPS: gps(10.7756, 106.7019),
    })
    const exif = await readExif(bytes)
    expect(exif.takenAt).toBe('2026-12-01T16:59:58.000Z')
    expect(exif.lat).toBeCloseTo(10.7756, 5)
    expect(exif.lon).toBeCloseTo(106.7019, 5)
  })

  it('gives nulls for a photo without EXIF, a position outside Vietnam and bytes that are no image', async () => {
    expect(await readExif(photo(null))).toEqual({ takenAt: null, lon: null, lat: null })
    const abroad = await readExif(photo({ Exif: {}, GPS: gps(48.8584, 2.2945) }))
    expect(abroad).toEqual({ takenAt: null, lon: null, lat: null })
    expect(await readExif(Buffer.from('not an image at all'))).toEqual({ takenAt: null, lon: null, lat: null })
  })
})
