import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { unzipSync } from 'fflate'
import ExcelJS from 'exceljs'
import { DESKTOP, PHONE } from './helpers/browser'
import { setupE2eApp } from './helpers/suite'
import { AppDriver } from './driver'

// Issue 14: the officer's periodic report in Chromium on the demo city (embedded database unless
// TEST_DATABASE_URL): a period picked in the form, the section with its figures, a figure's link opening the list
// of its records as a page of the app (not raw JSON), each record opening its own page, and the DOCX and XLSX
// downloads. Screenshots (desktop and phone) go to test/e2e/out/ for a person to look at; they are not compared.

const OUT = path.resolve('test/e2e/out')
const { signedIn } = setupE2eApp((page, url) => new AppDriver(page, url))

/** Picks "6 tháng" of a year in the period form, as a person does, and waits for that section. */
async function pickHalfYear(app: AppDriver, year: number, half: 1 | 2): Promise<void> {
  const form = app.page.locator('form.rp-form')
  await form.locator('label', { hasText: '6 tháng' }).first().click()
  await form.locator('select[aria-label="Năm"]').selectOption(String(year))
  await form.locator('select[aria-label="Nửa năm"]').selectOption(String(half))
  const label = half === 1 ? `6 tháng đầu năm ${year}` : `6 tháng cuối năm ${year}`
  await app.page.locator('[data-testid=report] h1.rp-title', { hasText: label }).waitFor({ timeout: 60_000 })
}

/** A figure of a part as shown: its text, the number it stands for (Vietnamese digits), and its link. */
async function shownFigure(app: AppDriver, part: string, label: string) {
  const box = app.page.locator(`[data-testid=report-part-${part}] .rp-figures > div`, {
    has: app.page.locator('dt', { hasText: new RegExp(`^${label}$`) }),
  })
  const link = box.locator('dd a')
  const text = (await link.innerText()).trim()
  return { text, value: Number(text.replaceAll('.', '').replace(',', '.')), link }
}

/** The document's width beyond the screen's, in CSS pixels (0 when nothing scrolls sideways). */
function overflow(app: AppDriver): Promise<number> {
  return app.page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth))
}

