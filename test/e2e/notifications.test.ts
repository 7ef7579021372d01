import { describe, expect, it } from 'vitest'
import { DESKTOP, PHONE } from './helpers/browser'
import { SCREENS, setupE2eApp } from './helpers/suite'
import { StationsDriver } from './stations-driver'

const { signedIn } = setupE2eApp((page, url) => new StationsDriver(page, url))

/** Opens the bell's menu and answers its first notification's link, once it is the topmost thing where it is drawn. */
async function openBell(app: StationsDriver): Promise<{ href: string; position: string }> {
  await app.page.locator('[data-testid=bell]').click()
  const menu = app.page.locator('[data-testid=bell-menu]')
  await menu.waitFor()
  const note = menu.locator('a').first()
  await note.waitFor()
  // Styled: the menu is taken out of the top bar's flow (bell.css), not laid out inside it.
  const position = await menu.evaluate((el) => getComputedStyle(el).position)
  // Above the page: the element a click at the link's centre reaches is the link (or inside it), not the map.
  const onTop = await note.evaluate((el) => {
    const r = el.getBoundingClientRect()
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
    return hit !== null && el.contains(hit)
  })
  expect(onTop).toBe(true)
  return { href: (await note.getAttribute('href')) ?? '', position }
}

describe('the notification bell', () => {
  it('opens styled above the map on /map and leads an officer to the station, not the queue', async () => {
    const id = await (await signedIn('viettel')).submitThroughApi('BELL-MAP-1', 0.016)
    const officer = await signedIn('officer', DESKTOP)
    await officer.open('/map')
    await officer.waitForDistricts()
    const { href, position } = await openBell(officer)
    expect(position).toBe('absolute')
    expect(href).toBe(`/stations/${id}`)
    await officer.screenshot(`${SCREENS}/bell-map-desktop.png`)
    await officer.page.locator('[data-testid=bell-menu] a').first().click()
    await officer.page.waitForURL(`**/stations/${id}`)
    // The station's own record: its panel names the site once its detail has loaded.
    await officer.page
      .locator('[data-testid=station-panel] #st-panel-title', { hasText: 'BELL-MAP-1' })
      .waitFor({ timeout: 60_000 })
    expect(officer.errors).toEqual([])
  })

  it('opens styled on a cables page and on a phone, and leads a carrier to its application', async () => {
    const carrier = await signedIn('viettel')
    const id = await carrier.submitThroughApi('BELL-CAB-1', 0.02)
    const officer = await signedIn('officer', PHONE)
    await officer.act(id, { action: 'return', note: 'Bổ sung ảnh hiện trạng.' })
    await officer.open('/map')
    await officer.waitForDistricts()
    expect((await openBell(officer)).position).toBe('fixed')
    await officer.screenshot(`${SCREENS}/bell-map-phone.png`)

    const office = await signedIn('officer', DESKTOP)
    await office.open('/cables')
    await office.page.locator('[data-testid=route-list]').waitFor()
    expect((await openBell(office)).position).toBe('absolute')
    await office.screenshot(`${SCREENS}/bell-cables-desktop.png`)

    const phone = await signedIn('viettel', PHONE)
    await phone.open('/cables')
    await phone.page.locator('[data-testid=route-list]').waitFor()
    const { href, position } = await openBell(phone)
    expect(position).toBe('fixed')
    expect(href).toBe(`/applications/${id}`)
    await phone.screenshot(`${SCREENS}/bell-cables-phone.png`)
    expect([...officer.errors, ...office.errors, ...phone.errors]).toEqual([])
  })
})
