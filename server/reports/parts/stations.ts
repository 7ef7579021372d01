import { dateVi } from '../period'
import { STATION_COUNTS, STATION_FACTS } from '../sql'
import type { Cell } from '../schemas'
import { byDistrictOrder, count, countCell, districtTable, figure, textCell, type PartBuilder } from './context'

interface Row {
  carrier: string
  district: string
  atStart: number
  atEnd: number
  added: number
  removed: number
}
type Sums = Omit<Row, 'carrier' | 'district'>

const sum = (rows: readonly Row[]): Sums =>
  rows.reduce(
    (s, r) => ({
      atStart: s.atStart + Number(r.atStart),
      atEnd: s.atEnd + Number(r.atEnd),
      added: s.added + Number(r.added),
      removed: s.removed + Number(r.removed),
    }),
    { atStart: 0, atEnd: 0, added: 0, removed: 0 },
  )

/** "so với đầu kỳ tăng 116 trạm" / "giảm 3 trạm" / "không thay đổi". */
function netChange(s: Sums): string {
  const net = s.atEnd - s.atStart
  if (net === 0) return 'tổng số trạm không thay đổi so với đầu kỳ'
  return `so với đầu kỳ ${net > 0 ? 'tăng' : 'giảm'} ${count(Math.abs(net))} trạm`
}

/** Stations by carrier and district and their change in the period. */
export const stationsPart: PartBuilder = {
  key: 'stations',
  facts: STATION_FACTS,
  flags: ['atStart', 'atEnd', 'added', 'removed'],
  async build(ctx) {
    const rows = await ctx.q.many<Row>(STATION_COUNTS, ctx.params)
    const total = sum(rows)
    if (total.atEnd + total.added + total.removed === 0) return null
    const link = (flag: string, filters = {}) => ctx.link('stations', flag, filters)
    const carriers = [...new Set(rows.map((r) => r.carrier))]
    const byCarrier = carriers
      .map((c) => ({ c, s: sum(rows.filter((r) => r.carrier === c)) }))
      .sort((a, b) => b.s.atEnd - a.s.atEnd || a.c.localeCompare(b.c))
    const name = (c: string) => ctx.carriers.get(c) ?? c
    const perCarrier = byCarrier
      .filter((x) => x.s.atEnd > 0)
      .map((x) => `${name(x.c)} ${count(x.s.atEnd)} trạm`)
      .join(', ')
    const paragraph =
      `Tính đến ngày ${dateVi(ctx.period.to)}, tổng số trạm BTS trên địa bàn là ${count(total.atEnd)} trạm` +
      (perCarrier ? ` (${perCarrier})` : '') +
      `; trong ${ctx.period.label} phát triển mới ${count(total.added)} trạm, ` +
      `tháo dỡ ${count(total.removed)} trạm, ${netChange(total)}.`
    const cells = (s: Sums, filters: object): Cell[] => [
      countCell(s.atStart, link('atStart', filters)),
      countCell(s.added, link('added', filters)),
      countCell(s.removed, link('removed', filters)),
      countCell(s.atEnd, link('atEnd', filters)),
    ]
    const heads = ['Đầu kỳ', 'Phát triển mới', 'Tháo dỡ', 'Cuối kỳ']
    const districts = byDistrictOrder(
      ctx,
      rows.map((r) => r.district),
    )
    return {
      key: 'stations',
      title: 'Trạm BTS',
      paragraphs: [paragraph],
      figures: [
        figure('atEnd', 'Trạm BTS cuối kỳ', total.atEnd, count(total.atEnd), link('atEnd')),
        figure('atStart', 'Trạm BTS đầu kỳ', total.atStart, count(total.atStart), link('atStart')),
        figure('added', 'Phát triển mới trong kỳ', total.added, count(total.added), link('added')),
        figure('removed', 'Tháo dỡ trong kỳ', total.removed, count(total.removed), link('removed')),
      ],
      tables: [
        {
          key: 'byCarrier',
          caption: 'Trạm BTS theo doanh nghiệp',
          columns: ['Doanh nghiệp', ...heads],
          rows: [
            ...byCarrier.map((x) => [textCell(name(x.c)), ...cells(x.s, { carrier: x.c })]),
            [textCell('Tổng cộng'), ...cells(total, {})],
          ],
          bar: null,
        },
        districtTable(
          ctx,
          'Trạm BTS',
          heads,
          districts,
          (d) =>
            d === undefined ? cells(total, {}) : cells(sum(rows.filter((r) => r.district === d)), { district: d }),
          5,
        ),
      ],
    }
  },
}
