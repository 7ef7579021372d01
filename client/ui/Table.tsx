import type { ReactNode } from 'react'
import { useI18n } from '../i18n'
import { formatCount } from '../i18n/format'

export interface Column<T> {
  key: string
  header: ReactNode
  cell(row: T): ReactNode
  /** On the header and every cell of the column, e.g. `num` for figures aligned right. */
  className?: string
  /** The name a phone's card shows before the cell; the header when that is text. */
  label?: string
}

/** The text a card shows before a cell: the column's label, or its header when that is plain text. */
function labelOf<T>(c: Column<T>): string | undefined {
  return c.label ?? (typeof c.header === 'string' ? c.header : undefined)
}

/** A cell with nothing to show: no label on a phone's card (a component that draws nothing is left to pages.css). */
function isBlank(node: ReactNode): boolean {
  if (node === null || node === undefined || node === false || node === true || node === '') return true
  if (Array.isArray(node)) return node.every(isBlank)
  return false
}

/**
 * A plain data table: a header row from the columns, a row per item (or one line saying there are none) and
 * optional footer rows. On a phone each row becomes a card of "label: value" lines (pages.css, `.table-cards`),
 * so no list scrolls sideways; `cards={false}` keeps a small figure table as a table that fits.
 */
export function Table<T>({
  columns,
  rows,
  rowKey,
  caption,
  empty,
  className,
  testId,
  foot,
  cards = true,
}: {
  columns: Column<T>[]
  rows: T[]
  rowKey(row: T): string | number
  caption: string
  empty: string
  /** Classes beside `table`. */
  className?: string
  testId?: string
  /** A `<tfoot>`, such as a total row. */
  foot?: ReactNode
  cards?: boolean
}) {
  const classes = ['table', cards ? 'table-cards' : '', className ?? ''].filter(Boolean).join(' ')
  return (
    <div className="table-wrap">
      <table className={classes} data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.className}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="empty">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((c) => {
                  const content = c.cell(row)
                  const blank = isBlank(content)
                  return (
                    <td
                      key={c.key}
                      className={[c.className, blank ? 'blank' : ''].filter(Boolean).join(' ') || undefined}
                      data-label={blank ? undefined : labelOf(c)}
                    >
                      {/* one grid item on a phone's card, however many nodes the cell has */}
                      <span className="cell">{content}</span>
                    </td>
                  )
                })}
              </tr>
            ))
          )}
        </tbody>
        {foot}
      </table>
    </div>
  )
}

/** Previous / next buttons with a "1–20 of 57" line. */
export function Pager({
  label,
  onPrevious,
  onNext,
  previousText,
  nextText,
}: {
  label: string
  onPrevious: (() => void) | null
  onNext: (() => void) | null
  previousText: string
  nextText: string
}) {
  return (
    <div className="pager">
      <span className="muted">{label}</span>
      <button type="button" className="btn btn-secondary" disabled={!onPrevious} onClick={onPrevious ?? undefined}>
        ‹ {previousText}
      </button>
      <button type="button" className="btn btn-secondary" disabled={!onNext} onClick={onNext ?? undefined}>
        {nextText} ›
      </button>
    </div>
  )
}

/** Previous / next over a list paged by offset, with its "1–20 of 57" line. */
export function OffsetPager({
  offset,
  shown,
  total,
  pageSize,
  onOffset,
}: {
  offset: number
  /** How many rows the current page holds. */
  shown: number
  total: number
  pageSize: number
  onOffset(offset: number): void
}) {
  const { t, lang } = useI18n()
  const range = {
    from: formatCount(offset + 1, lang),
    to: formatCount(offset + shown, lang),
    total: formatCount(total, lang),
  }
  return (
    <Pager
      label={total > 0 ? t('table.range', range) : ''}
      previousText={t('table.previous')}
      nextText={t('table.next')}
      onPrevious={offset > 0 ? () => onOffset(Math.max(0, offset - pageSize)) : null}
      onNext={offset + shown < total ? () => onOffset(offset + pageSize) : null}
    />
  )
}
