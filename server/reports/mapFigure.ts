import type { MultiPolygon, Polygon } from 'geojson'
import { formatCount } from '../../shared/format'
import { dateVi } from './period'
import type { Report } from './schemas'

/** A district as the map figure draws it: its outline (simplified, WGS84) and where its label goes. */
export interface DistrictShape {
  code: string
  name: string
  geometry: Polygon | MultiPolygon
  label: [lon: number, lat: number]
}

/** The stations at the period's end per district code, as the stations part's table by district states them. */
export function stationsByDistrict(report: Report): Map<string, number> {
  const table = report.parts.find((p) => p.key === 'stations')?.tables.find((t) => t.key === 'byDistrict')
  const counts = new Map<string, number>()
  if (!table) return counts
  const atEnd = table.columns.indexOf('Cuối kỳ')
  for (const row of table.rows) {
    const code = row[0]?.text
    if (code && atEnd >= 0) counts.set(code, Number(row[atEnd]?.value ?? 0))
  }
  return counts
}

/** Five shades of blue, lightest for the fewest stations. */
const SHADES = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c']
const WIDTH = 900
const MARGIN = 16
const LEGEND_W = 210
const AREA_STROKE = 'stroke="#ffffff" stroke-width="1.2" fill-rule="evenodd"'
/** A district's count: bold, dark, with a white halo so it reads on every shade. */
const LABEL_STYLE =
  'text-anchor="middle" font-size="13" font-weight="bold" fill="#1b1b1b" stroke="#ffffff" stroke-width="3" ' +
  'paint-order="stroke"'
const FONT = "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif"

/** Class breaks: equal steps from 0 to the largest count, rounded up to a readable number. */
export function classBreaks(max: number, classes = SHADES.length): number[] {
  const step = Math.max(1, niceStep(max / classes))
  return Array.from({ length: classes }, (_, i) => step * (i + 1))
}
function niceStep(x: number): number {
  if (x <= 1) return 1
  const p = 10 ** Math.floor(Math.log10(x))
  const m = x / p
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10) * p
}

const escapeXml = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')

/**
 * The map figure of the DOCX: the districts in force on the report's units date, each shaded by its number of
 * stations at the period's end and labelled with it, a legend of the classes, and the source. Equirectangular with
 * the province's middle latitude (a city-sized area: the distortion is under a percent). Plain SVG, no scripts.
 */
export function districtMapSvg(shapes: readonly DistrictShape[], counts: Map<string, number>, report: Report): string {
  const rings = shapes.flatMap((s) =>
    s.geometry.type === 'Polygon' ? [s.geometry.coordinates] : s.geometry.coordinates,
  )
  const points = rings.flat(2)
  const lons = points.map((p) => p[0]!)
  const lats = points.map((p) => p[1]!)
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)]
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180)
  const mapW = WIDTH - LEGEND_W - 2 * MARGIN
  const scale = mapW / Math.max(1e-9, (maxLon - minLon) * kx)
  const mapH = Math.max(200, (maxLat - minLat) * scale)
  const top = 56
  const height = Math.round(top + mapH + 40)
  const x = (lon: number) => MARGIN + (lon - minLon) * kx * scale
  const y = (lat: number) => top + (maxLat - lat) * scale
  const path = (g: Polygon | MultiPolygon) =>
    (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
      .flatMap((poly) =>
        poly.map((ring) => `M${ring.map((p) => `${x(p[0]!).toFixed(1)},${y(p[1]!).toFixed(1)}`).join('L')}Z`),
      )
      .join('')
  const breaks = classBreaks(Math.max(0, ...counts.values()))
  const shade = (n: number) =>
    SHADES[
      Math.min(
        SHADES.length - 1,
        breaks.findIndex((b) => n <= b),
      )
    ] ?? SHADES.at(-1)!
  const areas = shapes.map((s) => {
    const n = counts.get(s.code) ?? 0
    const title = `<title>${escapeXml(s.name)}: ${n}</title>`
    return `<path d="${path(s.geometry)}" fill="${shade(n)}" ${AREA_STROKE}>${title}</path>`
  })
  const labels = shapes.map((s) => {
    const n = counts.get(s.code) ?? 0
    const [lx, ly] = [x(s.label[0]).toFixed(1), y(s.label[1]).toFixed(1)]
    return `<text x="${lx}" y="${ly}" ${LABEL_STYLE}>${formatCount(n, 'vi')}</text>`
  })
  const lx = WIDTH - LEGEND_W + 8
  const legend = breaks.map((b, i) => {
    const from = i === 0 ? 0 : breaks[i - 1]! + 1
    const ly = top + 30 + i * 26
    return (
      `<rect x="${lx}" y="${ly}" width="22" height="18" fill="${SHADES[i]}" stroke="#8a96a3" stroke-width="0.6"/>` +
      `<text x="${lx + 30}" y="${ly + 14}" font-size="13" fill="#1b1b1b">` +
      `${formatCount(from, 'vi')} – ${formatCount(b, 'vi')}</text>`
    )
  })
  const title = `Trạm BTS cuối kỳ theo quận, huyện — ${report.period.label}`
  const source = `Địa giới hành chính ngày ${dateVi(report.unitsOn)}. Nguồn: cơ sở dữ liệu hạ tầng viễn thông.`
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" ` +
      `viewBox="0 0 ${WIDTH} ${height}" font-family="${FONT}">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="${MARGIN}" y="30" font-size="18" font-weight="bold" fill="#1b1b1b">${escapeXml(title)}</text>`,
    ...areas,
    ...labels,
    `<text x="${lx}" y="${top + 14}" font-size="13" font-weight="bold" fill="#1b1b1b">Số trạm BTS</text>`,
    ...legend,
    `<text x="${MARGIN}" y="${height - 14}" font-size="12" fill="#4a5561">${escapeXml(source)}</text>`,
    '</svg>',
  ].join('\n')
}
