import { Resvg } from '@resvg/resvg-js'
import { describe, expect, it } from 'vitest'
import { classBreaks, type DistrictShape, districtMapSvg, stationsByDistrict } from '../../server/reports/mapFigure'
import { svgToPng } from '../../server/reports/png'
import type { Report } from '../../server/reports/schemas'

const square = (x: number, y: number, d = 0.1): DistrictShape['geometry'] => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ],
})
const SHAPES: DistrictShape[] = [
  { code: '760', name: 'Quận 1', geometry: square(106.6, 10.7), label: [106.65, 10.75] },
  { code: '769', name: 'Thành phố <Thủ Đức>', geometry: square(106.7, 10.7), label: [106.75, 10.75] },
]
const cell = (text: string, value: number | string = text) => ({ text, value })
const REPORT: Report = {
  province: { code: '79', name: 'Thành phố Hồ Chí Minh' },
  period: { kind: 'quarter', from: '2024-01-01', to: '2024-03-31', label: 'Quý I/2024' },
  unitsOn: '2024-03-31',
  title: 'T',
  parts: [
    {
      key: 'stations',
      title: 'Trạm BTS',
      paragraphs: [],
      figures: [],
      tables: [
        {
          key: 'byDistrict',
          caption: 'c',
          columns: ['Mã', 'Quận, huyện', 'Đầu kỳ', 'Phát triển mới', 'Tháo dỡ', 'Cuối kỳ'],
          rows: [
            [cell('760'), cell('Quận 1'), cell('1', 1), cell('0', 0), cell('0', 0), cell('1.200', 1200)],
            [cell('769'), cell('Thủ Đức'), cell('3', 3), cell('0', 0), cell('0', 0), cell('3', 3)],
            [cell(''), cell('Tổng cộng'), cell('4', 4), cell('0', 0), cell('0', 0), cell('1.203', 1203)],
          ],
          bar: 5,
        },
      ],
    },
  ],
}

describe('the DOCX map figure', () => {
  it('reads the stations at the period’s end per district from the section’s own table', () => {
    expect([...stationsByDistrict(REPORT)]).toEqual([
      ['760', 1200],
      ['769', 3],
    ])
  })

  it('breaks the counts into five readable classes up to the largest', () => {
    expect(classBreaks(1200)).toEqual([250, 500, 750, 1000, 1250])
    expect(classBreaks(3)).toEqual([1, 2, 3, 4, 5])
    expect(classBreaks(0)).toEqual([1, 2, 3, 4, 5])
  })

  it('draws every district shaded by its count and labelled with it, Vietnamese numbers, names escaped', () => {
    const svg = districtMapSvg(SHAPES, stationsByDistrict(REPORT), REPORT)
    expect(svg.match(/<path /g)).toHaveLength(2)
    expect(svg).toContain('>1.200</text>')
    expect(svg).toContain('>3</text>')
    expect(svg).toContain('Thành phố &lt;Thủ Đức&gt;: 3')
    expect(svg).toContain('Quý I/2024')
    expect(svg).toContain('ngày 31/03/2024')
    // the most stations: the darkest shade; the fewest: the lightest
    expect(svg).toMatch(/<path d="[^"]+" fill="#08519c"[^>]*><title>Quận 1: 1200/)
    expect(svg).toMatch(/<path d="[^"]+" fill="#eff3ff"[^>]*><title>Thành phố &lt;Thủ Đức&gt;: 3/)
  })

  it('rasterises to a PNG whose pixels show the shades where the districts are', async () => {
    const svg = districtMapSvg(SHAPES, stationsByDistrict(REPORT), REPORT)
    const png = await svgToPng(svg, 1800)
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect(png.readUInt32BE(16)).toBe(1800)
    const image = new Resvg(svg).render()
    const at = (x: number, y: number) => {
      const i = (Math.round(y) * image.width + Math.round(x)) * 4
      return [...image.pixels.subarray(i, i + 3)].map((v) => v.toString(16).padStart(2, '0')).join('')
    }
    // a quarter of the way into each square (left half: Quận 1, right half: Thủ Đức), away from the labels
    const width = Number(/width="(\d+)"/.exec(svg)![1])
    const mapW = width - 210 - 32
    const top = 56
    expect(at(16 + mapW * 0.1, top + mapW * 0.1)).toBe('08519c')
    expect(at(16 + mapW * 0.6, top + mapW * 0.1)).toBe('eff3ff')
    // reading the system's fonts takes a few seconds on a busy machine
  }, 60_000)
})
