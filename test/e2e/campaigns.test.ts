import { describe, expect, it } from 'vitest'
import { AppDriver } from './driver'
import { SCREENS, setupE2eApp } from './helpers/suite'

// Inspection campaigns in the browser (Vietnamese UI): an officer selects the stations of two districts, previews
// them on the map, saves the campaign, generates its inspections and reads the dashboard; the inspector assigned
// finds the campaign in their list.

class CampaignDriver extends AppDriver {
  /** Waits until the demo data layer `name` is loaded (on PostgreSQL it loads after the server listens). */
  async waitForDemo(name: string): Promise<void> {
    for (const until = Date.now() + 600_000; ; ) {
      const health = (await (await fetch(`${this.baseUrl}/api/health`)).json()) as { demo: string[] }
      if (health.demo.includes(name)) return
      if (Date.now() > until) throw new Error(`the demo ${name} layer did not load in time`)
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
  }

  /** A JSON call with the page's session. */
  api<T>(method: string, path: string, body?: unknown): Promise<T> {
    return this.page.evaluate(
      async ([m, p, b]) => {
        const res = await fetch(p as string, {
          method: m as string,
          headers: { 'content-type': 'application/json' },
          body: b === undefined ? undefined : JSON.stringify(b),
        })
        return res.json()
      },
      [method, path, body] as const,
    ) as Promise<T>
  }

  /** Distinct values of a property among the features MapLibre drew in a layer. */
  drawn(layer: string, property: string): Promise<string[]> {
    return this.page.evaluate(
      ([id, prop]) => {
        const features = window.__map!.queryRenderedFeatures({ layers: [id!] })
        return [...new Set(features.map((f) => String(f.properties[prop!])))]
      },
      [layer, property],
    )
  }

  figure(name: string): Promise<number> {
    return this.page
      .locator(`[data-testid=campaign-totals] [data-figure=${name}] strong`)
      .innerText()
      .then((t) => Number(t.replace(/\D/g, '')))
  }
}

/** The figure of "1.234 tài sản được chọn" (Vietnamese thousands separator). */
const countIn = (text: string) => Number(/([\d.]+) tài sản được chọn/.exec(text)?.[1]?.replace(/\./g, '') ?? Number.NaN)

const { signedIn } = setupE2eApp((page, url) => new CampaignDriver(page, url))

describe('inspection campaigns in the browser', () => {
  it('selects, previews on the map, saves, generates and counts a campaign; its inspector sees it', async () => {
    const officer = await signedIn('officer')
    await officer.waitForDemo('stations')
    await officer.page.goto(`${officer.baseUrl}/campaigns/new`)
    await officer.waitForDistricts()
    const name = `An toàn trạm BTS mùa mưa bão ${Date.now()}`
    await officer.page.locator('[data-testid=campaign-name]').fill(name)
    await officer.page.getByTestId('campaign-starts').fill('01/05/2026')
    await officer.page.getByTestId('campaign-ends').fill('31/03/2027')
    const districts = officer.page.locator('[data-testid=campaign-districts]')
    await districts.getByLabel('Huyện Nhà Bè').check()
    await districts.getByLabel('Huyện Cần Giờ').check()
    // Every mast class: no class condition.
    await officer.page.locator('[data-testid=campaign-classes]').getByLabel('A2b').uncheck()
    await officer.page.locator('[data-testid=campaign-preview]').click()
    const result = officer.page.locator('[data-testid=campaign-preview-result]')
    await result.waitFor()
    const expected = await officer.api<{ count: number }>('POST', '/api/campaigns/preview', {
      assetKind: 'station',
      selection: { districtCodes: ['786', '787'] },
    })
    expect(expected.count).toBeGreaterThan(0)
    expect(countIn(await result.innerText())).toBe(expected.count)
    await expect.poll(() => officer.drawn('campaign-chosen-fill', 'code').then((c) => c.sort())).toEqual(['786', '787'])
    await expect.poll(async () => (await officer.drawn('campaign-preview-point', 'x')).length).toBeGreaterThan(0)
    await officer.screenshot(`${SCREENS}/campaign-new-desktop.png`)

    await officer.page.locator('[data-testid=campaign-save]').click()
    await officer.page.waitForURL(/\/campaigns\/\d+$/)
    const panel = officer.page.locator('[data-testid=campaign-generate]')
    await panel.waitFor()
    await panel.locator('label', { hasText: '(inspector)' }).locator('input').check()
    await expect
      .poll(async () => countIn(await panel.locator('[data-testid=campaign-generate-count]').innerText()))
      .toBe(expected.count)
    await panel.locator('[data-testid=campaign-generate-run]').click()
    await officer.page.locator('[data-testid=campaign-totals]').waitFor()
    expect(await officer.figure('total')).toBe(expected.count)
    expect(await officer.figure('remaining')).toBe(expected.count)
    await expect.poll(() => officer.drawn('campaign-share-fill', 'code').then((c) => c.sort())).toEqual(['786', '787'])
    await officer.screenshot(`${SCREENS}/campaign-dashboard-desktop.png`)

    const inspector = await signedIn('inspector')
    await inspector.page.goto(`${inspector.baseUrl}/campaigns`)
    const link = inspector.page.locator('[data-testid=campaign-link]', { hasText: name })
    await link.waitFor()
    expect(officer.errors).toEqual([])
    expect(inspector.errors).toEqual([])
  })
})