describe('the periodic report in Chromium', () => {
  it('shows the section for a picked period, its figures leading to their records in the app', async () => {
    fs.mkdirSync(OUT, { recursive: true })
    const officer = await signedIn('officer', DESKTOP)
    await officer.openSection('/reports')
    await pickHalfYear(officer, 2018, 1)
    // The demo's cable works were finished in the first half of 2018: every part of the section is there.
    for (const part of ['stations', 'conversions', 'cables', 'ducts'])
      await expect(officer.page.locator(`[data-testid=report-part-${part}]`).count()).resolves.toBe(1)
    const text = await officer.page.locator('[data-testid=report-part-stations] p.rp-text').innerText()
    expect(text).toMatch(/^Tính đến ngày 30\/06\/2018, tổng số trạm BTS trên địa bàn là [\d.]+ trạm/)
    expect(officer.page.url()).toContain('/reports?period=half&year=2018&half=1')
    await officer.screenshot(`${OUT}/reports-desktop.png`)

    const atEnd = await shownFigure(officer, 'stations', 'Trạm BTS cuối kỳ')
    expect(atEnd.value).toBeGreaterThan(1000)
    expect(text).toContain(`là ${atEnd.text} trạm`)
    const href = (await atEnd.link.getAttribute('href'))!
    expect(href.startsWith('/reports/records?')).toBe(true)
    await atEnd.link.click()
    await officer.page.waitForURL('**/reports/records?**')
    const total = officer.page.locator('[data-testid=records-total]')
    await total.waitFor()
    expect(Number(await total.getAttribute('data-total'))).toBe(atEnd.value)
    await expect(officer.page.locator('[data-testid=report-records] h1').innerText()).resolves.toBe('Trạm BTS cuối kỳ')
    const rows = officer.page.locator('[data-testid=records-table] tbody tr')
    await expect(rows.count()).resolves.toBe(Math.min(atEnd.value, 1000))
    const first = rows.first().locator('a')
    const station = (await first.getAttribute('href'))!
    expect(station).toMatch(/^\/stations\/\d+$/)
    await officer.screenshot(`${OUT}/reports-records-desktop.png`)
    // The record opens the station's page of the app.
    await first.click()
    await officer.page.waitForURL(`**${station}`)
    await officer.page.locator('[data-testid=station-panel]').waitFor({ timeout: 30_000 })
    // Back to the list, and from it back to the same report.
    await officer.page.goBack()
    await officer.page.locator('[data-testid=report-back]').click()
    await officer.page.locator('[data-testid=report] h1.rp-title', { hasText: '6 tháng đầu năm 2018' }).waitFor()

    // A table cell's link: the cable works of one district.
    const cell = officer.page.locator('[data-testid=report-part-cables] table tbody tr').first().locator('td.num a')
    const cellValue = Number((await cell.first().innerText()).replaceAll('.', ''))
    await cell.first().click()
    await officer.page.waitForURL('**/reports/records?**')
    await total.waitFor()
    expect(Number(await total.getAttribute('data-total'))).toBe(cellValue)
    await expect(
      officer.page.locator('[data-testid=records-table] tbody tr a').first().getAttribute('href'),
    ).resolves.toMatch(/^\/cables\/\d+$/)
    expect(officer.errors).toEqual([])
  }, 300_000)

  it('downloads the section as DOCX and XLSX from the page', async () => {
    const officer = await signedIn('officer', DESKTOP)
    await officer.page.goto(`${new URL(officer.page.url()).origin}/reports?period=half&year=2018&half=1`)
    await officer.page.locator('[data-testid=report] h1.rp-title', { hasText: '6 tháng đầu năm 2018' }).waitFor({
      timeout: 60_000,
    })
    const atEnd = await shownFigure(officer, 'stations', 'Trạm BTS cuối kỳ')
    for (const format of ['docx', 'xlsx'] as const) {
      const link = officer.page.locator(`[data-testid=download-${format}]`)
      const href = (await link.getAttribute('href'))!
      expect(href).toBe(`/api/reports/section.${format}?period=half&year=2018&half=1`)
      // What the browser is answered (the session's cookie, as the click sends it) …
      const res = await officer.page.request.get(new URL(href, officer.page.url()).toString())
      expect(res.status()).toBe(200)
      expect(res.headers()['content-type']).toContain(
        format === 'docx' ? 'wordprocessingml.document' : 'spreadsheetml.sheet',
      )
      // … and the file the click saves.
      const [download] = await Promise.all([officer.page.waitForEvent('download'), link.click()])
      expect(download.suggestedFilename()).toBe(`bao-cao-ha-tang-vien-thong-2018-half1.${format}`)
      const bytes = fs.readFileSync((await download.path())!)
      expect(bytes.length).toBeGreaterThan(5_000)
      const files = unzipSync(new Uint8Array(bytes))
      if (format === 'docx') {
        const xml = new TextDecoder().decode(files['word/document.xml'])
        expect(xml).toContain('6 tháng đầu năm 2018')
        expect(xml).toContain(`${atEnd.text} trạm`)
      } else {
        const book = new ExcelJS.Workbook()
        await book.xlsx.load(bytes as unknown as ArrayBuffer)
        expect(book.worksheets.length).toBeGreaterThan(1)
        const lines: unknown[] = []
        book.getWorksheet('Báo cáo')!.eachRow((row) => lines.push(row.getCell(1).value))
        expect(lines.some((l) => String(l).includes(`${atEnd.text} trạm`))).toBe(true)
      }
    }
    expect(officer.errors).toEqual([])
  }, 300_000)

  it('fits a phone: the section and a list of records without sideways scrolling', async () => {
    const officer = await signedIn('officer', PHONE)
    await officer.page.goto(`${new URL(officer.page.url()).origin}/reports?period=half&year=2018&half=1`)
    await officer.page.locator('[data-testid=report] h1.rp-title', { hasText: '6 tháng đầu năm 2018' }).waitFor({
      timeout: 60_000,
    })
    expect(await overflow(officer)).toBe(0)
    await officer.screenshot(`${OUT}/reports-phone.png`)
    await officer.page.screenshot({ path: `${OUT}/reports-phone-full.png`, fullPage: true })
    const removed = await shownFigure(officer, 'stations', 'Phát triển mới trong kỳ')
    await removed.link.click()
    await officer.page.locator('[data-testid=records-total]').waitFor()
    expect(await overflow(officer)).toBe(0)
    await officer.screenshot(`${OUT}/reports-records-phone.png`)
    expect(officer.errors).toEqual([])
  }, 300_000)
})
