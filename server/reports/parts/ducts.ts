import { dateVi } from '../period'
import { DUCT_COUNTS, DUCT_FACTS } from '../sql'
import { count, countCell, figure, km, kmCell, textCell, type PartBuilder } from './context'

interface Counts {
  routes: number
  lengthM: number
  tubes: number
  rented: number
  rentedInPeriod: number
  carriers: number
}

/** Shared underground ducts at the period's end: routes, tubes, tubes rented and to how many carriers. */
export const ductsPart: PartBuilder = {
  key: 'ducts',
  facts: DUCT_FACTS,
  flags: ['sharedRoutes', 'rentedInPeriod'],
  async build(ctx) {
    const c = await ctx.q.one<Counts>(DUCT_COUNTS, ctx.params)
    if (c.routes === 0) return null
    const all = ctx.link('ducts', 'sharedRoutes')
    const fresh = ctx.link('ducts', 'rentedInPeriod')
    const paragraph =
      `Hạ tầng ngầm sử dụng chung: tính đến ngày ${dateVi(ctx.period.to)}, trên địa bàn có ${count(c.routes)} ` +
      `tuyến công trình ngầm sử dụng chung, chiều dài ${km(c.lengthM)} km, với ${count(c.tubes)} ống; ` +
      `đã cho ${count(c.carriers)} doanh nghiệp thuê ${count(c.rented)} ống; trong ${ctx.period.label} có ` +
      `${count(c.rentedInPeriod)} tuyến phát sinh thuê mới.`
    return {
      key: 'ducts',
      title: 'Hạ tầng ngầm sử dụng chung',
      paragraphs: [paragraph],
      figures: [
        figure('sharedRoutes', 'Tuyến sử dụng chung', c.routes, count(c.routes), all),
        figure('lengthKm', 'Chiều dài (km)', c.lengthM / 1000, km(c.lengthM), all),
        figure('tubes', 'Tổng số ống', c.tubes, count(c.tubes), all),
        figure('rented', 'Số ống cho thuê', c.rented, count(c.rented), all),
        figure('carriers', 'Doanh nghiệp thuê', c.carriers, count(c.carriers), all),
        figure('rentedInPeriod', 'Tuyến phát sinh thuê mới trong kỳ', c.rentedInPeriod, count(c.rentedInPeriod), fresh),
      ],
      tables: [
        {
          key: 'ducts',
          caption: 'Hạ tầng ngầm sử dụng chung',
          columns: ['Nội dung', 'Số lượng'],
          rows: [
            [textCell('Tuyến sử dụng chung'), countCell(c.routes, all)],
            [textCell('Chiều dài (km)'), kmCell(c.lengthM, all)],
            [textCell('Tổng số ống'), countCell(c.tubes, all)],
            [textCell('Số ống cho thuê'), countCell(c.rented, all)],
            [textCell('Doanh nghiệp thuê'), countCell(c.carriers, all)],
            [textCell('Tuyến phát sinh thuê mới trong kỳ'), countCell(c.rentedInPeriod, fresh)],
          ],
          bar: null,
        },
      ],
    }
  },
}
