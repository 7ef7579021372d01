import { useI18n } from '../i18n'
import { formatCount } from '../i18n/format'
import type { GroupBy, SummaryRow } from './api'
import { formatKm } from './format'
import { KIND_COLOURS } from './model'

/** The summary's table: one row per group and kind, figures in Vietnamese format, with a total row. */
export function SummaryTable({ rows, groupBy, groupName }: { rows: SummaryRow[]; groupBy: GroupBy; groupName(group: string | null): string }) {
  const { t, lang } = useI18n()
  const sum = (k: 'completedRoutes' | 'completedM' | 'buildingRoutes' | 'buildingM' | 'completedPoles') => rows.reduce((s, r) => s + Number(r[k]), 0)
  return (
    <div className="table-wrap">
      <table className="table cb-summary-table" data-testid="summary-table">
        <caption className="sr-only">{t('cb.sum.table')}</caption>
        <thead>
          <tr>
            {groupBy !== 'none' && <th scope="col">{t(groupBy === 'district' ? 'cb.sum.district' : 'cb.sum.carrier')}</th>}
            <th scope="col">{t('cb.field.kind')}</th>
            <th scope="col" className="num">{t('cb.sum.completedRoutes')}</th>
            <th scope="col" className="num">{t('cb.sum.completedKm')}</th>
            <th scope="col" className="num">{t('cb.sum.buildingRoutes')}</th>
            <th scope="col" className="num">{t('cb.sum.buildingKm')}</th>
            <th scope="col" className="num">{t('cb.sum.poles')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.group}:${r.kind}`}>
              {groupBy !== 'none' && <td>{groupName(r.group)}</td>}
              <td>
                <span className="cb-kind-dot" style={{ background: KIND_COLOURS[r.kind] }} aria-hidden="true" /> {t(`cb.kind.${r.kind}`)}
              </td>
              <td className="num">{formatCount(r.completedRoutes, lang)}</td>
              <td className="num">{formatKm(r.completedM, lang)}</td>
              <td className="num">{formatCount(r.buildingRoutes, lang)}</td>
              <td className="num">{formatKm(r.buildingM, lang)}</td>
              <td className="num">{formatCount(r.completedPoles, lang)}</td>
            </tr>
          ))}
        </tbody>
        {/* Lengths split by district add up; counts do not (a route crossing two districts is in both), nor does anything per carrier (a shared route is in each). */}
        {groupBy !== 'carrier' && rows.length > 0 && (
          <tfoot>
            <tr>
              <th scope="row" colSpan={groupBy === 'none' ? 1 : 2}>{t('cb.total')}</th>
              <td className="num">{groupBy === 'none' ? formatCount(sum('completedRoutes'), lang) : '—'}</td>
              <td className="num">{formatKm(sum('completedM'), lang)}</td>
              <td className="num">{groupBy === 'none' ? formatCount(sum('buildingRoutes'), lang) : '—'}</td>
              <td className="num">{formatKm(sum('buildingM'), lang)}</td>
              <td className="num">{groupBy === 'none' ? formatCount(sum('completedPoles'), lang) : '—'}</td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  )
}
