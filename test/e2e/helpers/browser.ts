import fs from 'node:fs'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'

const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Debian's Chromium, headless; the flags keep it off this machine's closed network. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(EXECUTABLE))
    throw new Error(`Chromium not found at ${EXECUTABLE} (apt-get install chromium, or set CHROMIUM_PATH)`)
  return chromium.launch({
    executablePath: EXECUTABLE,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  })
}

export const DESKTOP = { width: 1440, height: 900 }
export const PHONE = { width: 390, height: 844 }
export const SMALL_PHONE = { width: 360, height: 740 }

/** A fresh browser context (no cookies, no stored language) of a given screen size. */
export function newContext(browser: Browser, viewport: { width: number; height: number }): Promise<BrowserContext> {
  const phone = viewport.width < 600
  return browser.newContext({ viewport, deviceScaleFactor: 1, isMobile: phone, hasTouch: phone, locale: 'vi-VN' })
}
