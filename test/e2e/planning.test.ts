import { describe, expect, it } from 'vitest'
import { DESKTOP, PHONE } from './helpers/browser'
import { SCREENS, setupE2eApp } from './helpers/suite'
import { AppDriver } from './driver'

const { signedIn } = setupE2eApp((page, url) => new AppDriver(page, url))

describe('zones and rules', () => {
  it('shows an officer overdue temporary stations, zones and rule values, and saves a changed value', async () => {
    const officer = await signedIn('officer', DESKTOP)
    await officer.page.goto(`${officer.baseUrl}/planning`)
    const page = officer.page.locator('[data-testid=planning-page]')
    await page.waitFor()
    // the demo's past festival left temporary stations standing
    await expect.poll(() => page.locator('table').first().locator('tbody tr').count()).toBeGreaterThan(0)
    const form = officer.page.locator('[data-testid=rules-form]')
    await form.locator('input[name=shareDistanceUrbanM]').fill('120')
    // the plans' values: the in-plan tolerance and the shared trench, in Vietnamese number format
    expect(await form.locator('input[name=planMatchM]').inputValue()).toBe('30')
    await form.locator('input[name=planMatchM]').fill('45')
    await form.locator('input[name=trenchDistanceM]').fill('20,5')
    await form.locator('button[type=submit]').click()
    await officer.page.getByText('Đã lưu').waitFor()
    const rules = await officer.page.evaluate(
      async () =>
        (await (await fetch('/api/station-rules')).json()) as {
          shareDistanceUrbanM: number
          planMatchM: number
          trenchDistanceM: number
        },
    )
    expect(rules).toMatchObject({ shareDistanceUrbanM: 120, planMatchM: 45, trenchDistanceM: 20.5 })
    await officer.screenshot(`${SCREENS}/planning-desktop.png`)
    expect(officer.errors).toEqual([])
  })

  it('shows an inspector the same page without editing', async () => {
    const inspector = await signedIn('inspector', PHONE)
    await inspector.page.goto(`${inspector.baseUrl}/planning`)
    await inspector.page.locator('[data-testid=rules-form]').waitFor()
    expect(await inspector.page.locator('[data-testid=rules-form] button[type=submit]').count()).toBe(0)
    expect(await inspector.page.locator('[data-testid=rules-form] input[name=a1MaxHeightM]').isDisabled()).toBe(true)
    await inspector.screenshot(`${SCREENS}/planning-phone.png`)
  })
})
