import { AppDriver } from './driver'

export interface LayerState {
  id: string
  visible: boolean
}

/** What a user does with the home map (layer tree, search, record cards), in the app's own terms. */
export class HomeMapDriver extends AppDriver {
  /** Waits until the map has its style and the stations tiles of the view have loaded. */
  waitForHomeMap(): Promise<void> {
    return this.waitForMapSource('stations', 120_000)
  }

  /** The app's layers in the map's style (not the basemap's), with whether each is shown. */
  appLayers(): Promise<LayerState[]> {
    return this.page.evaluate(() =>
      window
        .__map!.getStyle()
        .layers.filter((l) => l.id !== 'app-background' && 'source' in l && typeof l.source === 'string')
        .map((l) => ({ id: l.id, visible: (l.layout as { visibility?: string } | undefined)?.visibility !== 'none' })),
    )
  }

  /** How many features MapLibre drew in each of the given layers. */
  renderedCounts(layers: string[]): Promise<Record<string, number>> {
    return this.page.evaluate(
      (ids) =>
        Object.fromEntries(
          ids.map((id) => [
            id,
            window.__map!.getLayer(id) ? window.__map!.queryRenderedFeatures({ layers: [id] }).length : 0,
          ]),
        ),
      layers,
    )
  }

  /** The property values of the features drawn in a layer. */
  renderedValues(layer: string, property: string): Promise<unknown[]> {
    return this.page.evaluate(
      ([id, p]) => window.__map!.queryRenderedFeatures({ layers: [id!] }).map((f) => f.properties[p!] ?? null),
      [layer, property],
    )
  }

  /** Calls the API from the page, with the page's session. */
  api<T>(path: string, init?: { method: string; body: unknown }): Promise<T> {
    return this.page.evaluate(
      async ([p, i]) => {
        const res = await fetch(
          p as string,
          i
            ? {
                method: (i as { method: string }).method,
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify((i as { body: unknown }).body),
              }
            : undefined,
        )
        return res.json()
      },
      [path, init ?? null] as const,
    ) as Promise<T>
  }

  /** Types in the search box and waits for the results of what was typed. */
  async search(q: string): Promise<string> {
    await this.page.locator('[data-testid=search-input]').fill(q)
    const results = this.page.locator('[data-testid=search-results]')
    await this.page.waitForFunction(
      (query) => document.querySelector('[data-testid=search-results]')?.getAttribute('data-query') === query.trim(),
      q,
      { timeout: 20_000 },
    )
    return results.innerText()
  }

  /** Enter in the search box: takes the highlighted result, then waits until the map stops moving. */
  async searchEnter(): Promise<void> {
    await this.page.locator('[data-testid=search-input]').press('Enter')
    await this.page.waitForFunction(() => !window.__map!.isMoving(), undefined, { timeout: 20_000 })
  }

  async infoText(): Promise<string> {
    const panel = this.page.locator('[data-testid=info-panel]')
    await panel.waitFor()
    return panel.innerText()
  }

  /** Opens the layer tree. */
  async openLayers(): Promise<void> {
    await this.page.locator('[data-testid=layers-open]').click()
    await this.page.locator('[data-testid=layer-tree]').waitFor()
  }

