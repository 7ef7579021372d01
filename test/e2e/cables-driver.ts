import type { Page } from 'playwright-core'
import { parseNumber } from '../../client/i18n/format'
import { AppDriver } from './driver'

/** A pole the test snaps to. */
interface ApiPole {
  id: number
  lon: number
  lat: number
}

/** Reads "1.234 m" / "1,23 km" (either language) as metres. */
export function metresOf(text: string): number {
  const m = /([\d.,\s]+)\s*(km|m)\b/.exec(text.replace(/\u00a0/g, ' '))
  if (!m) throw new Error(`no length in "${text}"`)
  const n = parseNumber(m[1]!.trim())
  if (n === null) throw new Error(`no number in "${text}"`)
  return m[2] === 'km' ? n * 1000 : n
}

/**
 * Installed before the app loads: records every main-thread long task (> 50 ms), so a spec can ask
 * for the longest one.
 */
function recordLongTasks(): void {
  const w = window as unknown as { __longTasks: number[] }
  w.__longTasks = []
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longTasks.push(e.duration)
  }).observe({ type: 'longtask', buffered: true })
}

/** What officers, carriers and inspectors do with cable routes, in the app's own terms. */
export class CablesDriver extends AppDriver {
  static async recordingLongTasks(page: Page, baseUrl: string): Promise<CablesDriver> {
    await page.addInitScript(recordLongTasks)
    return new CablesDriver(page, baseUrl)
  }

  /** Waits for the districts, then until the map is idle with the routes and poles tiles loaded. */
  async waitForCablesMap(): Promise<void> {
    await this.page.locator('[data-testid=map][data-ready=true]').waitFor({ timeout: 60_000 })
    await this.waitForIdle()
  }

