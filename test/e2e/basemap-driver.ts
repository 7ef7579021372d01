import type { Page } from 'playwright-core'
import { AppDriver } from './driver'

/** The map with a street basemap: the network cut off, the basemap switch, and what the canvas shows. */
export class BasemapDriver extends AppDriver {
  /** Every request the page tried to send anywhere but this machine (all of them aborted). */
  readonly external: string[] = []
  /** Status codes of the answers to the basemap archive's range requests. */
  readonly archiveStatuses: number[] = []

  constructor(page: Page, baseUrl: string) {
    super(page, baseUrl)
    page.on('response', (res) => {
      if (new URL(res.url()).pathname === '/basemap/archive.pmtiles') this.archiveStatuses.push(res.status())
    })
  }

  /** Makes the network unreachable: only 127.0.0.1 and localhost answer; anything else is recorded and aborted. */
  async cutOffNetwork(): Promise<void> {
    await this.page.context().route('**/*', (route) => {
      const url = new URL(route.request().url())
      if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue()
      this.external.push(url.href)
      return route.abort('internetdisconnected')
    })
  }

  /** Centres the map and waits until every tile of the view is drawn. */
  async showAt(center: [number, number], zoom: number): Promise<void> {
    await this.page.evaluate(([c, z]) => window.__map!.jumpTo({ center: c, zoom: z }), [center, zoom] as const)
    await this.settled()
  }

  /** Waits for MapLibre to finish loading and drawing what the view needs. */
  async settled(): Promise<void> {
    await this.page.waitForFunction(
      () =>
        new Promise<boolean>((resolve) => {
          const map = window.__map!
          if (map.loaded() && map.areTilesLoaded()) resolve(true)
          else map.once('idle', () => resolve(true))
        }),
      undefined,
      { timeout: 60_000 },
    )
  }

  /** Chooses streets, imagery or none on the map's basemap switch. */
  async chooseBasemap(mode: 'street' | 'imagery' | 'none'): Promise<void> {
    await this.page.locator(`[data-testid=basemap-switch] [data-basemap=${mode}]`).click()
    await this.page.locator(`[data-basemap=${mode}][aria-pressed=true]`).waitFor()
    await this.page.evaluate(() => window.__map!.triggerRepaint())
    await this.settled()
  }

  /** Street features of the basemap's `roads` layer that MapLibre reports as drawn. */
  renderedStreetNames(): Promise<string[]> {
    return this.page.evaluate(() => {
      const drawn = window.__map!.queryRenderedFeatures().filter((f) => f.sourceLayer === 'roads')
      return [...new Set(drawn.map((f) => String(f.properties.name)))]
    })
  }

  /** A PNG of the map area. */
  mapShot(path?: string): Promise<Buffer> {
    return this.page.locator('[data-testid=map]').screenshot({ path })
  }

  /** The share of pixels that differ between two same-sized PNGs, compared in the page's canvas. */
  differingShare(a: Buffer, b: Buffer): Promise<number> {
    return this.page.evaluate(
      async ([first, second]) => {
        const pixels = async (b64: string) => {
          // an <img> (CSP allows data: images) rather than fetch(), which connect-src 'self' refuses for data:
          const img = new Image()
          img.src = `data:image/png;base64,${b64}`
          await img.decode()
          const canvas = new OffscreenCanvas(img.naturalWidth, img.naturalHeight)
          const ctx = canvas.getContext('2d')!
          ctx.drawImage(img, 0, 0)
          return ctx.getImageData(0, 0, img.naturalWidth, img.naturalHeight).data
        }
        const [pa, pb] = [await pixels(first), await pixels(second)]
        if (pa.length !== pb.length) return 1
        let differ = 0
        for (let i = 0; i < pa.length; i += 4) {
          if (pa[i] !== pb[i] || pa[i + 1] !== pb[i + 1] || pa[i + 2] !== pb[i + 2]) differ++
        }
        return differ / (pa.length / 4)
      },
      [a.toString('base64'), b.toString('base64')] as const,
    )
  }
}
