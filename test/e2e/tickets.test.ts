import { describe, expect, it } from 'vitest'
import { demoPhoto } from '../../gis-data/conversions'
import { AppDriver } from './driver'
import { PHONE } from './helpers/browser'
import { SCREENS, setupE2eApp } from './helpers/suite'

// The 1022 public form on a phone (issue 13 item 4): a citizen places the report by GPS, picks the category,
// writes what is wrong, adds a photo and sends it without signing in; the receipt gives the number and the code,
// and the lookup shows the report received, with its photo.
const { open, signedIn } = setupE2eApp((page, url) => new AppDriver(page, url))

/** A point inside one of the province's districts: the mean of its outline's vertices (the cells are convex). */
async function pointInProvince(app: AppDriver): Promise<{ latitude: number; longitude: number }> {
  return app.page.evaluate(async () => {
    const res = await fetch('/api/admin-units?level=district')
    const fc = (await res.json()) as { features: { geometry: { coordinates: number[][][][] } }[] }
    const ring = fc.features[0]!.geometry.coordinates[0]![0]!.slice(0, -1)
    const mean = (i: number) => ring.reduce((s, p) => s + p[i]!, 0) / ring.length
    return { longitude: mean(0), latitude: mean(1) }
  })
}

describe('the 1022 public form on a phone', () => {
  it('sends a report with a photo by GPS, answers the ticket number and code, and the lookup shows it', async () => {
    const app = await open(PHONE)
    await app.page.goto(`${app.baseUrl}/public/report`)
    await app.page.locator('[data-testid=ticket-form]').waitFor()
    const here = await pointInProvince(app)
    await app.page.context().grantPermissions(['geolocation'])
    await app.page.context().setGeolocation(here)
    await app.page.getByRole('button', { name: 'Dùng vị trí hiện tại (GPS)' }).click()
    await app.page.locator('[data-testid=ticket-place]', { hasText: 'Đã chọn' }).waitFor()
    await app.page.getByLabel('Cột không an toàn (nghiêng, gãy, mục)').check()
    await app.page.locator('textarea[name=description]').fill('Cột điện nghiêng, dây cáp sát mặt đường')
    await app.page.locator('[data-testid=ticket-photo]').setInputFiles({
      name: 'anh.png',
      mimeType: 'image/png',
      buffer: demoPhoto(),
    })
    await app.page.locator('input[name=phone]').fill('0903 000 111')
    await app.screenshot(`${SCREENS}/ticket-form-phone.png`)
    await app.page.locator('[data-testid=ticket-submit]').click()

    const receipt = app.page.locator('[data-testid=ticket-receipt]')
    await receipt.waitFor()
    const number = (await app.page.locator('[data-testid=ticket-number]').innerText()).trim()
    const code = (await app.page.locator('[data-testid=ticket-code]').innerText()).trim()
    expect(number).toMatch(/^1022-\d{4}-\d{6}$/)
    expect(code).toMatch(/^[A-Z2-9]{6}$/)
    expect(await receipt.innerText()).not.toContain('chưa gửi được ảnh')
    await app.screenshot(`${SCREENS}/ticket-receipt-phone.png`)

    await app.page.locator('[data-testid=ticket-lookup-link]').click()
    const answer = app.page.locator('[data-testid=lookup-answer]')
    await answer.waitFor()
    expect(await answer.getAttribute('data-status')).toBe('received')
    expect(await app.page.locator('[data-testid=lookup-status]').innerText()).toContain('Đã tiếp nhận')
    const text = await answer.innerText()
    expect(text).toContain(number)
    expect(text).not.toContain('0903')
    // the photo shows (served without metadata) and the page does not scroll sideways
    await app.page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid=lookup-answer] img')
      return Boolean(img?.complete) && (img?.naturalWidth ?? 0) > 0
    })
    const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await app.screenshot(`${SCREENS}/ticket-lookup-phone.png`)

    // the lookup is a link the reporter can come back to
    await app.page.reload()
    await answer.waitFor()
    expect(await answer.getAttribute('data-status')).toBe('received')
    expect(app.errors).toEqual([])

    // the officer finds it in the list (with the caller's phone), assigns it to Viettel
    const officer = await signedIn('officer')
    await officer.openSection('/tickets')
    await officer.page.locator('[data-testid=ticket-link]', { hasText: number }).click()
    const detail = officer.page.locator('[data-testid=ticket-detail]')
    await detail.waitFor()
    expect(await officer.page.locator('[data-testid=ticket-reporter]').innerText()).toContain('0903000111')
    await officer.page.locator('[data-testid=assign-carrier]').selectOption({ label: 'Viettel' })
    await officer.page.locator('[data-testid=step-assign]').click()
    await officer.page.locator('[data-testid=ticket-detail][data-status=assigned]').waitFor()
    await officer.screenshot(`${SCREENS}/ticket-detail-officer.png`)
    expect(officer.errors).toEqual([])

    // Viettel sees it on its phone, without the caller's phone
    const viettel = await signedIn('viettel', PHONE)
    await viettel.page.goto(`${viettel.baseUrl}/tickets`)
    await viettel.page.locator('[data-testid=ticket-link]', { hasText: number }).click()
    await viettel.page.locator('[data-testid=ticket-detail]').waitFor()
    const seen = await viettel.page.locator('[data-testid=ticket-detail]').innerText()
    expect(seen).toContain('Cột điện nghiêng')
    expect(seen).not.toContain('0903')
    expect(await viettel.page.locator('[data-testid=ticket-reporter]').count()).toBe(0)
    await viettel.screenshot(`${SCREENS}/ticket-detail-carrier-phone.png`)
    expect(viettel.errors).toEqual([])
  })
})
