import { useI18n } from '../i18n'
import { formatCount } from '../i18n/format'
import type { GroupBy, Summary, SummaryRow } from './api'
import { formatKm } from './format'
import { KIND_COLOURS } from './model'

/**
 * The summary's table: one row per group and kind, figures in Vietnamese format, and a total row that counts
 * every route and pole once (the server's de-duplicated total), with a note when the rows do not add up to it.
 */
export function SummaryTable({
  summary,
  groupBy,
  groupName,
}: {
  summary: Summary
  groupBy: GroupBy
  groupName(group: string | null): string
}) {
  const { t, lang } = useI18n()
  const rows = summary.rows
  const sum = (k: 'completedRoutes' | 'completedM' | 'buildingRoutes' | 'buildingM' | 'completedPoles') =>
    summary.distinctTotal.reduce((s, r) => s + Number(r[k]), 0)
  const additive = summary.additive.routes && summary.additive.lengths && summary.additive.poles
  return (
    <div className="table-wrap">
      <table className="table cb-summary-table" data-testid="summary-table">
        <caption className="sr-only">{t('cb.sum.table')}</caption>
        <thead>
          <tr>
            {groupBy !== 'none' && (
              <th scope="col">{t(groupBy === 'district' ? 'cb.sum.district' : 'cb.sum.carrier')}</th>
            )}
            <th scope="col">{t('cb.field.kind')}</th>
            <th scope="col" className="num">
              {t('cb.sum.completedRoutes')}
            </th>
            <th scope="col" className="num">
              {t('cb.sum.completedKm')}
            </th>
            <th scope="col" className="num">
              {t('cb.sum.buildingRoutes')}
            </th>
            <th scope="col" className="num">
              {t('cb.sum.buildingKm')}
            </th>
            <th scope="col" className="num">
              {t('cb.sum.poles')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.group}:${r.kind}`}>
              {groupBy !== 'none' && <td>{groupName(r.group)}</td>}
              <td>
                <span className="cb-kind-dot" style={{ background: KIND_COLOURS[r.kind] }} aria-hidden="true" />{' '}
                {t(`cb.kind.${r.kind}`)}
              </td>
              <td className="num">{formatCount(r.completedRoutes, lang)}</td>
              <td className="num">{formatKm(r.completedM, lang)}</td>
              <td className="num">{formatCount(r.buildingRoutes, lang)}</td>
              <td className="num">{formatKm(r.buildingM, lang)}</td>
              <td className="num">{formatCount(r.completedPoles, lang)}</td>
            </tr>
          ))}
        </tbody>
        {rows.length > 0 && (
          <tfoot data-testid="summary-distinct-total">
            <tr>
              <th scope="row" colSpan={groupBy === 'none' ? 1 : 2}>
                {t(additive ? 'cb.total' : 'cb.sum.distinctTotal')}
              </th>
              <td className="num">{formatCount(sum('completedRoutes'), lang)}</td>
              <td className="num">{formatKm(sum('completedM'), lang)}</td>
              <td className="num">{formatCount(sum('buildingRoutes'), lang)}</td>
              <td className="num">{formatKm(sum('buildingM'), lang)}</td>
              <td className="num">{formatCount(sum('completedPoles'), lang)}</td>
            </tr>
          </tfoot>
        )}
      </table>
      {!additive && groupBy !== 'none' && (
        <p className="muted" data-testid="summary-not-additive">
          {t(groupBy === 'carrier' ? 'cb.sum.notAdditive.carrier' : 'cb.sum.notAdditive.district')}
        </p>
      )}
    </div>
  )
}
