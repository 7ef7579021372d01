import type { reportsVi } from './messages.vi'

/** English text of the report page. */
export const reportsEn: Record<keyof typeof reportsVi, string> = {
  'nav.reports': 'Periodic report',
  'rp.title': 'Telecom infrastructure report',
  'rp.intro': 'The passive-infrastructure section of the quarterly, six-month or yearly report, from live data.',
  'rp.period': 'Period',
  'rp.quarter': 'Quarter',
  'rp.half': 'Half year',
  'rp.year': 'Year',
  'rp.range': 'From – to',
  'rp.yearLabel': 'Year',
  'rp.quarterLabel': 'Quarter',
  'rp.quarterN': 'Q{q}',
  'rp.halfLabel': 'Half',
  'rp.half1': 'First half',
  'rp.half2': 'Second half',
  'rp.from': 'From',
  'rp.to': 'To',
  'rp.unitsOn': 'Boundaries as on',
  'rp.unitsOnHint': 'Empty: the last day of the period. Totals do not change; per-district figures use these units.',
  'rp.docx': 'Download DOCX',
  'rp.xlsx': 'Download XLSX',
  'rp.print': 'Print',
  'rp.empty': 'No figures in this period.',
  'rp.figures': 'Figures',
  'rp.records': 'Show the records',
}
