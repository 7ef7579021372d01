import { dateVi } from '../period'
import { INSPECTION_COUNTS, INSPECTION_FACTS, INSPECTION_FLAGS } from '../sql'
import { byDistrictOrder, count, countCell, districtTable, figure, textCell, type PartBuilder } from './context'

type Flag = (typeof INSPECTION_FLAGS)[number]
type Row = Record<Flag, number> & { district: string | null }

/** The kinds of violation the section names, in its order (server/inspections/compare.ts's rules). */
const KINDS: [Flag, string, string][] = [
  ['heightOver', 'vượt độ cao cột được cấp phép', 'Vượt độ cao được cấp phép'],
  ['classMismatch', 'sai loại cột so với giấy phép', 'Sai loại cột'],
  ['positionOff', 'sai vị trí so với hồ sơ', 'Sai vị trí'],
  ['checklistFailed', 'không đạt nội dung kiểm tra', 'Không đạt nội dung kiểm tra'],
  ['otherRule', 'vi phạm khác', 'Vi phạm khác (độ võng, thẻ nhận dạng, biển tên nhà mạng)'],
]

/**
 * Field inspections recorded in the period: how many, how many found violations and of which kind, and the
 * follow-ups of violations opened, resolved (closed by a re-check that found the asset compliant) and overdue at
 * the period's end.
 */
export const inspectionsPart: PartBuilder = {
  key: 'inspections',
  facts: INSPECTION_FACTS,
  flags: INSPECTION_FLAGS,
  async build(ctx) {
    const rows = await ctx.q.many<Row>(INSPECTION_COUNTS, ctx.params)
    const t = rows.find((r) => r.district === null)!
    const n = (k: Flag, r: Row = t) => Number(r[k])
    if (n('inspected') + n('followUpOpened') + n('followUpResolved') + n('followUpOverdue') === 0) return null
    const link = (flag: string, filters = {}) => ctx.link('inspections', flag, filters)
    const kinds = KINDS.filter(([k]) => n(k) > 0)
      .map(([k, words]) => `${words} ${count(n(k))} trường hợp`)
      .join(', ')
    const found =
      n('violation') === 0
        ? 'không phát hiện vi phạm'
        : `${count(n('violation'))} lượt phát hiện vi phạm${kinds ? ` (${kinds})` : ''}`
    const done =
      n('inspected') === 0
        ? 'không có lượt kiểm tra nào được thực hiện'
        : `đã thực hiện ${count(n('inspected'))} lượt kiểm tra; kết quả kiểm tra: ${found}`
    const paragraph =
      `Công tác kiểm tra hạ tầng viễn thông thụ động: trong ${ctx.period.label}, ${done}. ` +
      `Đã yêu cầu doanh nghiệp khắc phục ` +
      `${count(n('followUpOpened'))} trường hợp vi phạm; đã khắc phục xong (kiểm tra lại đạt) ` +
      `${count(n('followUpResolved'))} trường hợp; đến ngày ${dateVi(ctx.period.to)} còn ` +
      `${count(n('followUpOverdue'))} trường hợp quá hạn chưa khắc phục.`
    const fig = (k: Flag, label: string) => figure(k, label, n(k), count(n(k)), link(k))
    const figures = [
      fig('inspected', 'Lượt kiểm tra'),
      fig('violation', 'Lượt phát hiện vi phạm'),
      ...KINDS.map(([k, , label]) => fig(k, label)),
      fig('followUpOpened', 'Yêu cầu khắc phục trong kỳ'),
      fig('followUpResolved', 'Đã khắc phục xong trong kỳ'),
      fig('followUpOverdue', 'Quá hạn chưa khắc phục (cuối kỳ)'),
    ]
    const districts = byDistrictOrder(
      ctx,
      rows.flatMap((r) => (r.district !== null && INSPECTION_FLAGS.some((k) => n(k, r) > 0) ? [r.district] : [])),
    )
    const byCode = new Map(rows.map((r) => [r.district, r]))
    const cells = (r: Row, filters: object) =>
      (['inspected', 'violation', 'followUpOpened', 'followUpResolved', 'followUpOverdue'] as const).map((k) =>
        countCell(n(k, r), link(k, filters)),
      )
    return {
      key: 'inspections',
      title: 'Kiểm tra hạ tầng viễn thông thụ động',
      paragraphs: [paragraph],
      figures,
      tables: [
        {
          key: 'results',
          caption: 'Kết quả kiểm tra',
          columns: ['Nội dung', 'Số lượng'],
          rows: figures.map((f) => [textCell(f.label), countCell(f.value!, f.link!)]),
          bar: null,
        },
        districtTable(
          ctx,
          'Kiểm tra',
          ['Kiểm tra', 'Vi phạm', 'Yêu cầu khắc phục', 'Đã khắc phục', 'Quá hạn'],
          districts,
          (d) => (d === undefined ? cells(t, {}) : cells(byCode.get(d)!, { district: d })),
          2,
        ),
      ],
    }
  },
}
