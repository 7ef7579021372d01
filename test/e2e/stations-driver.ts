import { AppDriver } from './driver'

/** The exception reason the specs give where a demo site fails a rule (issue 11). */
export const EXCEPTION_REASON = 'Vị trí thử nghiệm E2E, chấp nhận ngoại lệ quy định'

/** What carriers, inspectors, officers and the public do with BTS stations, in the app's own terms. */
export class StationsDriver extends AppDriver {
  /** Waits until the map has drawn the districts and the stations tiles have loaded. */
  waitForStationsMap(): Promise<void> {
    return this.waitForMapSource('stations')
  }

  /** Places the new site by clicking the map at a fraction of its width and height. */
  async placeSite(fx = 0.5, fy = 0.5): Promise<void> {
    const box = (await this.page.locator('[data-testid=map] canvas').boundingBox())!
    await this.page.mouse.click(box.x + box.width * fx, box.y + box.height * fy)
    await this.page.locator('[data-testid=map-marker]').waitFor()
  }

  /** Fills the application's attributes (an A2a mast on a building). */
  async fillApplication(a: {
    siteCode: string
    address: string
    mastHeight: string
    buildingHeight: string
  }): Promise<void> {
    await this.page.locator('input[name=siteCode]').fill(a.siteCode)
    await this.page.locator('input[name=address]').fill(a.address)
    await this.page.locator('input[name=mastClass][value=A2a]').check({ force: true })
    await this.page.locator('input[name=mastHeightM]').fill(a.mastHeight)
    await this.page.locator('input[name=buildingHeightM]').fill(a.buildingHeight)
  }

  /** The rule results shown, as rule → outcome, once all eight have arrived. */
  async ruleOutcomes(): Promise<Record<string, string>> {
    await this.page.waitForFunction(
      () => document.querySelectorAll('[data-testid=rule-results] [data-rule]').length === 8,
      undefined,
      { timeout: 30_000 },
    )
    return this.page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll('[data-testid=rule-results] [data-rule]')].map((el) => [
          el.getAttribute('data-rule'),
          el.getAttribute('data-outcome'),
        ]),
      ),
    )
  }

  /** Submits the application and answers its id once the app shows it as submitted. */
  async submitApplication(): Promise<number> {
    await this.page.locator('[data-testid=submit-application]').click()
    await this.page.waitForURL(/\/applications\/\d+$/)
    await this.page.locator('[data-testid=station-panel] [data-state=submitted]').waitFor()
    return Number(/(\d+)$/.exec(this.page.url())![1])
  }

  /** Opens an application from the queue by its site code. */
  async openFromQueue(siteCode: string): Promise<void> {
    await this.page.locator(`[data-testid=queue] [data-site="${siteCode}"]`).click()
    await this.page.locator('[data-testid=actions]').waitFor()
  }

  /** Takes a workflow step from the station panel: opens its form (if any), fills it and confirms. */
  async takeAction(
    action: string,
    fill: Record<string, string> = {},
    photos: { name: string; mimeType: string; buffer: Buffer }[] = [],
  ): Promise<void> {
    await this.page.locator(`[data-testid=actions] [data-action=${action}]`).click()
    const form = this.page.locator(`[data-testid=form-${action}]`)
    if ((await form.count()) === 0) return
    for (const [name, value] of Object.entries(fill)) {
      const input = form.locator(`[name=${name}]`)
      // the exception reason is asked only when the application fails a rule
      if (name === 'exceptionReason' && (await input.count()) === 0) continue
      await input.fill(value)
    }
    if (photos.length > 0) await form.locator('input[type=file]').setInputFiles(photos)
    await form.locator('[data-testid=confirm-action]').click()
  }

  /** How many field-check photos the station panel shows as loaded images. */
  loadedPhotos(): Promise<number> {
    return this.page
      .locator('[data-testid=field-checks] img')
      .evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length)
  }

  /** Waits until the station panel shows a state. */
  async waitForState(state: string): Promise<void> {
    await this.page
      .locator(`[data-testid=station-panel] .panel-head [data-state=${state}]`)
      .waitFor({ timeout: 30_000 })
  }

  /** Calls the API in the page with this user's session; a status of 400 or more fails the test. */
  async api<T>(method: string, path: string, body?: unknown): Promise<T> {
    const r = await this.page.evaluate(
      async ({ method, path, body }) => {
        const init: RequestInit = { method, headers: { 'content-type': 'application/json' } }
        if (body !== undefined) init.body = JSON.stringify(body)
        const res = await fetch(path, init)
        return { status: res.status, text: await res.text() }
      },
      { method, path, body },
    )
    if (r.status >= 400) throw new Error(`${method} ${path}: ${r.status} ${r.text}`)
    return JSON.parse(r.text) as T
  }

  /** Takes a workflow action on a station through the API, at the station's current version. */
  async act(id: number, body: Record<string, unknown>): Promise<void> {
    const { version } = await this.api<{ version: number }>('GET', `/api/stations/${id}`)
    await this.api('POST', `/api/stations/${id}/transitions`, { version, ...body })
  }

  /**
   * As a signed-in carrier, creates and submits an application through the API at the map's opening centre
   * moved east by `eastDeg` (so that each test's site is its own); answers the station's id.
   */
  async submitThroughApi(siteCode: string, eastDeg: number): Promise<number> {
    await this.open('/applications/new')
    await this.waitForStationsMap()
    const [lon, lat] = await this.page.evaluate(() => window.__map!.getCenter().toArray())
    const site = {
      siteCode,
      address: '1 Lê Lợi, Phường Bến Nghé',
      position: { lon: lon + eastDeg, lat },
      mastClass: 'A2a',
    }
    const { id } = await this.api<{ id: number }>('POST', '/api/stations', {
      ...site,
      mastHeightM: 15,
      buildingHeightM: 24.5,
    })
    // the demo's masts are dense: a site may fail the spacing rule, which then needs a reason (ignored otherwise)
    await this.act(id, { action: 'submit', exceptionReason: EXCEPTION_REASON })
    return id
  }

  /** The station's stored position, read through the API as the signed-in user. */
  stationPosition(id: number): Promise<[number, number]> {
    return this.page.evaluate(async (stationId) => {
      const r = await fetch(`/api/stations/${stationId}`)
      return ((await r.json()) as { position: { coordinates: [number, number] } }).position.coordinates
    }, id)
  }

  /** Whether the stations layer draws a station (by id) once the map has moved to it and settled. */
  async mapShowsStation(id: number, at: [number, number]): Promise<boolean> {
    await this.page.evaluate((center) => window.__map!.jumpTo({ center, zoom: 16 }), at)
    await this.page.waitForFunction(
      () => window.__map!.loaded() && window.__map!.isSourceLoaded('stations'),
      undefined,
      { timeout: 30_000 },
    )
    return this.page.evaluate(
      (stationId) =>
        window.__map!.queryRenderedFeatures({ layers: ['stations-point'] }).some((f) => f.id === stationId),
      id,
    )
  }

  /** Clicks the map at a geographic point. */
  async clickMapAt(at: [number, number]): Promise<void> {
    const p = await this.page.evaluate((c) => window.__map!.project(c), at)
    const box = (await this.page.locator('[data-testid=map] canvas').boundingBox())!
    await this.page.mouse.click(box.x + p.x, box.y + p.y)
  }
}
