import fs from 'node:fs'
import { afterAll, beforeAll } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { AppDriver } from '../driver'
import { DESKTOP, launchChromium, newContext } from './browser'
import { startE2eServer, type E2eServer } from './server'
import { DEMO_PASSWORD } from '../../../gis-data/demo'

/** Where specs save screenshots for a person to look at; not compared, not committed. */
export const SCREENS = process.env.E2E_SCREENS_DIR ?? '/tmp/screens'

/**
 * A spec file's shared setup: before its tests the real server and Chromium start; after them every page's
 * context, the browser and the server close. `open` gives a fresh page of a given size in the spec's driver;
 * `signedIn` also signs a demo user in with the published demo password; `env` adds server settings.
 */
export function setupE2eApp<D extends AppDriver>(
  driverFor: (page: Page, url: string) => D | Promise<D>,
  options: { env?: Record<string, string> } = {},
) {
  let server: E2eServer
  let browser: Browser
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    fs.mkdirSync(SCREENS, { recursive: true })
    server = await startE2eServer(options.env)
    browser = await launchChromium()
  })

  afterAll(async () => {
    for (const c of contexts) await c.close()
    await browser?.close()
    await server?.stop()
  })

  async function open(viewport = DESKTOP): Promise<D> {
    const context = await newContext(browser, viewport)
    contexts.push(context)
    return driverFor(await context.newPage(), server.url)
  }

  async function signedIn(username: string, viewport = DESKTOP): Promise<D> {
    const app = await open(viewport)
    await app.signIn(username, DEMO_PASSWORD)
    return app
  }

  return { open, signedIn }
}
