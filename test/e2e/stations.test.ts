import { describe, expect, it } from 'vitest'
import { demoPhoto } from '../../gis-data/conversions'
import { PHONE } from './helpers/browser'
import { SCREENS, setupE2eApp } from './helpers/suite'
import { EXCEPTION_REASON, StationsDriver } from './stations-driver'
import { DEMO_PASSWORD } from '../../gis-data/demo'
import { vietnamToday } from '../../client/time'

// The site the carrier places through the UI; the other tests make their own sites through the API.
const SITE = 'E2E-VT-0001'

const { open, signedIn } = setupE2eApp((page, url) => new StationsDriver(page, url))

/** A submitted application of viettel's, made through the API: each test below starts from its own. */
async function submitted(siteCode: string, eastDeg: number): Promise<number> {
  return (await signedIn('viettel')).submitThroughApi(siteCode, eastDeg)
}

/** A submitted application whose location an inspector has confirmed through the API. */
async function fieldChecked(siteCode: string, eastDeg: number): Promise<number> {
  const id = await submitted(siteCode, eastDeg)
  await (await signedIn('inspector')).act(id, { action: 'field_check', outcome: 'confirmed' })
  return id
}

describe('a site from application to the public map', () => {
  it('lets a carrier place a site on the map, see the rule results and submit it', async () => {
    const carrier = await signedIn('viettel')
    await carrier.open('/applications/new')
    await carrier.waitForStationsMap()
    await carrier.placeSite(0.5, 0.5)
    await carrier.fillApplication({
      siteCode: SITE,
      address: '1 Lê Lợi, Phường Bến Nghé',
      mastHeight: '15',
      buildingHeight: '24,5',
    })
    const outcomes = await carrier.ruleOutcomes()
    expect(Object.keys(outcomes).sort()).toEqual([
      'a1_limits',
      'a1_reach',
      'duplicate',
      'in_province',
      'must_share',
      'spacing',
      'zone_class',
      'zone_height',
    ])
    expect(outcomes.in_province).toBe('pass')
    // The numbers behind the spacing rule: the five nearest masts with their distances, in Vietnamese format.
    await expect(carrier.page.locator('.st-nearest tbody tr').count()).resolves.toBe(5)
    expect(await carrier.page.locator('.st-nearest tbody td.num').first().innerText()).toMatch(
      /^\d{1,3}(\.\d{3})*(,\d)? m$/,
    )
    await carrier.screenshot(`${SCREENS}/stations-application-desktop.png`)
    const stationId = await carrier.submitApplication()
    expect(stationId).toBeGreaterThan(0)
    expect(carrier.errors).toEqual([])
  })

  it('lets an inspector confirm the location from the field-check queue', async () => {
    const site = 'E2E-VT-0002'
    await submitted(site, 0.004)
    const inspector = await signedIn('inspector', PHONE)
    await inspector.openSection('/queue')
    await inspector.openFromQueue(site)
    await inspector.screenshot(`${SCREENS}/stations-fieldcheck-phone.png`)
    await inspector.takeAction('field_check', { notes: 'Cột đúng vị trí hồ sơ, mái bằng bê tông.' }, [
      { name: 'mai-nha.png', mimeType: 'image/png', buffer: demoPhoto() },
    ])
    await inspector.waitForState('field_checked')
    await expect(inspector.page.locator('[data-testid=field-checks]').innerText()).resolves.toContain(
      'Xác nhận đúng vị trí',
    )
    await expect.poll(() => inspector.loadedPhotos()).toBe(1)
    expect(inspector.errors).toEqual([])
  })

  it('lets an officer approve, and tells a second officer deciding concurrently that someone was first', async () => {
    const site = 'E2E-VT-0003'
    await fieldChecked(site, 0.008)
    const first = await signedIn('officer')
    const second = await open()
    await second.signIn('officer', DEMO_PASSWORD)
    for (const o of [first, second]) {
      await o.openSection('/queue')
      await o.openFromQueue(site)
    }
    // the demo site fails the spacing rule: approving it is an exception the officer confirms with a reason
    await first.takeAction('approve', { decisionNo: '215/QĐ-STTTT', exceptionReason: EXCEPTION_REASON })
    await first.waitForState('approved')
    await second.takeAction('reject', { reasons: 'Không phù hợp quy hoạch' })
    await expect(second.page.locator('[data-testid=conflict]').innerText()).resolves.toContain(
      'Người khác đã xử lý hồ sơ này trước bạn',
    )
    expect([...first.errors, ...second.errors]).toEqual([])
  })

  it('shows the station on the public map once in service (post-construction inspection waived)', async () => {
    const site = 'E2E-VT-0004'
    const stationId = await fieldChecked(site, 0.012)
    const officer = await signedIn('officer')
    await officer.act(stationId, {
      action: 'approve',
      decisionNo: '216/QĐ-STTTT',
      decisionDate: vietnamToday(),
      exceptionReason: EXCEPTION_REASON,
    })
    const carrier = await signedIn('viettel')
    await carrier.open(`/applications/${stationId}`)
    await carrier.takeAction('report_built')
    await carrier.waitForState('built')
    // the carrier's report asks for the post-construction inspection; the officer waives it (issue 13)
    await carrier.takeAction('report_in_service')
    await officer.act(stationId, { action: 'waive_inspection', reason: 'Kiểm tra cùng đợt nghiệm thu' })
    await carrier.open(`/applications/${stationId}`)
    await carrier.waitForState('in_service')
    const at = await carrier.stationPosition(stationId)

    const visitor = await open()
    await visitor.openSignIn()
    await visitor.page.locator('[data-testid=public-links] a[href="/public/map"]').click()
    await visitor.waitForStationsMap()
    expect(await visitor.mapShowsStation(stationId, at)).toBe(true)
    await visitor.clickMapAt(at)
    const card = visitor.page.locator('[data-testid=public-station]')
    await card.locator('dl').first().waitFor()
    const text = await card.innerText()
    expect(text).toContain('Viettel')
    expect(text).not.toContain(site)
    expect(visitor.errors).toEqual([])
  })
})
