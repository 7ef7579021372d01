import { dateVi } from '../period'
import type { Cell } from '../schemas'
import { PLAN_COUNTS, PLAN_DECISIONS, PLAN_FACTS } from '../sql'
import { count, countCell, figure, km, kmCell, textCell, type PartBuilder } from './context'

interface Row {
  carrier: string
  submitted: number
  returned: number
  approved: number
  sites: number
  routeM: number
}
type Sums = Omit<Row, 'carrier'>

interface Decision {
  id: number
  carrier: string
  title: string
  number: number
  decisionNumber: string
  decisionDate: string
  sites: number
  routeM: number
}

const sum = (rows: readonly Row[]): Sums =>
  rows.reduce(
    (s, r) => ({
      submitted: s.submitted + Number(r.submitted),
      returned: s.returned + Number(r.returned),
      approved: s.approved + Number(r.approved),
      sites: s.sites + Number(r.sites),
      routeM: s.routeM + Number(r.routeM),
    }),
    { submitted: 0, returned: 0, approved: 0, sites: 0, routeM: 0 },
  )

/**
 * The carriers' passive-infrastructure plans appraised in the period: versions submitted, returned for revision and
 * approved (with the decisions), and the sites and kilometres of routes the approved plans hold, by carrier.
 */
export const plansPart: PartBuilder = {
  key: 'plans',
  facts: PLAN_FACTS,
  flags: ['submitted', 'returned', 'approved'],
  async build(ctx) {
    const rows = await ctx.q.many<Row>(PLAN_COUNTS, ctx.params)
    const total = sum(rows)
    if (total.submitted + total.returned + total.approved === 0) return null
    const decisions = await ctx.q.many<Decision>(PLAN_DECISIONS, ctx.params)
    const link = (flag: string, filters = {}) => ctx.link('plans', flag, filters)
    const name = (c: string) => ctx.carriers.get(c) ?? c
    const approvedText = decisions
      .map((d) => `${d.title} của ${name(d.carrier)}, Quyết định số ${d.decisionNumber} ngày ${dateVi(d.decisionDate)}`)
      .join('; ')
    const paragraph =
      `Công tác thẩm định quy hoạch hạ tầng kỹ thuật viễn thông thụ động: trong ${ctx.period.label}, Sở tiếp nhận ` +
      `${count(total.submitted)} hồ sơ quy hoạch của các doanh nghiệp; đã trả lại để chỉnh sửa, bổ sung ` +
      `${count(total.returned)} hồ sơ; ` +
      (total.approved === 0
        ? 'chưa có quy hoạch được phê duyệt.'
        : `đã phê duyệt ${count(total.approved)} quy hoạch (${approvedText}), gồm ${count(total.sites)} vị trí ` +
          `trạm BTS và ${km(total.routeM)} km tuyến cáp.`)
    const cells = (s: Sums, filters: object): Cell[] => [
      countCell(s.submitted, link('submitted', filters)),
      countCell(s.returned, link('returned', filters)),
      countCell(s.approved, link('approved', filters)),
      countCell(s.sites, link('approved', filters)),
      kmCell(s.routeM, link('approved', filters)),
    ]
    const byCarrier = rows
      .map((r) => ({ c: r.carrier, s: sum([r]) }))
      .sort((a, b) => b.s.submitted - a.s.submitted || a.c.localeCompare(b.c))
    return {
      key: 'plans',
      title: 'Thẩm định quy hoạch hạ tầng viễn thông thụ động',
      paragraphs: [paragraph],
      figures: [
        figure('submitted', 'Hồ sơ quy hoạch tiếp nhận', total.submitted, count(total.submitted), link('submitted')),
        figure('returned', 'Trả lại chỉnh sửa, bổ sung', total.returned, count(total.returned), link('returned')),
        figure('approved', 'Quy hoạch được phê duyệt', total.approved, count(total.approved), link('approved')),
        figure(
          'approvedSites',
          'Vị trí trạm BTS trong quy hoạch được phê duyệt',
          total.sites,
          count(total.sites),
          link('approved'),
        ),
        figure(
          'approvedKm',
          'Tuyến cáp trong quy hoạch được phê duyệt (km)',
          total.routeM / 1000,
          km(total.routeM),
          link('approved'),
        ),
      ],
      tables: [
        {
          key: 'byCarrier',
          caption: 'Thẩm định quy hoạch theo doanh nghiệp',
          columns: ['Doanh nghiệp', 'Tiếp nhận', 'Trả lại chỉnh sửa', 'Phê duyệt', 'Vị trí trạm BTS', 'Tuyến cáp (km)'],
          rows: [
            ...byCarrier.map((x) => [textCell(name(x.c)), ...cells(x.s, { carrier: x.c })]),
            [textCell('Tổng cộng'), ...cells(total, {})],
          ],
          bar: null,
        },
        ...(decisions.length === 0
          ? []
          : [
              {
                key: 'decisions',
                caption: 'Quy hoạch được phê duyệt trong kỳ',
                columns: ['Doanh nghiệp', 'Quy hoạch', 'Quyết định', 'Ngày', 'Vị trí trạm BTS', 'Tuyến cáp (km)'],
                rows: decisions.map((d) => [
                  textCell(name(d.carrier)),
                  textCell(`${d.title} (phiên bản ${d.number})`),
                  textCell(d.decisionNumber),
                  textCell(dateVi(d.decisionDate)),
                  countCell(d.sites),
                  kmCell(d.routeM),
                ]),
                bar: null,
              },
            ]),
      ],
    }
  },
}
