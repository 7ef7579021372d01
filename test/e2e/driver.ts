import type { Page } from 'playwright-core'

/** What a person does with the app, in the app's own terms; specs speak through this. */
export class AppDriver {
  readonly errors: string[] = []

  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {
    page.on('pageerror', (err) => this.errors.push(err.message))
  }

  /** Opens an app path directly (as a bookmark would). */
  async open(path: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}${path}`)
  }

  /** Waits until the map is ready and has loaded the tiles of one of its sources for the view. */
  async waitForMapSource(source: string, timeout = 60_000): Promise<void> {
    await this.page.locator('[data-testid=map][data-ready=true]').waitFor({ timeout })
    await this.page.waitForFunction(
      (id) => {
        const map = window.__map
        return Boolean(map?.getSource(id) && map.isSourceLoaded(id) && map.loaded())
      },
      source,
      { timeout },
    )
  }

  async openSignIn(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/login`)
    await this.page.locator('input[name=username]').waitFor()
  }

  async fillSignIn(username: string, password: string): Promise<void> {
    await this.page.locator('input[name=username]').fill(username)
    await this.page.locator('input[name=password]').fill(password)
    await this.page.locator('form button[type=submit]').click()
  }

  /** Signs in and waits for the signed-in shell. */
  async signIn(username: string, password: string): Promise<void> {
    await this.openSignIn()
    await this.fillSignIn(username, password)
    await this.page.locator('[data-testid=main-nav]').waitFor()
  }

  /** The text of the sign-in error once it shows. */
  async signInError(): Promise<string> {
    const box = this.page.locator('[data-testid=signin-error]')
    await box.waitFor()
    return (await box.innerText()).trim()
  }

  /** Waits until the map has its districts and has drawn a frame with them. */
  async waitForDistricts(): Promise<void> {
    await this.page.locator('[data-testid=map][data-ready=true]').waitFor({ timeout: 60_000 })
    await this.page.waitForFunction(
      () => {
        const map = window.__map
        return Boolean(map?.loaded() && map.queryRenderedFeatures({ layers: ['districts-fill'] }).length > 0)
      },
      undefined,
      { timeout: 60_000 },
    )
  }

  /** Distinct district codes MapLibre reports as drawn in the given layer. */
  renderedDistrictCodes(layer: 'districts-fill' | 'districts-label'): Promise<string[]> {
    return this.page.evaluate((id) => {
      const features = window.__map!.queryRenderedFeatures({ layers: [id] })
      return [...new Set(features.map((f) => String(f.properties.code)))]
    }, layer)
  }

  /** The colours of a 9×9 grid of pixels of the map canvas, read back from WebGL right after a frame. */
  canvasColours(): Promise<string[]> {
    return this.page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const map = window.__map!
          // Read inside the render event, before the browser composites and clears the drawing buffer.
          map.once('render', () => {
            const gl = map.painter.context.gl
            const colours = new Set<string>()
            const px = new Uint8Array(4)
            for (let i = 1; i < 10; i++) {
              for (let j = 1; j < 10; j++) {
                gl.readPixels(
                  Math.floor((gl.drawingBufferWidth * i) / 10),
                  Math.floor((gl.drawingBufferHeight * j) / 10),
                  1,
                  1,
                  gl.RGBA,
                  gl.UNSIGNED_BYTE,
                  px,
                )
                colours.add(`${px[0]},${px[1]},${px[2]}`)
              }
            }
            resolve([...colours])
          })
          map.triggerRepaint()
        }),
    )
  }

  /** Clicks the map canvas at its centre. */
  async clickMapCentre(): Promise<void> {
    const box = (await this.page.locator('[data-testid=map] canvas').boundingBox())!
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
  }

  async infoPanelText(): Promise<string> {
    const panel = this.page.locator('[data-testid=point-info] dd.num').nth(2)
    await panel.waitFor()
    await this.page.waitForFunction(() => document.querySelectorAll('[data-testid=point-info] dd.num').length >= 4)
    return this.page.locator('[data-testid=info-panel]').innerText()
  }

  /** Opens "Nhập tọa độ", types two numbers and answers the result text. */
  async enterCoordinates(first: string, second: string): Promise<string> {
    await this.page.locator('[data-testid=coord-open]').click()
    await this.page.locator('[data-testid=coord-panel] input[name=a]').fill(first)
    await this.page.locator('[data-testid=coord-panel] input[name=b]').fill(second)
    await this.page.locator('[data-testid=coord-panel] button[type=submit]').click()
    const result = this.page.locator('[data-testid=coord-result]')
    await result.waitFor()
    return result.innerText()
  }

  mapCentre(): Promise<[number, number]> {
    return this.page.evaluate(() => {
      const c = window.__map!.getCenter()
      return [c.lng, c.lat] as [number, number]
    })
  }

  /** Opens a section from the menu by its path, e.g. "/users". */
  async openSection(path: string): Promise<void> {
    await this.page.locator(`[data-testid=main-nav] a[href="${path}"]`).click()
    await this.page.waitForURL(`**${path}`)
  }

  /** Fills and sends the new-user form. */
  async createUser(user: { username: string; displayName: string; password: string; role: string }): Promise<void> {
    const form = this.page.locator('form.card')
    await form.locator('input[name=username]').fill(user.username)
    await form.locator('input[name=displayName]').fill(user.displayName)
    await form.locator('input[name=password]').fill(user.password)
    await form.locator('select[name=role]').selectOption(user.role)
    await form.locator('button[type=submit]').click()
  }

  /** Shows or hides a map layer from the layer panel. */
  async setLayer(layer: string, on: boolean): Promise<void> {
    const box = this.page.locator(`input[data-layer="${layer}"]`)
    if ((await box.count()) === 0) await this.page.locator('.toolbar button').first().click()
    await box.setChecked(on)
  }

  async switchLanguage(): Promise<void> {
    await this.page.locator('[data-testid=lang-switch]').first().click()
  }

  /** The menu's entries as shown. */
  navLabels(): Promise<string[]> {
    return this.page.locator('[data-testid=main-nav] a').allInnerTexts()
  }

  /** The menu entries a user can see now (on a phone some wait behind "More"). */
  visibleNavLabels(): Promise<string[]> {
    return this.page.locator('[data-testid=main-nav] a:visible, [data-testid=main-nav] button:visible').allInnerTexts()
  }

  /** Whether the whole menu lies inside the viewport (visible without scrolling). */
  async navInViewport(): Promise<boolean> {
    const viewport = this.page.viewportSize()!
    const box = await this.page.locator('[data-testid=main-nav]').boundingBox()
    return Boolean(
      box &&
        box.width > 0 &&
        box.height > 0 &&
        box.x >= 0 &&
        box.y >= 0 &&
        box.x + box.width <= viewport.width + 1 &&
        box.y + box.height <= viewport.height + 1,
    )
  }

  async screenshot(file: string): Promise<void> {
    await this.page.screenshot({ path: file })
  }
}
