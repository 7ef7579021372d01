import { summarizeOn } from '../../cables/summary'
import { capitalized, dateVi } from '../period'
import { CABLE_FACTS } from '../sql'
import type { Cell } from '../schemas'
import {
  byDistrictOrder,
  count,
  countCell,
  districtName,
  figure,
  km,
  kmCell,
  textCell,
  type PartBuilder,
} from './context'

const KINDS: Record<string, string> = { underground: 'Ngầm hóa', tidying: 'Chỉnh trang cáp treo' }
const FLAGS: Record<string, string> = { underground: 'undergroundDone', tidying: 'tidyingDone' }

/**
 * Km put underground, routes under construction, and km of aerial cable tidied on N poles: the cable summary's
 * figures and sentence (server/cables/summary.ts), its table by district on the report's units.
 */
export const cablesPart: PartBuilder = {
  key: 'cables',
  facts: CABLE_FACTS,
  flags: ['undergroundDone', 'undergroundBuilding', 'tidyingDone'],
  async build(ctx) {
    const { from, to, label } = ctx.period
    const period = { from, to, label: [capitalized(label), `${from} – ${to}`] as [string, string] }
    const s = await summarizeOn(ctx.q, ctx.province, period, ctx.unitsOn)
    const t = s.totals
    if (t.undergroundRoutes + t.undergroundBuilding + t.tidyingRoutes === 0) return null
    const link = (flag: string, district?: string) => ctx.link('cables', flag, district ? { district } : {})
    const rows = s.byDistrict.filter((r) => r.kind in KINDS)
    const districts = byDistrictOrder(
      ctx,
      rows.map((r) => r.group ?? '-'),
    )
    const tableRows: Cell[][] = []
    for (const d of districts)
      for (const r of rows.filter((x) => (x.group ?? '-') === d)) {
        const flag = FLAGS[r.kind]!
        tableRows.push([
          textCell(d === '-' ? '' : d),
          textCell(districtName(ctx, d)),
          textCell(KINDS[r.kind]!),
          countCell(Number(r.completedRoutes), link(flag, d)),
          kmCell(Number(r.completedM), link(flag, d)),
          countCell(Number(r.buildingRoutes), link('undergroundBuilding', d)),
          countCell(Number(r.completedPoles), link(flag, d)),
        ])
      }
    return {
      key: 'cables',
      title: 'Ngầm hóa và chỉnh trang cáp viễn thông',
      paragraphs: [s.sentence.vi],
      figures: [
        figure(
          'undergroundRoutes',
          'Tuyến ngầm hóa hoàn thành',
          t.undergroundRoutes,
          count(t.undergroundRoutes),
          link('undergroundDone'),
        ),
        figure(
          'undergroundKm',
          'Chiều dài ngầm hóa (km)',
          t.undergroundM / 1000,
          km(t.undergroundM),
          link('undergroundDone'),
        ),
        figure(
          'undergroundBuilding',
          'Tuyến đang thi công',
          t.undergroundBuilding,
          count(t.undergroundBuilding),
          link('undergroundBuilding'),
        ),
        figure(
          'tidyingKm',
          'Chiều dài cáp treo chỉnh trang (km)',
          t.tidyingM / 1000,
          km(t.tidyingM),
          link('tidyingDone'),
        ),
        figure('tidyingPoles', 'Trụ điện', t.tidyingPoles, count(t.tidyingPoles), link('tidyingDone')),
      ],
      tables: [
        {
          key: 'byDistrict',
          caption: `Ngầm hóa và chỉnh trang theo quận, huyện (địa giới hành chính ngày ${dateVi(ctx.unitsOn)})`,
          columns: [
            'Mã',
            'Quận, huyện',
            'Loại',
            'Tuyến hoàn thành',
            'Chiều dài (km)',
            'Tuyến đang thi công',
            'Trụ điện',
          ],
          rows: tableRows,
          bar: 4,
        },
      ],
    }
  },
}
