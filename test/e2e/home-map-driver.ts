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
}
