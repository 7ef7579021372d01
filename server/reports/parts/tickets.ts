import { formatNumber } from '../../../shared/format'
import { CATEGORIES, type Category } from '../../tickets/workflow'
import type { Cell } from '../schemas'
import { TICKET_COUNTS, TICKET_FACTS, TICKET_MEDIAN } from '../sql'
import {
  byDistrictOrder,
  count,
  countCell,
  districtTable,
  figure,
  percent,
  textCell,
  type LinkFilters,
  type PartBuilder,
} from './context'

interface Row {
  category: Category
  district: string
  received: number
  resolved: number
  withinSla: number
}
type Sums = Omit<Row, 'category' | 'district'>

/** The categories as the section's tables name them (the client's labels, client/tickets/messages.vi.ts). */
const CATEGORY_VI: Record<Category, string> = {
  cable_sagging: 'Cáp treo võng, rơi xuống đường',
  pole_unsafe: 'Cột không an toàn (nghiêng, gãy, mục)',
  bts_construction: 'Xây dựng trạm BTS',
  emf_concern: 'Lo ngại sóng điện từ',
  cable_unlicensed: 'Cáp kéo không phép',
}
/** The categories as its sentence names them. */
const CATEGORY_WORDS: Record<Category, string> = {
  cable_sagging: 'cáp treo võng, rơi',
  pole_unsafe: 'cột không an toàn',
  bts_construction: 'xây dựng trạm BTS',
  emf_concern: 'lo ngại sóng điện từ',
  cable_unlicensed: 'cáp kéo không phép',
}

const sum = (rows: readonly Row[]): Sums =>
  rows.reduce(
    (s, r) => ({
      received: s.received + Number(r.received),
      resolved: s.resolved + Number(r.resolved),
      withinSla: s.withinSla + Number(r.withinSla),
    }),
    { received: 0, resolved: 0, withinSla: 0 },
  )

/**
 * Citizen reports through the 1022 hotline: received and resolved in the period, resolved within the SLA (the
 * deadline each ticket got from its category's hours, table ticket_sla), the median time to resolve, by category
 * and by district.
 */
export const ticketsPart: PartBuilder = {
  key: 'tickets',
  facts: TICKET_FACTS,
  flags: ['received', 'resolved', 'withinSla'],
  byKind: true,
  async build(ctx) {
    const rows = await ctx.q.many<Row>(TICKET_COUNTS, ctx.params)
    const total = sum(rows)
    if (total.received + total.resolved === 0) return null
    const { medianHours } = await ctx.q.one<{ medianHours: number | null }>(TICKET_MEDIAN, ctx.params)
    const link = (flag: string, filters: LinkFilters = {}) => ctx.link('tickets', flag, filters)
    const hours = medianHours === null ? null : formatNumber(medianHours, 'vi', 1)
    const share = total.resolved === 0 ? null : (100 * total.withinSla) / total.resolved
    const categories = CATEGORIES.map((c) => ({ c, s: sum(rows.filter((r) => r.category === c)) })).filter(
      (x) => x.s.received + x.s.resolved > 0,
    )
    const received = categories
      .filter((x) => x.s.received > 0)
      .map((x) => `${CATEGORY_WORDS[x.c]}: ${count(x.s.received)}`)
      .join('; ')
    const paragraph =
      `Tiếp nhận, xử lý phản ánh của người dân qua Tổng đài 1022 về hạ tầng viễn thông: trong ${ctx.period.label}, ` +
      `tiếp nhận ${count(total.received)} phản ánh` +
      (received ? ` (${received})` : '') +
      `; đã giải quyết ${count(total.resolved)} phản ánh` +
      (share === null
        ? ''
        : `, trong đó ${count(total.withinSla)} phản ánh được giải quyết đúng thời hạn quy định ` +
          `(đạt ${percent(share)}%)`) +
      (hours === null ? '.' : `; thời gian giải quyết (trung vị) là ${hours} giờ.`)
    const cells = (s: Sums, filters: LinkFilters): Cell[] => [
      countCell(s.received, link('received', filters)),
      countCell(s.resolved, link('resolved', filters)),
      countCell(s.withinSla, link('withinSla', filters)),
    ]
    const heads = ['Tiếp nhận', 'Đã giải quyết', 'Giải quyết đúng hạn']
    const figures = [
      figure('received', 'Phản ánh tiếp nhận', total.received, count(total.received), link('received')),
      figure('resolved', 'Phản ánh đã giải quyết', total.resolved, count(total.resolved), link('resolved')),
      figure('withinSla', 'Giải quyết đúng thời hạn', total.withinSla, count(total.withinSla), link('withinSla')),
    ]
    if (share !== null)
      figures.push(figure('withinSlaPercent', 'Tỷ lệ giải quyết đúng hạn (%)', share, percent(share), link('resolved')))
    if (medianHours !== null && hours !== null)
      figures.push(figure('medianHours', 'Thời gian giải quyết (trung vị, giờ)', medianHours, hours, link('resolved')))
    const districts = byDistrictOrder(
      ctx,
      rows.map((r) => r.district),
    )
    return {
      key: 'tickets',
      title: 'Phản ánh của người dân qua Tổng đài 1022',
      paragraphs: [paragraph],
      figures,
      tables: [
        {
          key: 'byCategory',
          caption: 'Phản ánh theo loại',
          columns: ['Loại phản ánh', ...heads],
          rows: [
            ...categories.map((x) => [textCell(CATEGORY_VI[x.c]), ...cells(x.s, { kind: x.c })]),
            [textCell('Tổng cộng'), ...cells(total, {})],
          ],
          bar: null,
        },
        districtTable(
          ctx,
          'Phản ánh',
          heads,
          districts,
          (d) =>
            d === undefined ? cells(total, {}) : cells(sum(rows.filter((r) => r.district === d)), { district: d }),
          2,
        ),
      ],
    }
  },
}