  /** Whether the page scrolls sideways. */
  scrollsSideways(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1)
  }

  /** Moves the map at once to a centre and zoom, and waits until it has drawn them. */
  async jumpTo(center: [number, number], zoom: number): Promise<void> {
    await this.page.evaluate(([c, z]) => window.__map!.jumpTo({ center: c as [number, number], zoom: z as number }), [
      center,
      zoom,
    ] as const)
    await this.page.waitForFunction(() => !window.__map!.isMoving() && window.__map!.loaded(), undefined, {
      timeout: 30_000,
    })
  }

  /**
   * Clicks (on a phone, taps) the map at a pixel of its canvas, and answers the place under that pixel as the map
   * reads it, to compare with what the app made of the click.
   */
  async tapMap(x: number, y: number): Promise<[number, number]> {
    const box = (await this.page.locator('[data-testid=map] canvas').boundingBox())!
    const [px, py] = [Math.round(box.x + x), Math.round(box.y + y)]
    const touch = (await this.page.evaluate(() => navigator.maxTouchPoints)) > 0
    if (touch) await this.page.touchscreen.tap(px, py)
    else await this.page.mouse.click(px, py)
    return this.page.evaluate(
      ([cx, cy]) => {
        const at = window.__map!.unproject([cx!, cy!])
        return [at.lng, at.lat] as [number, number]
      },
      [px - box.x, py - box.y],
    )
  }

  /** Opens the distance tool. */
  async openMeasure(): Promise<void> {
    await this.page.locator('[data-testid=measure-open]').click()
    await this.page.locator('[data-testid=measure-panel]').waitFor()
  }

  /** The distance tool's legs and total as shown. */
  async measured(): Promise<{ legs: string[]; total: string }> {
    const legs = await this.page.locator('[data-testid=measure-legs] li .num').allInnerTexts()
    const total = await this.page.locator('[data-testid=measure-total]').innerText()
    return { legs, total }
  }

  /**
   * Presses "Print map" with the browser's print dialog replaced by a note that it was asked for, and waits until the
   * printed page has the map's image.
   */
  async printView(): Promise<void> {
    await this.page.evaluate(() => {
      const w = window as Window & { __printed?: number }
      w.__printed = 0
      window.print = () => {
        w.__printed = (w.__printed ?? 0) + 1
      }
    })
    await this.page.locator('[data-testid=print-open]').click()
    await this.page.waitForFunction(() => (window as Window & { __printed?: number }).__printed === 1, undefined, {
      timeout: 20_000,
    })
  }

  /** Opens the planning page and waits for its zones map; answers the zones the server holds. */
  async openZonesMap(): Promise<void> {
    await this.open('/planning')
    await this.page.locator('[data-testid=zones-map]').scrollIntoViewIfNeeded()
    await this.waitForDistricts()
  }

  /** Places a polygon's corners on the map (pixels of its canvas), closing it on the first; answers where they fell. */
  async drawPolygon(pixels: [number, number][]): Promise<[number, number][]> {
    await this.page.locator('[data-testid=zones-map]').scrollIntoViewIfNeeded()
    const corners: [number, number][] = []
    for (const [x, y] of pixels) corners.push(await this.tapMap(x, y))
    await this.tapMap(pixels[0]![0], pixels[0]![1])
    await this.page
      .locator('[data-testid=zone-draw-hint]')
      .filter({ hasText: /Kéo một đỉnh|Drag a corner/ })
      .waitFor()
    return corners
  }

  /** Drags the map with the mouse from one pixel of its canvas to another; answers where the pointer let go. */
  async dragMap(from: [number, number], to: [number, number]): Promise<[number, number]> {
    const box = (await this.page.locator('[data-testid=map] canvas').boundingBox())!
    await this.page.mouse.move(box.x + from[0], box.y + from[1])
    await this.page.mouse.down()
    await this.page.mouse.move(box.x + to[0], box.y + to[1], { steps: 8 })
    await this.page.mouse.up()
    return this.page.evaluate((p) => {
      const at = window.__map!.unproject(p as [number, number])
      return [at.lng, at.lat] as [number, number]
    }, to)
  }

  /** Where on the map's canvas a place is drawn. */
  pixelOf(lngLat: [number, number]): Promise<[number, number]> {
    return this.page.evaluate((ll) => {
      const p = window.__map!.project(ll as [number, number])
      return [Math.round(p.x), Math.round(p.y)] as [number, number]
    }, lngLat)
  }

  /** Fills the zone form and saves it. */
  async saveZone(zone: { name: string; kind: string; classes?: string[]; maxHeightM?: string }): Promise<void> {
    const form = this.page.locator('[data-testid=zone-editor]')
    await form.locator('input[name=name]').fill(zone.name)
    await form.locator('select[name=kind]').selectOption(zone.kind)
    if (zone.classes)
      for (const c of ['A1', 'A2a', 'A2b'])
        await form.locator(`input[name=class-${c}]`).setChecked(zone.classes.includes(c))
    if (zone.maxHeightM !== undefined) await form.locator('input[name=maxHeightM]').fill(zone.maxHeightM)
    await form.locator('[data-testid=zone-save]').click()
  }
}
