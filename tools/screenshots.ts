// `npm run screenshots`: the stations pages drawn at desktop and phone size, saved for a person to look at
// (E2E_SCREENS_DIR, default /tmp/screens). A tool, not a test: it checks nothing beyond reaching each screen and
// reports the page errors it saw. Needs Chromium, like the e2e tests.
import fs from 'node:fs'
import { DEMO_PASSWORD } from '../gis-data/demo'
import { DESKTOP, launchChromium, newContext, PHONE } from '../test/e2e/helpers/browser'
import { startE2eServer } from '../test/e2e/helpers/server'
import { SCREENS } from '../test/e2e/helpers/suite'
import { StationsDriver } from '../test/e2e/stations-driver'

const server = await startE2eServer()
const browser = await launchChromium()
const errors: string[] = []
fs.mkdirSync(SCREENS, { recursive: true })
try {
  for (const [name, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    const page = async (username?: string) => {
      const context = await newContext(browser, viewport)
      const driver = new StationsDriver(await context.newPage(), server.url)
      if (username) await driver.signIn(username, DEMO_PASSWORD)
      return driver
    }
    const officer = await page('officer')
    await officer.openSection('/stations')
    await officer.waitForStationsMap()
    await officer.screenshot(`${SCREENS}/stations-map-${name}.png`)
    await officer.openSection('/queue')
    await officer.page.locator('[data-testid=queue] button').first().click()
    await officer.page.locator('[data-testid=actions]').waitFor()
    await officer.page.waitForTimeout(1500)
    await officer.screenshot(`${SCREENS}/stations-queue-${name}.png`)

    const carrier = await page('mobifone')
    await carrier.openSection('/applications')
    await carrier.page.locator('[data-testid=applications] tbody tr').first().waitFor()
    await carrier.screenshot(`${SCREENS}/stations-applications-${name}.png`)
    await carrier.open('/applications/new')
    await carrier.waitForStationsMap()
    await carrier.screenshot(`${SCREENS}/stations-new-${name}.png`)

    const visitor = await page()
    await visitor.open('/public/map')
    await visitor.waitForStationsMap()
    await visitor.screenshot(`${SCREENS}/stations-public-map-${name}.png`)
    await visitor.open('/public/permit')
    await visitor.waitForStationsMap()
    await visitor.placeSite(0.5, 0.5)
    await visitor.page.locator('input[name=mastHeightM]').fill('2,5')
    await visitor.page.locator('input[name=buildingHeightM]').fill('18')
    await visitor.page.locator('[data-testid=permit-submit]').click()
    await visitor.page.locator('[data-testid=permit-answer]').waitFor()
    await visitor.screenshot(`${SCREENS}/stations-permit-${name}.png`)
    errors.push(...officer.errors, ...carrier.errors, ...visitor.errors)
  }
} finally {
  await browser.close()
  await server.stop()
}
console.log(`screens in ${SCREENS}${errors.length > 0 ? `; page errors:\n${errors.join('\n')}` : ''}`)
