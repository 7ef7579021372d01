// A real JPEG with EXIF, made in the test: the bytes of a JPEG (e.g. a canvas Chromium encoded) with an APP1
// Exif segment put after its SOI marker, holding DateTimeOriginal (+ OffsetTimeOriginal) and a GPS position,
// laid out as TIFF 6.0 / EXIF 2.32 say (little-endian, each IFD followed by the values that do not fit inline).

type Value = { type: 1 | 2 | 5; count: number; bytes: Buffer }
type Entry = { tag: number; value: Value } | { tag: number; pointsTo: Ifd }
type Ifd = Entry[]

const ascii = (text: string): Value => {
  const bytes = Buffer.from(`${text}\0`, 'latin1')
  return { type: 2, count: bytes.length, bytes }
}
const rationals = (pairs: [number, number][]): Value => {
  const bytes = Buffer.alloc(8 * pairs.length)
  pairs.forEach(([n, d], i) => {
    bytes.writeUInt32LE(n, 8 * i)
    bytes.writeUInt32LE(d, 8 * i + 4)
  })
  return { type: 5, count: pairs.length, bytes }
}
const byteList = (list: number[]): Value => ({ type: 1, count: list.length, bytes: Buffer.from(list) })

/** Degrees as EXIF's degrees, minutes, seconds (seconds to 1/1000). */
function dms(deg: number): [number, number][] {
  const abs = Math.abs(deg)
  const d = Math.floor(abs)
  const m = Math.floor((abs - d) * 60)
  const s = Math.round(((abs - d) * 60 - m) * 60 * 1000)
  return [
    [d, 1],
    [m, 1],
    [s, 1000],
  ]
}

const ifdSize = (ifd: Ifd) => 2 + 12 * ifd.length + 4
const dataSize = (ifd: Ifd) =>
  ifd.reduce(
    (n, e) => n + ('value' in e && e.value.bytes.length > 4 ? e.value.bytes.length + (e.value.bytes.length % 2) : 0),
    0,
  )

/** Writes IFDs depth first: each IFD, its out-of-line values, then the IFDs it points to. */
function writeTiff(root: Ifd): Buffer {
  const order: Ifd[] = []
  const visit = (ifd: Ifd) => {
    order.push(ifd)
    for (const e of ifd) if ('pointsTo' in e) visit(e.pointsTo)
  }
  visit(root)
  const offsets = new Map<Ifd, number>()
  let at = 8
  for (const ifd of order) {
    offsets.set(ifd, at)
    at += ifdSize(ifd) + dataSize(ifd)
  }
  const out = Buffer.alloc(at)
  out.write('II', 0, 'latin1')
  out.writeUInt16LE(42, 2)
  out.writeUInt32LE(8, 4)
  for (const ifd of order) {
    const start = offsets.get(ifd)!
    let data = start + ifdSize(ifd)
    out.writeUInt16LE(ifd.length, start)
    const sorted = [...ifd].sort((a, b) => a.tag - b.tag)
    sorted.forEach((e, i) => {
      const p = start + 2 + 12 * i
      out.writeUInt16LE(e.tag, p)
      if ('pointsTo' in e) {
        out.writeUInt16LE(4, p + 2)
        out.writeUInt32LE(1, p + 4)
        out.writeUInt32LE(offsets.get(e.pointsTo)!, p + 8)
        return
      }
      out.writeUInt16LE(e.value.type, p + 2)
      out.writeUInt32LE(e.value.count, p + 4)
      if (e.value.bytes.length <= 4) e.value.bytes.copy(out, p + 8)
      else {
        out.writeUInt32LE(data, p + 8)
        e.value.bytes.copy(out, data)
        data += e.value.bytes.length + (e.value.bytes.length % 2)
      }
    })
    out.writeUInt32LE(0, start + 2 + 12 * ifd.length)
  }
  return out
}

/** `YYYY:MM:DD HH:MM:SS` of an instant in Vietnam's time (+07:00), as a camera there writes it. */
function exifLocalTime(instant: Date): string {
  const local = new Date(instant.getTime() + 7 * 3600_000).toISOString()
  return `${local.slice(0, 10).replaceAll('-', ':')} ${local.slice(11, 19)}`
}

/** The JPEG with an Exif APP1 segment: taken at `takenAt` (Vietnam's time, offset written), at `lon`, `lat`. */
export function withExif(jpeg: Buffer, exif: { takenAt: Date; lon: number; lat: number }): Buffer {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG (no SOI marker)')
  const exifIfd: Ifd = [
    { tag: 0x9003, value: ascii(exifLocalTime(exif.takenAt)) },
    { tag: 0x9011, value: ascii('+07:00') },
  ]
  const gpsIfd: Ifd = [
    { tag: 0x0000, value: byteList([2, 3, 0, 0]) },
    { tag: 0x0001, value: ascii(exif.lat >= 0 ? 'N' : 'S') },
    { tag: 0x0002, value: rationals(dms(exif.lat)) },
    { tag: 0x0003, value: ascii(exif.lon >= 0 ? 'E' : 'W') },
    { tag: 0x0004, value: rationals(dms(exif.lon)) },
  ]
  const tiff = writeTiff([
    { tag: 0x8769, pointsTo: exifIfd },
    { tag: 0x8825, pointsTo: gpsIfd },
  ])
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff])
  const head = Buffer.alloc(4)
  head.writeUInt16BE(0xffe1, 0)
  head.writeUInt16BE(body.length + 2, 2)
  return Buffer.concat([jpeg.subarray(0, 2), head, body, jpeg.subarray(2)])
}
