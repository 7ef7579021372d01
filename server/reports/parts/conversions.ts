import { PACE_WINDOW_DAYS } from '../../conversions/dashboard'
import { doneBy, forecastDate, recentPace, type DailyCount } from '../../conversions/forecast'
import { formatNumber } from '../../../shared/format'
import { dateVi } from '../period'
import { CONVERSION_COUNTS, CONVERSION_FACTS, LOWERED_HEIGHTS, PROGRAMMES } from '../sql'
import type { Figure, Table } from '../schemas'
import {
  byDistrictOrder,
  count,
  countCell,
  districtName,
  figure,
  percent,
  textCell,
  type PartBuilder,
  type ReportContext,
} from './context'

interface Programme {
  id: number
  name: string
  decisionNo: string
  phases: { seq: number; name: string; deadline: string; target: number }[]
  history: DailyCount[]
}
interface Row {
  programme: number
  district: string
  done: number
  doneToDate: number
  lowered: number
  camouflaged: number
  shared: number
}
interface Heights {
  programme: number
  fromM: number
  toM: number
  n: number
}

const metres = (m: number) => formatNumber(m, 'vi', 1)

/** "hạ độ cao cột ăng-ten từ 18 mét xuống còn 12 mét tại 2 vị trí" for each pair of heights. */
function loweredText(heights: readonly Heights[]): string {
  return heights
    .map((h) => `từ ${metres(h.fromM)} mét xuống còn ${metres(h.toM)} mét tại ${count(h.n)} vị trí`)
    .join(', ')
}

/** Progress against each phase's cumulative target, judged at the deadline when it fell in or before the period. */
function targetsText(p: Programme, to: string): string {
  return p.phases
    .map((ph) => {
      const at = ph.deadline < to ? ph.deadline : to
      const done = doneBy(p.history, at)
      const share = percent((done / ph.target) * 100)
      const reached = `${ph.deadline < to ? 'đến hạn đạt' : 'đạt'} ${count(done)} trạm, ${share}%`
      return `chỉ tiêu ${count(ph.target)} trạm đến ngày ${dateVi(ph.deadline)} (${reached})`
    })
    .join('; ')
}

/** The forecast of the last target at the pace of the window before the period's end, as of that end. */
function forecastText(p: Programme, to: string): string {
  const last = p.phases.at(-1)
  if (!last) return ''
  const done = doneBy(p.history, to)
  if (done >= last.target) return ` Đã hoàn thành chỉ tiêu ${count(last.target)} trạm.`
  const perDay = recentPace(p.history, to, PACE_WINDOW_DAYS)
  const date = forecastDate(done, last.target, perDay, to)
  const pace = `${formatNumber(perDay * 30.4375, 'vi', 1)} trạm/tháng`
  if (!date)
    return ` Trong ${PACE_WINDOW_DAYS} ngày gần nhất không có trạm hoàn thành, chưa dự báo được thời điểm đạt chỉ tiêu.`
  const when = `tháng ${date.slice(5, 7)}/${date.slice(0, 4)}`
  const late = date > last.deadline ? `, chậm so với thời hạn ${dateVi(last.deadline)}` : ''
  return (
    ` Với tốc độ ${pace} (${PACE_WINDOW_DAYS} ngày gần nhất), ` +
    `dự kiến đạt chỉ tiêu ${count(last.target)} trạm vào ${when}${late}.`
  )
}

function programmeSection(ctx: ReportContext, p: Programme, rows: readonly Row[], heights: readonly Heights[]) {
  const mine = rows.filter((r) => r.programme === p.id)
  const s = (k: keyof Row) => mine.reduce((a, r) => a + Number(r[k]), 0)
  const [done, toDate, lowered, camouflaged, shared] = [
    s('done'),
    s('doneToDate'),
    s('lowered'),
    s('camouflaged'),
    s('shared'),
  ]
  const link = (flag: string, district?: string) =>
    ctx.link('conversions', flag, { programme: p.id, ...(district ? { district } : {}) })
  const kinds = [
    lowered > 0 ? `hạ độ cao cột ăng-ten ${loweredText(heights.filter((h) => h.programme === p.id))}` : '',
    camouflaged > 0
      ? `chuyển từ cột cồng kềnh sang trạm BTS thân thiện môi trường tại ${count(camouflaged)} vị trí`
      : '',
    shared > 0 ? `chuyển sang dùng chung hạ tầng tại ${count(shared)} vị trí` : '',
  ].filter(Boolean)
  const paragraph =
    `Thực hiện ${p.name} (${p.decisionNo}): trong ${ctx.period.label} đã chuyển đổi ${count(done)} trạm` +
    (kinds.length ? ` (${kinds.join('; ')})` : '') +
    `; lũy kế đến ngày ${dateVi(ctx.period.to)} đã chuyển đổi ${count(toDate)} trạm, ` +
    `${targetsText(p, ctx.period.to)}.` +
    forecastText(p, ctx.period.to)
  const figures: Figure[] = [
    figure(`done.${p.id}`, `${p.name}: chuyển đổi trong kỳ`, done, count(done), link('done')),
    figure(`lowered.${p.id}`, `${p.name}: hạ độ cao trong kỳ`, lowered, count(lowered), link('lowered')),
    figure(
      `camouflaged.${p.id}`,
      `${p.name}: thân thiện môi trường trong kỳ`,
      camouflaged,
      count(camouflaged),
      link('camouflaged'),
    ),
    figure(`doneToDate.${p.id}`, `${p.name}: lũy kế`, toDate, count(toDate), link('doneToDate')),
  ]
  const districts = byDistrictOrder(
    ctx,
    mine.map((r) => r.district),
  )
  const table: Table = {
    key: `byDistrict.${p.id}`,
    caption: `${p.name} theo quận, huyện (địa giới hành chính ngày ${dateVi(ctx.unitsOn)})`,
    columns: ['Mã', 'Quận, huyện', 'Chuyển đổi trong kỳ', 'Lũy kế'],
    rows: [
      ...districts.map((d) => {
        const r = mine.find((x) => x.district === d)!
        return [
          textCell(d === '-' ? '' : d),
          textCell(districtName(ctx, d)),
          countCell(Number(r.done), link('done', d)),
          countCell(Number(r.doneToDate), link('doneToDate', d)),
        ]
      }),
      [textCell(''), textCell('Tổng cộng'), countCell(done, link('done')), countCell(toDate, link('doneToDate'))],
    ],
    bar: 3,
  }
  return { paragraph, figures, table }
}

/** Masts lowered and converted in the period against the programme targets, with the forecast. */
export const conversionsPart: PartBuilder = {
  key: 'conversions',
  facts: CONVERSION_FACTS,
  flags: ['done', 'doneToDate', 'lowered', 'camouflaged', 'shared'],
  async build(ctx) {
    const programmes = await ctx.q.many<Programme>(PROGRAMMES, [ctx.province, ctx.period.to])
    if (programmes.length === 0) return null
    const rows = await ctx.q.many<Row>(CONVERSION_COUNTS, ctx.params)
    const heights = await ctx.q.many<Heights>(LOWERED_HEIGHTS, ctx.params)
    const sections = programmes.map((p) => programmeSection(ctx, p, rows, heights))
    return {
      key: 'conversions',
      title: 'Chuyển đổi, hạ độ cao cột ăng-ten',
      paragraphs: sections.map((s) => s.paragraph),
      figures: sections.flatMap((s) => s.figures),
      tables: sections.map((s) => s.table),
    }
  },
}