  /**
   * Resolves, in ms since navigation start, when the map has gone idle with pole features drawn
   * (grid cells at province scale): the moment the page shows the poles layer complete.
   */
  polesDrawnAt(): Promise<number> {
    return this.page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const check = () => {
            const map = window.__map
            if (!map?.getSource('cable-poles') || !map.isSourceLoaded('cable-poles') || !map.loaded()) return false
            if (map.queryRenderedFeatures({ layers: ['cable-pole-cells', 'cable-poles'] }).length === 0) return false
            resolve(performance.now())
            return true
          }
          if (check()) return
          const wait = () => {
            const map = window.__map
            if (!map) return void setTimeout(wait, 50)
            const onIdle = () => {
              if (check()) map.off('idle', onIdle)
            }
            map.on('idle', onIdle)
            // a map that is already idle fires no further idle event until something changes
            map.triggerRepaint()
          }
          wait()
        }),
    )
  }

  /** The longest main-thread task seen since the page loaded (or `resetLongTasks`), in ms; 0 when none passed 50 ms. */
  longestTask(): Promise<number> {
    return this.page.evaluate(() => Math.max(0, ...(window as unknown as { __longTasks: number[] }).__longTasks))
  }

  async resetLongTasks(): Promise<void> {
    await this.page.evaluate(() => {
      ;(window as unknown as { __longTasks: number[] }).__longTasks = []
    })
  }

  /** Switches a layer of the legend ("poles" or "routes") on or off. */
  async showLayer(layer: 'poles' | 'routes', on: boolean): Promise<void> {
    const box = this.page.locator('[data-testid=cable-legend] .cb-legend-switch input').nth(layer === 'routes' ? 0 : 1)
    await box.setChecked(on)
  }

  /** The page's clock (performance.now()), in ms. */
  now(): Promise<number> {
    return this.page.evaluate(() => performance.now())
  }

  async waitForIdle(): Promise<void> {
    await this.page.waitForFunction(
      () => {
        const map = window.__map
        return Boolean(map?.getSource('cable-routes') && map.isSourceLoaded('cable-routes') && map.loaded())
      },
      undefined,
      { timeout: 60_000 },
    )
  }

  /** Moves the map to a place and zoom without animation and waits until it has drawn. */
  async jumpTo(center: [number, number], zoom: number): Promise<void> {
    await this.page.evaluate(([c, z]) => window.__map!.jumpTo({ center: c as [number, number], zoom: z as number }), [
      center,
      zoom,
    ] as const)
    await this.waitForIdle()
  }

  /** Poles drawn in the current view, with their positions as the tiles give them (what snapping uses). */
  polesInView(): Promise<ApiPole[]> {
    return this.page.evaluate(() => {
      const map = window.__map!
      const b = map.getBounds()
      const byId = new Map<number, ApiPole>()
      for (const f of map.querySourceFeatures('cable-poles', {
        sourceLayer: 'poles',
        filter: ['!', ['has', 'count']],
      })) {
        const [lon, lat] = (f.geometry as unknown as { coordinates: [number, number] }).coordinates
        if (b.contains([lon, lat])) byId.set(Number(f.id), { id: Number(f.id), lon, lat })
      }
      return [...byId.values()]
    })
  }

  /** Clicks the map a few pixels off a position (so that only snapping puts the vertex on it). */
  async clickNear(lngLat: [number, number], offsetPx = 4): Promise<void> {
    const p = await this.page.evaluate((ll) => window.__map!.project(ll as [number, number]), lngLat)
    const box = (await this.page.locator('[data-testid=map] canvas').boundingBox())!
    await this.page.mouse.move(box.x + p.x + offsetPx, box.y + p.y - offsetPx, { steps: 4 })
    await this.page.mouse.click(box.x + p.x + offsetPx, box.y + p.y - offsetPx)
  }

  /** The live preview length shown while drawing, in metres. */
  async previewLengthM(): Promise<number> {
    return metresOf(await this.page.locator('[data-testid=preview-length]').innerText())
  }

  /** Finishes the line being drawn (Enter, as the hint says). */
  async finishLine(): Promise<void> {
    await this.page.keyboard.press('Enter')
    await this.page
      .locator('[data-testid=route-editor] .cb-draw-hint')
      .filter({ hasText: /Kéo một điểm|Drag a point/ })
      .waitFor()
  }

  /** Fills the route form: name, kind and the carriers to tick. */
  async fillRoute(r: { name: string; street: string; kind: string; carriers: string[] }): Promise<void> {
    const form = this.page.locator('[data-testid=route-editor]')
    await form.locator('input[name=name]').fill(r.name)
    await form.locator('input[name=street]').fill(r.street)
    await form.locator('select[name=kind]').selectOption(r.kind)
    for (const c of r.carriers) await form.locator(`input[name=carrier][value=${c}]`).check()
  }

  /** Saves the route and answers its id once its panel shows. */
  async saveRoute(): Promise<number> {
    await this.page.locator('[data-testid=route-save]').click()
    await this.page.waitForURL(/\/cables\/\d+$/)
    await this.page.locator('[data-testid=route-panel] [data-testid=route-length]').waitFor()
    return Number(/(\d+)$/.exec(this.page.url())![1])
  }

  /** The stored length the route panel shows, in metres. */
  async storedLengthM(): Promise<number> {
    return metresOf(await this.page.locator('[data-testid=route-length]').innerText())
  }

  /** Moves the open route to a status through its panel and waits until the panel shows it. */
  async moveTo(status: string): Promise<void> {
    const form = this.page.locator('[data-testid=status-form]')
    await form.locator('select[name=status]').selectOption(status)
    await form.locator('button[type=submit]').click()
    await this.page.locator(`[data-testid=route-panel][data-status=${status}]`).waitFor()
  }

  /** The number of a summary figure by its test id, e.g. "kpi-underground-routes" ("122 tuyến" → 122). */
  async kpi(id: string): Promise<number | null> {
    const el = this.page.locator(`[data-testid=${id}] .cb-kpi-value`)
    await el.waitFor()
    return parseNumber((await el.innerText()).trim().split(/\s/)[0]!)
  }
}
