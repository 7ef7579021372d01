import { formatNumber } from '../../../shared/format'
import { APPLICATION_COUNTS, APPLICATION_FACTS } from '../sql'
import { count, countCell, figure, textCell, type PartBuilder } from './context'

interface Counts {
  received: number
  approved: number
  rejected: number
  medianDays: number | null
}

/** Site applications received, approved and rejected in the period, and the median days to a decision. */
export const applicationsPart: PartBuilder = {
  key: 'applications',
  facts: APPLICATION_FACTS,
  flags: ['received', 'approved', 'rejected', 'decided'],
  async build(ctx) {
    const c = await ctx.q.one<Counts>(APPLICATION_COUNTS, ctx.params)
    if (c.received + c.approved + c.rejected === 0) return null
    const link = (flag: string) => ctx.link('applications', flag)
    const days = c.medianDays === null ? null : formatNumber(c.medianDays, 'vi', 1)
    const paragraph =
      `Trong ${ctx.period.label}, Sở tiếp nhận ${count(c.received)} hồ sơ đề nghị xây dựng trạm BTS; ` +
      `đã xem xét, đồng ý xây dựng ${count(c.approved)} trạm BTS, không đồng ý ${count(c.rejected)} trạm` +
      (days === null ? '.' : `; thời gian giải quyết hồ sơ (trung vị) là ${days} ngày.`)
    const figures = [
      figure('received', 'Hồ sơ tiếp nhận', c.received, count(c.received), link('received')),
      figure('approved', 'Đồng ý xây dựng', c.approved, count(c.approved), link('approved')),
      figure('rejected', 'Không đồng ý', c.rejected, count(c.rejected), link('rejected')),
    ]
    if (c.medianDays !== null && days !== null)
      figures.push(figure('medianDays', 'Thời gian giải quyết (trung vị, ngày)', c.medianDays, days, link('decided')))
    return {
      key: 'applications',
      title: 'Hồ sơ đề nghị xây dựng trạm BTS',
      paragraphs: [paragraph],
      figures,
      tables: [
        {
          key: 'applications',
          caption: 'Kết quả giải quyết hồ sơ',
          columns: ['Nội dung', 'Số lượng'],
          rows: figures.map((f) => [
            textCell(f.label),
            f.key === 'medianDays' ? { text: f.text, value: f.value, link: f.link! } : countCell(f.value!, f.link!),
          ]),
          bar: null,
        },
      ],
    }
  },
}
