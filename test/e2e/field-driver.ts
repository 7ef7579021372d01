import type { Page } from 'playwright-core'
import { AppDriver } from './driver'
import type { CutProxy } from './helpers/cut-proxy'

/** A signed-in API session straight to the server (not through the browser's cut-able proxy). */
export class ApiSession {
  private constructor(
    readonly baseUrl: string,
    private readonly cookie: string,
    readonly user: { id: number; role: string },
  ) {}

  static async signIn(baseUrl: string, username: string, password: string): Promise<ApiSession> {
    const res = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: baseUrl },
      body: JSON.stringify({ username, password }),
    })
    if (!res.ok) throw new Error(`sign-in of ${username}: ${res.status} ${await res.text()}`)
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    const { user } = (await res.json()) as { user: { id: number; role: string } }
    return new ApiSession(baseUrl, cookie, user)
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; data: T }> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        Cookie: this.cookie,
        Origin: this.baseUrl,
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    return { status: res.status, data: (text ? JSON.parse(text) : null) as T }
  }

  async get<T>(path: string): Promise<T> {
    const r = await this.call<T>('GET', path)
    if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${JSON.stringify(r.data)}`)
    return r.data
  }

  async bytes(path: string): Promise<Buffer> {
    const res = await fetch(`${this.baseUrl}${path}`, { headers: { Cookie: this.cookie } })
    if (!res.ok) throw new Error(`GET ${path}: ${res.status}`)
    return Buffer.from(await res.arrayBuffer())
  }
}

/** What an inspector does in field mode (/field), in the app's own terms; the network goes through `proxy`. */
export class FieldDriver extends AppDriver {
  constructor(
    page: Page,
    baseUrl: string,
    readonly proxy: CutProxy,
    /** The server itself, for the test's own API calls. */
    readonly serverUrl: string,
  ) {
    super(page, baseUrl)
  }

  /** Grants the geolocation permission and places the phone at a point. */
  async placePhone([lon, lat]: [number, number]): Promise<void> {
    await this.page.context().grantPermissions(['geolocation'], { origin: this.baseUrl })
    await this.page.context().setGeolocation({ longitude: lon, latitude: lat, accuracy: 5 })
  }

  async openField(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/field`)
    await this.waitForField()
  }

  async waitForField(): Promise<void> {
    await this.page.locator('[data-testid=field-page]').waitFor({ timeout: 60_000 })
    await this.page.locator('[data-testid=assignment-list], .fd-side .side-empty').first().waitFor({ timeout: 60_000 })
  }

  /** Waits until the service worker controls the page and has kept what a reload needs offline. */
  async waitOfflineReady(): Promise<void> {
    const badge = this.page.locator('[data-testid=offline-ready]')
    await this.page.locator('[data-testid=offline-ready]:not([data-state=preparing])').waitFor({ timeout: 240_000 })
    if ((await badge.getAttribute('data-state')) !== 'ready') throw new Error(await badge.innerText())
    // and the map tiles of the area (fetched after the answers a reload needs)
    await this.page.locator('[data-testid=offline-ready]:not([data-tiles=fetching])').waitFor({ timeout: 300_000 })
    if ((await badge.getAttribute('data-tiles')) !== 'kept') throw new Error('the tiles of the area were not kept')
  }

  /** Pulls the cable (the proxy refuses every connection) and puts the browser offline. */
  async goOffline(): Promise<void> {
    this.proxy.cut()
    await this.page.context().setOffline(true)
  }

  async goOnline(): Promise<void> {
    this.proxy.restore()
    await this.page.context().setOffline(false)
  }

  netState(): Promise<string> {
    return this.page.locator('[data-testid=net-state]').innerText()
  }

  async tab(view: 'list' | 'map' | 'queue'): Promise<void> {
    const tab = this.page.locator(`[data-testid=tab-${view}]`)
    if (await tab.isVisible()) await tab.click()
  }

  /** The assignments as listed (label, distance text), top to bottom. */
  async assignments(): Promise<{ label: string; distance: string; stage: string }[]> {
    await this.tab('list')
    return this.page.locator('[data-testid=assignment]').evaluateAll((cards) =>
      cards.map((c) => ({
        label: c.querySelector('strong')?.textContent ?? '',
        distance: c.querySelector('[data-testid=distance]')?.textContent ?? '',
        stage: c.getAttribute('data-stage') ?? '',
      })),
    )
  }

  async openAssignment(label: string): Promise<void> {
    await this.tab('list')
    await this.page.locator('[data-testid=assignment]', { hasText: label }).click()
    await this.page.locator('[data-testid=inspection-form]').waitFor()
  }

  /** Answers every yes/no item of the checklist with "Có". */
  async answerChecklistYes(): Promise<void> {
    const yes = this.page.locator('[data-testid=checklist] button[data-value=true]')
    for (let i = 0; i < (await yes.count()); i++) await yes.nth(i).click()
  }

  async fill(name: string, value: string): Promise<void> {
    await this.page.locator(`[data-testid=inspection-form] [name=${name}]`).fill(value)
  }

  async chooseMastClass(value: string): Promise<void> {
    await this.page.locator('[data-testid=inspection-form] select[name=mastClass]').selectOption(value)
  }

  async useMyPosition(): Promise<string> {
    await this.page.locator('[data-testid=use-gps]').click()
    return this.page.locator('[data-testid=position-state]').innerText()
  }

  async takePhotos(files: { name: string; buffer: Buffer }[]): Promise<void> {
    await this.page
      .locator('[data-testid=camera]')
      .setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'image/jpeg', buffer: f.buffer })))
  }

  async saveRecord(): Promise<void> {
    await this.page.locator('[data-testid=save-record]').click()
    await this.page.locator('[data-testid=saved-note]').waitFor()
  }

  /** Opens the map tab and counts the stations drawn from the field map's vector tiles once they are in. */
  async offlineStationsDrawn(): Promise<number> {
    await this.tab('map')
    await this.page.waitForFunction(
      () => {
        const map = window.__map
        return Boolean(map?.getSource('field-stations') && map.isSourceLoaded('field-stations') && map.loaded())
      },
      undefined,
      { timeout: 60_000 },
    )
    return this.page.evaluate(() => window.__map!.queryRenderedFeatures({ layers: ['field-stations-dot'] }).length)
  }

  /** The sync queue as shown: label, state, and its text. */
  async queue(): Promise<{ label: string; state: string; text: string }[]> {
    await this.tab('queue')
    return this.page.locator('[data-testid=queue-item]').evaluateAll((items) =>
      items.map((i) => ({
        label: i.querySelector('strong')?.textContent ?? '',
        state: i.getAttribute('data-state') ?? '',
        text: (i as HTMLElement).innerText,
      })),
    )
  }

  async queueState(label: string): Promise<string | null> {
    return (await this.queue()).find((q) => q.label === label)?.state ?? null
  }

  /** A JPEG Chromium encodes from a canvas (w×h, a gradient in `hue`), as bytes. */
  async canvasJpeg(w: number, h: number, hue: number): Promise<Buffer> {
    const dataUrl = await this.page.evaluate(
      ([width, height, h0]) => {
        const canvas = document.createElement('canvas')
        canvas.width = width
        canvas.height = height
        const g = canvas.getContext('2d')!
        for (let x = 0; x < width; x += 4) {
          g.fillStyle = `hsl(${h0 + x}, 70%, 50%)`
          g.fillRect(x, 0, 4, height)
        }
        return canvas.toDataURL('image/jpeg', 0.85)
      },
      [w, h, hue] as const,
    )
    return Buffer.from(dataUrl.split(',')[1]!, 'base64')
  }
}
