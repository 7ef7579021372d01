import { type MessageKey, useI18n } from '../i18n'
import { formatCount } from '../i18n/format'
import { type Column, Table } from '../ui/Table'
import type { GroupBy, Summary, SummaryRow } from './api'
import { formatKm } from './format'
import { KIND_COLOURS } from './model'

type Figure =
  | 'completedRoutes'
  | 'completedM'
  | 'buildingRoutes'
  | 'buildingM'
  | 'completedPoles'
  | 'verifiedRoutes'
  | 'verifiedM'

/** The figures of a row, in column order; lengths (in metres) are shown in km. */
const FIGURES: { key: Figure; header: MessageKey }[] = [
  { key: 'completedRoutes', header: 'cb.sum.completedRoutes' },
  { key: 'completedM', header: 'cb.sum.completedKm' },
  { key: 'buildingRoutes', header: 'cb.sum.buildingRoutes' },
  { key: 'buildingM', header: 'cb.sum.buildingKm' },
  { key: 'completedPoles', header: 'cb.sum.poles' },
  // of the completed routes, those verified in the field (issue 13)
  { key: 'verifiedRoutes', header: 'cb.sum.verifiedRoutes' },
  { key: 'verifiedM', header: 'cb.sum.verifiedKm' },
]

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
  const sum = (k: Figure) => summary.distinctTotal.reduce((s, r) => s + Number(r[k]), 0)
  const show = (k: Figure, v: number) => (k.endsWith('M') ? formatKm(v, lang) : formatCount(v, lang))
  const additive = summary.additive.routes && summary.additive.lengths && summary.additive.poles
  const group: Column<SummaryRow> = {
    key: 'group',
    header: t(groupBy === 'district' ? 'cb.sum.district' : 'cb.sum.carrier'),
    cell: (r) => groupName(r.group),
  }
  const kind: Column<SummaryRow> = {
    key: 'kind',
    header: t('cb.field.kind'),
    cell: (r) => (
      <>
        <span className="cb-kind-dot" style={{ background: KIND_COLOURS[r.kind] }} aria-hidden="true" />{' '}
        {t(`cb.kind.${r.kind}`)}
      </>
    ),
  }
  const figures = FIGURES.map(
    (f): Column<SummaryRow> => ({
      key: f.key,
      header: t(f.header),
      cell: (r) => show(f.key, r[f.key]),
      className: 'num',
    }),
  )
  const labels = groupBy === 'none' ? [kind] : [group, kind]
  return (
    <>
      <Table
        columns={[...labels, ...figures]}
        rows={rows}
        rowKey={(r) => `${r.group}:${r.kind}`}
        caption={t('cb.sum.table')}
        empty={t('cb.empty')}
        className="cb-summary-table"
        testId="summary-table"
        foot={
          rows.length > 0 && (
            <tfoot data-testid="summary-distinct-total">
              <tr>
                <th scope="row" colSpan={labels.length}>
                  {t(additive ? 'cb.total' : 'cb.sum.distinctTotal')}
                </th>
                {FIGURES.map((f) => (
                  <td key={f.key} className="num">
                    {show(f.key, sum(f.key))}
                  </td>
                ))}
              </tr>
            </tfoot>
          )
        }
      />
      {!additive && groupBy !== 'none' && (
        <p className="muted" data-testid="summary-not-additive">
          {t(groupBy === 'carrier' ? 'cb.sum.notAdditive.carrier' : 'cb.sum.notAdditive.district')}
        </p>
      )}
    </>
  )
}
