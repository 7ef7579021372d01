import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DESKTOP, PHONE } from './helpers/browser'
import { setupE2eApp } from './helpers/suite'
import { ADMIN_PASSWORD } from './helpers/server'
import { AppDriver } from './driver'
import { DEMO_PASSWORD } from '../../gis-data/demo'

// Issue 11: "no horizontal scroll on the phone on any list page". Every list page of every role is opened at
// 390×844 once its rows are there, and the document must be no wider than the screen. Screenshots (phone and
// desktop) go to test/e2e/out/ for a person to look at; they are not compared.

const OUT = path.resolve('test/e2e/out')

/** A list page: where it lives and what shows once its rows have arrived. */
const LISTS: Record<string, { path: string; ready: string }[]> = {
  viettel: [
    { path: '/applications', ready: '[data-testid=applications] tbody tr' },
    { path: '/stations', ready: '[data-testid=station-list] li' },
    { path: '/conversions/items', ready: '[data-testid=item-link]' },
    { path: '/cables', ready: '[data-testid=route-list] li' },
  ],
  officer: [
    { path: '/queue', ready: '[data-testid=queue] li' },
    { path: '/stations', ready: '[data-testid=station-list] li' },
    { path: '/conversions/items', ready: '[data-testid=item-link]' },
    { path: '/cables', ready: '[data-testid=route-list] li' },
    { path: '/audit', ready: '[data-testid=audit] tbody tr' },
    { path: '/planning', ready: '[data-testid=planning-page] table tbody tr' },
  ],
  admin: [
    { path: '/users', ready: 'table tbody tr' },
    { path: '/carriers', ready: 'table tbody tr' },
    { path: '/boundaries', ready: 'table tbody tr' },
    { path: '/api-tokens', ready: '[data-testid=api-tokens] tbody tr' },
    { path: '/audit', ready: '[data-testid=audit] tbody tr' },
  ],
}

const { open } = setupE2eApp((page, url) => new AppDriver(page, url))

/** The document's width beyond the screen's, in CSS pixels (0 when nothing scrolls sideways). */
function overflow(app: AppDriver): Promise<number> {
  return app.page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth))
}

/** A role's phone and desktop pages, signed in once and shared by its page checks. */
const signedIn = new Map<string, Promise<{ phone: AppDriver; desktop: AppDriver }>>()
function pagesOf(role: string) {
  if (!signedIn.has(role))
    signedIn.set(
      role,
      (async () => {
        const password = role === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD
        const phone = await open(PHONE)
        await phone.signIn(role, password)
        const desktop = await open(DESKTOP)
        await desktop.signIn(role, password)
        return { phone, desktop }
      })(),
    )
  return signedIn.get(role)!
}

describe('list pages on a phone (390×844)', () => {
  for (const [role, pages] of Object.entries(LISTS)) {
    for (const p of pages) {
      it(`${p.path} never scrolls sideways for ${role}`, async () => {
        fs.mkdirSync(OUT, { recursive: true })
        const { phone, desktop } = await pagesOf(role)
        const name = `${role}${p.path.replaceAll('/', '-')}`
        for (const [app, size] of [
          [phone, 'phone'],
          [desktop, 'desktop'],
        ] as const) {
          await app.page.goto(`${app.baseUrl}${p.path}`)
          // attached, not visible: on a phone a map page's list waits in a sheet below the map
          await app.page.locator(p.ready).first().waitFor({ state: 'attached', timeout: 60_000 })
          await app.page.screenshot({ path: `${OUT}/lists-${name}-${size}.png`, fullPage: size === 'phone' })
        }
        expect(await overflow(phone)).toBe(0)
        expect(phone.errors).toEqual([])
      }, 240_000) // the role's first page signs in twice and opens a map page on a busy machine
    }
  }
})
