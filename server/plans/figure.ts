// The appraisal report's map figure, drawn here without a browser: the districts' outlines and the version's
// features in a plain equirectangular view (x scaled by cos latitude), as SVG and as the same drawing rasterised
// into a PNG (Word needs a raster fallback beside an SVG; fflate compresses the PNG's pixels).
import { zlibSync } from 'fflate'

type Line = [number, number][]
export interface FigureInput {
  /** District outlines: each a list of rings (lon, lat). */
  outlines: Line[]
  /** Planned routes and area outlines: lines (lon, lat). */
  lines: { kind: 'route' | 'area'; line: Line }[]
  /** Planned sites, with the worst finding on each (fail red, opportunity green, none blue). */
  sites: { at: [number, number]; mark: 'fail' | 'opportunity' | 'none' }[]
}

export const FIGURE_COLOURS = {
  outline: '#98a2b3',
  route: '#7a2e8e',
  area: '#0e9384',
  none: '#1d4ed8',
  fail: '#d92d20',
  opportunity: '#12b76a',
} as const

const WIDTH = 800
const MARGIN = 10

/** Projects lon/lat into the figure's pixels, fitting the outlines (or the features when there are none). */
function projection(input: FigureInput) {
  const points = [
    ...input.outlines.flat(),
    ...(input.outlines.length === 0 ? [...input.lines.flatMap((l) => l.line), ...input.sites.map((s) => s.at)] : []),
  ]
  if (points.length === 0) points.push([106.7, 10.8])
  let [w, e, s, n] = [Infinity, -Infinity, Infinity, -Infinity]
  for (const [x, y] of points) {
    w = Math.min(w, x)
    e = Math.max(e, x)
    s = Math.min(s, y)
    n = Math.max(n, y)
  }
  const k = Math.cos((((s + n) / 2) * Math.PI) / 180)
  const spanX = Math.max((e - w) * k, 1e-6)
  const spanY = Math.max(n - s, 1e-6)
  const scale = (WIDTH - 2 * MARGIN) / spanX
  const height = Math.min(1200, Math.round(spanY * scale + 2 * MARGIN))
  const fitScale = Math.min(scale, (height - 2 * MARGIN) / spanY)
  return {
    width: WIDTH,
    height,
    at: ([lon, lat]: [number, number]): [number, number] => [
      MARGIN + (lon - w) * k * fitScale,
      MARGIN + (n - lat) * fitScale,
    ],
  }
}

const r1 = (n: number) => Math.round(n * 10) / 10

/** The figure as SVG text. */
export function figureSvg(input: FigureInput): string {
  const p = projection(input)
  const path = (line: Line) => line.map((c) => p.at(c).map(r1).join(',')).join(' ')
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${p.width}" height="${p.height}" ` +
      `viewBox="0 0 ${p.width} ${p.height}">`,
    `<rect width="${p.width}" height="${p.height}" fill="#ffffff"/>`,
    `<g fill="none" stroke="${FIGURE_COLOURS.outline}" stroke-width="1" data-layer="districts">`,
    ...input.outlines.map((l) => `<polyline points="${path(l)}"/>`),
    '</g>',
    '<g fill="none" stroke-width="2" data-layer="lines">',
    ...input.lines.map((l) => `<polyline stroke="${FIGURE_COLOURS[l.kind]}" points="${path(l.line)}"/>`),
    '</g>',
    '<g data-layer="sites">',
    ...input.sites.map((s) => {
      const [x, y] = p.at(s.at).map(r1)
      return `<circle cx="${x}" cy="${y}" r="2.5" fill="${FIGURE_COLOURS[s.mark]}"/>`
    }),
    '</g>',
    '</svg>',
  ]
  return parts.join('\n')
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i)
  out.set(data, 8)
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)))
  return out
}
const rgb = (hex: string): [number, number, number] => [
  Number.parseInt(hex.slice(1, 3), 16),
  Number.parseInt(hex.slice(3, 5), 16),
  Number.parseInt(hex.slice(5, 7), 16),
]

/** The same drawing rasterised (lines one or two pixels wide, sites as 5×5 squares) as PNG bytes. */
export function figurePng(input: FigureInput): Uint8Array {
  const p = projection(input)
  const { width, height } = p
  const stride = width * 3 + 1
  const pixels = new Uint8Array(stride * height).fill(255)
  for (let y = 0; y < height; y++) pixels[y * stride] = 0 // filter type: none
  const dot = (x: number, y: number, c: [number, number, number]) => {
    const xi = Math.round(x)
    const yi = Math.round(y)
    if (xi < 0 || yi < 0 || xi >= width || yi >= height) return
    pixels.set(c, yi * stride + 1 + xi * 3)
  }
  const segment = (a: [number, number], b: [number, number], c: [number, number, number], thick: boolean) => {
    const steps = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1])))
    for (let i = 0; i <= steps; i++) {
      const x = a[0] + ((b[0] - a[0]) * i) / steps
      const y = a[1] + ((b[1] - a[1]) * i) / steps
      dot(x, y, c)
      if (thick) dot(x + 1, y, c)
    }
  }
  const polyline = (line: Line, c: [number, number, number], thick: boolean) => {
    const pts = line.map(p.at)
    for (let i = 1; i < pts.length; i++) segment(pts[i - 1]!, pts[i]!, c, thick)
  }
  for (const l of input.outlines) polyline(l, rgb(FIGURE_COLOURS.outline), false)
  for (const l of input.lines) polyline(l.line, rgb(FIGURE_COLOURS[l.kind]), true)
  for (const s of input.sites) {
    const [x, y] = p.at(s.at)
    const c = rgb(FIGURE_COLOURS[s.mark])
    for (let dx = -2; dx <= 2; dx++) for (let dy = -2; dy <= 2; dy++) dot(x + dx, y + dy, c)
  }
  const header = new Uint8Array(13)
  const view = new DataView(header.buffer)
  view.setUint32(0, width)
  view.setUint32(4, height)
  header.set([8, 2, 0, 0, 0], 8) // 8 bits, RGB, deflate, no filter method, no interlace
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlibSync(pixels, { level: 6 })),
    chunk('IEND', new Uint8Array(0)),
  ]
  const out = new Uint8Array(parts.reduce((n, c) => n + c.length, 0))
  let offset = 0
  for (const c of parts) {
    out.set(c, offset)
    offset += c.length
  }
  return out
}

/** The figure's size in pixels (for the document's image box). */
export function figureSize(input: FigureInput): { width: number; height: number } {
  const { width, height } = projection(input)
  return { width, height }
}
