import ExcelJS from 'exceljs'
import type { Report } from './schemas'

/** The section as a workbook: the text on the first sheet, each part's tables on a sheet of its own. */
export async function reportXlsx(report: Report): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.creator = 'Telecom infrastructure GIS'
  const text = book.addWorksheet('Báo cáo')
  text.getColumn(1).width = 120
  text.addRow([report.title]).font = { bold: true, size: 14 }
  text.addRow([`Kỳ báo cáo: ${report.period.label}`])
  for (const part of report.parts) {
    text.addRow([])
    text.addRow([part.title]).font = { bold: true }
    for (const p of part.paragraphs) text.addRow([p]).alignment = { wrapText: true }
  }
  report.parts.forEach((part, i) => {
    // Sheet names: at most 31 characters, unique.
    const sheet = book.addWorksheet(`${i + 1}. ${part.title}`.slice(0, 31))
    for (const t of part.tables) {
      sheet.addRow([t.caption]).font = { italic: true }
      sheet.addRow(t.columns).font = { bold: true }
      for (const r of t.rows) sheet.addRow(r.map((c) => c.value))
      sheet.addRow([])
    }
    sheet.columns.forEach((c) => {
      c.width = 18
    })
  })
  return Buffer.from(await book.xlsx.writeBuffer())
}
