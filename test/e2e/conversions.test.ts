import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext } from 'playwright-core'
import { launchChromium, newContext, DESKTOP, PHONE } from './helpers/browser'
import { startE2eServer, type E2eServer } from './helpers/server'
import { AppDriver } from './driver'
import { demoPhoto } from '../../gis-data/conversions'
import { DEMO_PASSWORD } from '../../gis-data/demo'

// Screenshots for a person to look at; not compared, not committed.
const SCREENS = process.env.E2E_SCREENS_DIR ?? '/tmp/screens'

/** The conversion pages in the app's own terms. */
class ConversionsDriver extends AppDriver {
  async openDashboard(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/conversions`)
    await this.page.locator('[data-testid=conv-dashboard] [data-testid=burnup]').waitFor({ timeout: 60_000 })
  }

  /** The verified count of a phase as the dashboard shows it ("3.390" → 3390). */
  async phaseDone(seq: number): Promise<number> {
    const text = await this.page.locator(`[data-testid=phase-${seq}-done]`).innerText()
    return Number(text.replace(/\D/g, ''))
  }

  /** The programme's verified count on the status strip. */
  async verifiedCount(): Promise<number> {
    const text = await this.page.locator('[data-testid=count-verified] strong').innerText()
    return Number(text.replace(/\D/g, ''))
  }

  /** Opens the first item of a filtered list and answers its site code. */
  async openFirstItem(query: string): Promise<string> {
    await this.page.goto(`${this.baseUrl}/conversions/items?${query}`)
    const link = this.page.locator('[data-testid=item-link]').first()
    await link.waitFor({ timeout: 30_000 })
    const code = (await link.innerText()).trim()
    await link.click()
    await this.page.locator('[data-testid=item-detail]').waitFor()
    return code
  }

  async uploadPhoto(bytes: Buffer): Promise<void> {
    await this.page
      .locator('[data-testid=photo-input]')
      .setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: bytes })
    await this.page.locator('.conv-photos img').first().waitFor()
  }

  async reportDone(height: string): Promise<void> {
    const form = this.page.locator('[data-testid=report-form]')
    await form.locator('input[name=height]').fill(height)
    await form.locator('button[type=submit]').click()
  }

  async verify(): Promise<void> {
    await this.page.locator('[data-testid=verify-form] button[type=submit]').click()
  }

  /** The app scrolls inside its shell, so a whole page is shot through a tall viewport. */
  async screenshotTall(file: string, height: number): Promise<void> {
    const size = this.page.viewportSize()!
    await this.page.setViewportSize({ width: size.width, height })
    await this.page.waitForTimeout(300)
    await this.screenshot(file)
    await this.page.setViewportSize(size)
  }

  status(): Promise<string> {
    return this.page.locator('.conv-detail-head .conv-status').innerText()
  }
}

let server: E2eServer
let browser: Browser
const contexts: BrowserContext[] = []

async function open(viewport = DESKTOP): Promise<ConversionsDriver> {
  const context = await newContext(browser, viewport)
  contexts.push(context)
  return new ConversionsDriver(await context.newPage(), server.url)
}

beforeAll(async () => {
  fs.mkdirSync(SCREENS, { recursive: true })
  server = await startE2eServer()
  // On PostgreSQL the demo layers load after the server listens; the conversions layer comes last.
  for (const until = Date.now() + 600_000; ; ) {
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as { demo: string[] }
    if (health.demo.includes('conversions')) break
    if (Date.now() > until) throw new Error('the demo conversions layer did not load in time')
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  browser = await launchChromium()
}, 900_000)

afterAll(async () => {
  for (const c of contexts) await c.close()
  await browser?.close()
  await server?.stop()
})

describe('the conversion programme in the browser', () => {
  it('counts one more on the dashboard when a carrier reports with a photo and an inspector verifies', async () => {
    const officer = await open()
    await officer.signIn('officer', DEMO_PASSWORD)
    await officer.openDashboard()
    const before = await officer.verifiedCount()
    const phase2 = await officer.phaseDone(2)
    expect(phase2).toBeGreaterThan(1_475)
    await officer.screenshot(`${SCREENS}/conversions-dashboard-desktop.png`)
    await officer.screenshotTall(`${SCREENS}/conversions-dashboard-desktop-full.png`, 2900)

    const carrier = await open()
    await carrier.signIn('viettel', DEMO_PASSWORD)
    const code = await carrier.openFirstItem('status=planned&phase=2')
    await carrier.uploadPhoto(demoPhoto())
    await carrier.reportDone('9,5')
    await expect.poll(() => carrier.status()).toBe('DN báo hoàn thành')
    await carrier.screenshot(`${SCREENS}/conversions-item-reported.png`)

    const inspector = await open()
    await inspector.signIn('inspector', DEMO_PASSWORD)
    await inspector.page.goto(`${server.url}/conversions/verify`)
    await inspector.page.locator('[data-testid=queue-item]').first().waitFor({ timeout: 30_000 })
    await inspector.waitForDistricts()
    await inspector.screenshot(`${SCREENS}/conversions-verify-desktop.png`)
    await inspector.page.locator('[data-testid=queue-item]', { hasText: code }).click()
    await inspector.page.locator('[data-testid=item-detail]').waitFor()
    expect(await inspector.page.locator('[data-testid=measured]').innerText()).toContain('9,5 m')
    await inspector.verify()
    await expect.poll(() => inspector.status()).toBe('Đã nghiệm thu')

    await officer.openDashboard()
    expect(await officer.verifiedCount()).toBe(before + 1)
    // Phase 2's deadline (2025) has passed: its card keeps the count verified by then.
    expect(await officer.phaseDone(2)).toBe(phase2)
    expect(officer.errors).toEqual([])
    expect(carrier.errors).toEqual([])
    expect(inspector.errors).toEqual([])
  })

  it('draws the items on the map coloured by status and fits a phone', async () => {
    const officer = await open()
    await officer.signIn('officer', DEMO_PASSWORD)
    await officer.page.goto(`${server.url}/conversions/map`)
    await officer.waitForDistricts()
    await officer.page.waitForFunction(
      () => window.__map!.queryRenderedFeatures({ layers: ['conversion-items-point'] }).length > 1000,
      undefined,
      { timeout: 60_000 },
    )
    await officer.screenshot(`${SCREENS}/conversions-map-desktop.png`)
    await officer.page.goto(`${server.url}/conversions/items?overdue=true`)
    await officer.page.locator('[data-testid=item-link]').first().waitFor()
    await officer.screenshot(`${SCREENS}/conversions-items-desktop.png`)
    await officer.page.goto(`${server.url}/conversions/import`)
    await officer.page
      .locator('textarea')
      .fill('station_code,kind,to_class,to_height_m,design,phase\nNO-SUCH-1,lower,,12,,2\nVIE-760-00001,paint,,x,,2\n')
    await officer.page.getByRole('button', { name: 'Kiểm tra' }).click()
    await officer.page.locator('[data-testid=import-problems]').waitFor()
    await officer.screenshot(`${SCREENS}/conversions-import-desktop.png`)

    const phone = await open(PHONE)
    await phone.signIn('officer', DEMO_PASSWORD)
    await phone.openDashboard()
    const width = await phone.page.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(PHONE.width)
    await phone.screenshot(`${SCREENS}/conversions-dashboard-phone.png`)
    await phone.screenshotTall(`${SCREENS}/conversions-dashboard-phone-full.png`, 5200)
    await phone.page.goto(`${server.url}/conversions/map`)
    await phone.waitForDistricts()
    await phone.screenshot(`${SCREENS}/conversions-map-phone.png`)
  })
})
