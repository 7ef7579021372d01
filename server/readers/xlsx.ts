// XLSX through exceljs: the first worksheet as rows of text, in the shape the CSV reader answers, so a spreadsheet
// and its CSV export are read by the same code after this.
import ExcelJS from 'exceljs'
import { unzipSync } from 'fflate'
import type { CsvRow } from './csv'

/** A workbook must not expand beyond this (a zip bomb would otherwise fill the memory). */
export const MAX_XLSX_EXPANDED_BYTES = 128 * 1024 * 1024

export type XlsxResult = { ok: true; rows: CsvRow[] } | { ok: false; problem: string }

/** The text of a cell as a spreadsheet shows it: numbers in full, formulas by their result, dates as ISO days. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('text' in value) return String(value.text)
    return ''
  }
  return String(value)
}

/** Bytes the archive expands to, counted before any of it is expanded; undefined when it is not a zip. */
function expandedSize(bytes: Uint8Array): number | undefined {
  let total = 0
  try {
    unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize
        return false
      },
    })
  } catch {
    return undefined
  }
  return total
}

/** Reads the first worksheet of an XLSX file; each non-empty row with its 1-based row number. */
export async function readXlsx(bytes: Uint8Array): Promise<XlsxResult> {
  const size = expandedSize(bytes)
  if (size === undefined) return { ok: false, problem: 'The file is not an XLSX workbook (not a zip archive).' }
  if (size > MAX_XLSX_EXPANDED_BYTES) return { ok: false, problem: 'The workbook expands to more than 128 MB.' }
  const book = new ExcelJS.Workbook()
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch (err) {
    return { ok: false, problem: `The XLSX workbook cannot be read: ${(err as Error).message}` }
  }
  const sheet = book.worksheets[0]
  if (!sheet) return { ok: false, problem: 'The workbook has no worksheet.' }
  const rows: CsvRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = []
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value))
    if (cells.some((c) => c.trim() !== '')) rows.push({ line, cells })
  })
  return { ok: true, rows }
}
