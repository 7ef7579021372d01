// Issue 12's acceptance in Chromium: the carrier uploads a plan → the officer appraises it (automatic checks,
// a comment on a feature) and returns it → the carrier answers and uploads v2 → the diff is shown (table and map)
// → the officer passes and approves it with a decision number → a new station application inside the plan shows
// "in plan" (the editor's preview, the station panel and the officer's queue).
import { describe, expect, it } from 'vitest'
import { PHONE } from './helpers/browser'
import { SCREENS, setupE2eApp } from './helpers/suite'
import { PlansDriver, type PlanFeature } from './plans-driver'
import { EXCEPTION_REASON } from './stations-driver'

const { signedIn } = setupE2eApp((page, url) => new PlansDriver(page, url))

const TITLE = 'Quy hoạch hạ tầng Viettel E2E 2026–2030'
const NORTH = 1 / 110_610
const site = (code: string, at: [number, number], height = 30, mastClass = 'A2a'): PlanFeature => ({
  type: 'Feature',
  properties: { code, mastClass, height, year: 2027, sharing: 'offer' },
  geometry: { type: 'Point', coordinates: at },
})
const route = (code: string, from: [number, number], to: [number, number]): PlanFeature => ({
  type: 'Feature',
  properties: { code, kind: 'underground', year: 2028, street: 'Lê Lợi' },
  geometry: { type: 'LineString', coordinates: [from, to] },
})

