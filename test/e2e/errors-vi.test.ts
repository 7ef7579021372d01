import { describe, expect, it } from 'vitest'
import { setupE2eApp, SCREENS } from './helpers/suite'
import { StationsDriver } from './stations-driver'
import { englishFragments } from '../helpers/server-messages'

// Issue 11: after a refused write the Vietnamese UI shows the server's problem in Vietnamese: no stretch of any
// English server message (the whole catalogue, server/http/messages.en.ts) is on the page.
const ENGLISH = englishFragments()

const { signedIn } = setupE2eApp((page, url) => new StationsDriver(page, url))

async function englishOnPage(app: StationsDriver): Promise<string[]> {
  const text = await app.page.locator('body').innerText()
  return ENGLISH.filter((fragment) => text.includes(fragment))
}

describe('refused writes in the Vietnamese UI', () => {
  it('an invalid application: the field errors and the summary are Vietnamese', async () => {
    const carrier = await signedIn('viettel')
    expect(await carrier.page.evaluate(() => document.documentElement.lang)).toBe('vi')
    await carrier.open('/applications/new')
    await carrier.waitForStationsMap()
    await carrier.placeSite(0.3, 0.7)
    await carrier.fillApplication({ siteCode: 'x', address: '2 Lê Lợi', mastHeight: '200', buildingHeight: '20' })
    const answer = carrier.page.waitForResponse(
      (r) => r.url().endsWith('/api/stations') && r.request().method() === 'POST',
    )
    await carrier.page.locator('[data-testid=save-draft]').click()
    const res = await answer
    expect(res.status()).toBe(400)
    expect(res.headers()['content-language']).toBe('vi')
    expect(await res.request().headerValue('accept-language')).toBe('vi')
    await carrier.page.getByText('Cột cao tối đa 150 m.').first().waitFor()
    await carrier.page.getByText('Dùng 2–40 ký tự', { exact: false }).first().waitFor()
    expect(await englishOnPage(carrier)).toEqual([])
    await carrier.screenshot(`${SCREENS}/errors-vi-application.png`)
    expect(carrier.errors).toEqual([])
  })

  it('a wrong file import: the report is Vietnamese', async () => {
    const carrier = await signedIn('viettel')
    await carrier.open('/applications')
    await carrier.page.locator('[data-testid=open-import]').click()
    const form = carrier.page.locator('[data-testid=csv-import]')
    await form.locator('input[type=file]').setInputFiles({
      name: 'tram.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('ma_tram;kinh_do;vi_do\nVT-1;106,7;10,8\n'),
    })
    const answer = carrier.page.waitForResponse((r) => r.url().includes('/api/stations/import'))
    await form.locator('button[type=submit]').click()
    const res = await answer
    expect(res.status()).toBeGreaterThanOrEqual(400)
    expect(((await res.json()) as { code: string }).code).toMatch(/^csv\./)
    await form.locator('.status-error, [data-testid=import-errors]').first().waitFor()
    expect(await englishOnPage(carrier)).toEqual([])
    expect(carrier.errors).toEqual([])
  })

  it('an application failing a rule: submitting asks for the exception reason; the override shows on it', async () => {
    const carrier = await signedIn('viettel')
    // a submitted site of viettel's at the map's opening centre: a new one on the same spot duplicates it
    await carrier.submitThroughApi('E2E-OVR-1', 0.004)
    await carrier.open('/applications/new')
    await carrier.waitForStationsMap()
    const [lon, lat] = await carrier.page.evaluate(() => window.__map!.getCenter().toArray())
    // close in (a pixel is about half a metre), so that the click lands on the first site
    await carrier.page.evaluate((c) => window.__map!.jumpTo({ center: c, zoom: 18 }), [lon + 0.004, lat] as [
      number,
      number,
    ])
    await carrier.page.waitForFunction(() => window.__map!.loaded(), undefined, { timeout: 30_000 })
    await carrier.clickMapAt([lon + 0.004, lat])
    await carrier.page.locator('[data-testid=map-marker]').waitFor()
    await carrier.fillApplication({
      siteCode: 'E2E-OVR-2',
      address: '3 Lê Lợi',
      mastHeight: '15',
      buildingHeight: '24,5',
    })
    const outcomes = await carrier.ruleOutcomes()
    expect(outcomes.duplicate).toBe('fail')
    const exception = carrier.page.locator('[data-testid=exception]')
    await exception.waitFor()
    expect(await exception.innerText()).toContain('Trùng trạm của doanh nghiệp')
    // without a reason nothing is submitted and the reason field says what is missing
    await carrier.page.locator('[data-testid=submit-application]').click()
    await exception.locator('.field-error').waitFor()
    expect(carrier.page.url()).toMatch(/\/applications\/new$/)
    expect(await englishOnPage(carrier)).toEqual([])
    await exception.locator('textarea[name=exceptionReason]').fill('Cột cũ E2E-OVR-1 sẽ tháo dỡ khi trạm này hoạt động')
    const id = await carrier.submitApplication()
    const overrides = carrier.page.locator('[data-testid=rule-overrides]')
    await overrides.waitFor()
    expect(await overrides.innerText()).toContain('Cột cũ E2E-OVR-1 sẽ tháo dỡ')
    const station = await carrier.api<{ ruleOverrides: { rules: string[] }[] }>('GET', `/api/stations/${id}`)
    expect(station.ruleOverrides[0]!.rules).toContain('duplicate')
    await carrier.screenshot(`${SCREENS}/errors-vi-override.png`)
    expect(carrier.errors).toEqual([])
  })
})
