import type { MouseEvent } from 'react'
import { navigate } from '../app/router'
import { useI18n } from '../i18n'
import type { ReportPart, ReportTable } from './api'
import { recordsPageLink } from './links'

/** A figure's link: the app's page of its records (a plain click stays in the app). */
function RecordsLink({ link, label, text, title }: { link: string; label: string; text: string; title?: string }) {
  const href = recordsPageLink(link, label)
  const open = (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
    e.preventDefault()
    navigate(href)
  }
  return (
    <a href={href} onClick={open} title={title}>
      {text}
    </a>
  )
}

/** What a table cell's records are: the table, the row's name and the column. */
function cellLabel(table: ReportTable, row: ReportTable['rows'][number], column: number): string {
  const names = row.filter((c, j) => j < column && typeof c.value === 'string' && c.text && !/^\d+$/.test(c.text))
  return [table.caption, names.map((c) => c.text).join(', '), table.columns[column]].filter(Boolean).join(' — ')
}

/** A table of the section; the bar column (per-district figures) gets a bar drawn beside its number. */
function TableView({ table }: { table: ReportTable }) {
  const bar = table.bar
  const values = bar === null ? [] : table.rows.slice(0, -1).map((r) => Number(r[bar]?.value ?? 0))
  const max = Math.max(1, ...values)
  return (
    <figure className="rp-table">
      <figcaption>{table.caption}</figcaption>
      <table>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their order
            <tr key={i} className={i === table.rows.length - 1 && bar !== null ? 'rp-total' : undefined}>
              {row.map((c, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                <td key={j} className={typeof c.value === 'number' ? 'num' : undefined}>
                  {c.link ? <RecordsLink link={c.link} label={cellLabel(table, row, j)} text={c.text} /> : c.text}
                  {j === bar && i < table.rows.length - 1 && (
                    <span className="rp-bar" style={{ width: `${(Number(c.value) / max) * 100}%` }} />
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}

/** One part of the section: its sentences as the server wrote them, its figures (each linked) and its tables. */
export function PartView({ part, n }: { part: ReportPart; n: number }) {
  const { t } = useI18n()
  return (
    <section className="card rp-part" aria-labelledby={`rp-${part.key}`} data-testid={`report-part-${part.key}`}>
      <h2 id={`rp-${part.key}`}>
        {n}. {part.title}
      </h2>
      {part.paragraphs.map((p) => (
        <p key={p} lang="vi" className="rp-text">
          {p}
        </p>
      ))}
      <dl className="rp-figures no-print" aria-label={t('rp.figures')}>
        {part.figures.map((f) => (
          <div key={f.key}>
            <dt lang="vi">{f.label}</dt>
            <dd>
              {f.link ? <RecordsLink link={f.link} label={f.label} text={f.text} title={t('rp.records')} /> : f.text}
            </dd>
          </div>
        ))}
      </dl>
      {part.tables.map((table) => (
        <TableView key={table.key} table={table} />
      ))}
    </section>
  )
}