describe('an infrastructure plan from upload to the approved plan', () => {
  it('runs the chain and marks a later application inside the plan "in plan"', async () => {
    const carrier = await signedIn('viettel')
    // the plan's sites stand near the middle of the province map
    await carrier.open('/applications/new')
    await carrier.waitForStationsMap()
    const [lon, lat] = await carrier.page.evaluate(() => window.__map!.getCenter().toArray())
    const p = (east: number, northM = 0): [number, number] => [lon + 0.003 + east, lat + northM * NORTH]
    const v1 = [
      site('E2E-P1', p(0)),
      site('E2E-P2', p(0.004)),
      site('E2E-P3', p(0.008)),
      site('E2E-P4', p(0.012), 6, 'A1'),
      route('E2E-R1', p(0, -50), p(0.012, -50)),
    ]
    const v2 = [
      site('E2E-P1', p(0)),
      site('E2E-P2', p(0.004, 40)), // moved 40 m, as the officer asked
      site('E2E-P3', p(0.008), 36), // taller
      site('E2E-P5', p(0.016)), // added; E2E-P4 removed
      route('E2E-R1', p(0, -50), p(0.012, -50)),
    ]

    await carrier.openPlan()
    await carrier.createPlan(TITLE)
    await carrier.uploadVersion('quy-hoach-v1.geojson', v1)
    await carrier.waitForVersion(1, 'submitted')
    expect(await carrier.page.locator('[data-testid=plan-findings]').count()).toBe(0) // staff only

    const officer = await signedIn('officer')
    await officer.openPlan(TITLE)
    await officer.waitForVersion(1, 'submitted')
    const rules = await officer.findingsByRule()
    expect(Object.values(rules).reduce((a, b) => a + b, 0)).toBeGreaterThan(0)
    await officer.commentOn('E2E-P2', 'Trạm E2E-P2 sát trường học, đề nghị dời 40 m về phía bắc')
    await officer.screenshot(`${SCREENS}/plans-appraisal-desktop.png`)
    await officer.appraise('return', { comment: 'Đề nghị điều chỉnh trạm E2E-P2 theo ý kiến' })
    await officer.waitForVersion(1, 'returned')

    await carrier.openPlan(TITLE)
    await carrier.uploadVersion('quy-hoach-v2.geojson', v2)
    await carrier.waitForVersion(2, 'submitted')
    await carrier.answerFirstComment('Đã dời E2E-P2 40 m về phía bắc')
    const changes = await carrier.showDiff()
    expect(changes).toEqual({
      'E2E-P2': 'Dời vị trí',
      'E2E-P3': 'Sửa thuộc tính',
      'E2E-P4': 'Bỏ',
      'E2E-P5': 'Thêm mới',
    })
    expect(
      await carrier.page.locator('[data-testid=plan-diff] [data-testid=plan-map]').getAttribute('data-features'),
    ).toBe('4')
    await carrier.page.locator('[data-testid=plan-diff]').scrollIntoViewIfNeeded()
    await carrier.screenshot(`${SCREENS}/plans-diff-desktop.png`)

    await officer.openPlan(TITLE)
    await officer.waitForVersion(2, 'submitted')
    await officer.findingsByRule()
    await expect(officer.page.locator('[data-testid=plan-answer]').innerText()).resolves.toContain('Đã dời E2E-P2')
    await officer.appraise('pass')
    await officer.waitForVersion(2, 'passed')
    await officer.appraise('approve', { decisionNumber: '1234/QĐ-UBND', decisionDate: '2026-12-01' })
    await officer.waitForVersion(2, 'approved')
    await expect(officer.page.locator('[data-testid=plan-decision]').innerText()).resolves.toContain('1234/QĐ-UBND')
    await officer.page.locator('[data-testid=plan-version] h3').first().scrollIntoViewIfNeeded()
    await officer.screenshot(`${SCREENS}/plans-approved-desktop.png`)
    const phone = await signedIn('officer', PHONE)
    await phone.openPlan(TITLE)
    await phone.waitForVersion(2, 'approved')
    await phone.page.locator('[data-testid=plan-version] h3').first().scrollIntoViewIfNeeded()
    await phone.screenshot(`${SCREENS}/plans-approved-phone.png`)

    // a new application at the planned site E2E-P1, placed on the map
    await carrier.open('/applications/new')
    await carrier.waitForStationsMap()
    const at = p(0.00005) // about 5 m east of E2E-P1
    await carrier.page.evaluate((c) => window.__map!.jumpTo({ center: c, zoom: 17 }), at)
    await carrier.page.waitForFunction(() => window.__map!.loaded(), undefined, { timeout: 30_000 })
    await carrier.clickMapAt(at)
    await carrier.page.locator('[data-testid=map-marker]').waitFor()
    await carrier.fillApplication({
      siteCode: 'E2E-INPLAN-1',
      address: '12 Lê Lợi, Phường Bến Nghé',
      mastHeight: '15',
      buildingHeight: '24,5',
    })
    const mark = carrier.page.locator('[data-testid=in-plan][data-in-plan=true]')
    await mark.waitFor({ timeout: 30_000 })
    expect(await mark.innerText()).toContain('Trong quy hoạch')
    expect(await mark.innerText()).toContain('E2E-P1')
    await mark.scrollIntoViewIfNeeded()
    await carrier.screenshot(`${SCREENS}/plans-in-plan-editor-desktop.png`)
    const reason = carrier.page.locator('[name=exceptionReason]')
    if ((await reason.count()) > 0) await reason.fill(EXCEPTION_REASON)
    await carrier.submitApplication()
    await carrier.page.locator('[data-testid=station-panel] [data-testid=in-plan][data-in-plan=true]').waitFor()

    await officer.open('/queue')
    const row = officer.page.locator('[data-testid=queue] [data-site="E2E-INPLAN-1"]')
    await row.waitFor({ timeout: 30_000 })
    expect(await row.locator('[data-testid=in-plan]').getAttribute('data-in-plan')).toBe('true')
    await row.click()
    await officer.page.locator('[data-testid=station-panel] [data-testid=in-plan][data-in-plan=true]').waitFor()
    await officer.screenshot(`${SCREENS}/plans-in-plan-queue-desktop.png`)
    for (const d of [carrier, officer, phone]) expect(d.errors).toEqual([])
  }, 600_000)
})
