import { describe, expect, it } from 'vitest'
import { PHONE, SMALL_PHONE } from './helpers/browser'
import { ADMIN_PASSWORD } from './helpers/server'
import { SCREENS, setupE2eApp } from './helpers/suite'
import { AppDriver } from './driver'
import { DEMO_PASSWORD } from '../../gis-data/demo'

const { open } = setupE2eApp((page, url) => new AppDriver(page, url))

describe('signing in', () => {
  it('shows the server’s refusal when the password is wrong, in Vietnamese', async () => {
    const app = await open()
    await app.openSignIn()
    await app.screenshot(`${SCREENS}/signin-desktop.png`)
    await app.fillSignIn('officer', 'not-the-password')
    expect(await app.signInError()).toBe('Tên đăng nhập hoặc mật khẩu không đúng.')
    expect(await app.page.locator('[data-testid=main-nav]').count()).toBe(0)
  })

  it('returns to the sign-in page when the session ends behind the page’s back', async () => {
    const app = await open()
    await app.signIn('officer', DEMO_PASSWORD)
    await app.page.evaluate(() => fetch('/api/auth/logout', { method: 'POST' }))
    await app.openSection('/audit')
    await app.page.locator('input[name=username]').waitFor()
    expect(app.page.url()).toMatch(/\/login$/)
  })

  it('shows the DEMO DATA badge while the database holds demo data', async () => {
    const app = await open()
    await app.openSignIn()
    await expect(app.page.locator('[data-testid=demo-badge]').innerText()).resolves.toBe('DỮ LIỆU DEMO')
  })

  it('warns on the sign-in page that demo accounts with a published password are active', async () => {
    const app = await open()
    await app.openSignIn()
    const warning = await app.page.locator('[data-testid=demo-warning]').innerText()
    expect(warning).toContain('mật khẩu công khai')
    expect(warning).toContain(DEMO_PASSWORD)
  })
})

describe('the map of an officer', () => {
  it('draws all 22 districts of the demo province, with their names, on the canvas', async () => {
    const app = await open()
    await app.signIn('officer', DEMO_PASSWORD)
    expect(await app.navLabels()).toEqual([
      'Bản đồ',
      'Hàng chờ',
      'Trạm BTS',
      'Chuyển đổi cột',
      'Cáp viễn thông',
      'Tổng hợp cáp',
      'Kiểm tra hiện trường',
      'Đợt kiểm tra',
      'Báo cáo định kỳ',
      'Quy hoạch & quy tắc',
      'Quy hoạch hạ tầng',
      'Phản ánh 1022',
      'Nhật ký',
    ])
    await app.waitForDistricts()
    expect((await app.renderedDistrictCodes('districts-fill')).length).toBeGreaterThanOrEqual(22)
    await app.page.waitForFunction(
      () => window.__map!.queryRenderedFeatures({ layers: ['districts-label'] }).length >= 10,
      undefined,
      { timeout: 30_000 },
    )
    // Pixels, not only MapLibre's word for it: the district tones differ from the plain background.
    const colours = await app.canvasColours()
    expect(colours.filter((c) => c !== '243,245,247').length).toBeGreaterThan(0)
    await app.screenshot(`${SCREENS}/map-desktop.png`)
    expect(app.errors).toEqual([])
  })

  it('hides the district names when their layer is switched off', async () => {
    const app = await open()
    await app.signIn('officer', DEMO_PASSWORD)
    await app.waitForDistricts()
    await app.setLayer('districts-label', false)
    await app.page.waitForFunction(
      () => window.__map!.queryRenderedFeatures({ layers: ['districts-label'] }).length === 0,
    )
    expect((await app.renderedDistrictCodes('districts-fill')).length).toBeGreaterThanOrEqual(22)
  })

  it('answers a click with the district and the point in WGS84 and VN-2000', async () => {
    const app = await open()
    await app.signIn('officer', DEMO_PASSWORD)
    await app.waitForDistricts()
    await app.clickMapCentre()
    const text = await app.infoPanelText()
    expect(text).toMatch(/Quận|Huyện|Thành phố/)
    expect(text).toContain('VN-2000, kinh tuyến trục 105°45′')
    expect(text).toMatch(/X \(Bắc\)\s+1\d{6},\d{2} m/)
    await app.screenshot(`${SCREENS}/map-click-desktop.png`)
  })

  it('reads a VN-2000 pair typed Y first, says so, and flies to it', async () => {
    const app = await open()
    await app.signIn('officer', DEMO_PASSWORD)
    await app.waitForDistricts()
    const result = await app.enterCoordinates('603287', '1191912')
    expect(result).toContain('X 1191912,00 · Y 603287,00')
    expect(result).toContain('kinh tuyến trục 105°45′')
    const [lon, lat] = await app.page
      .waitForFunction(
        () => {
          const map = window.__map!
          if (map.isMoving()) return null
          const c = map.getCenter()
          return [c.lng, c.lat]
        },
        undefined,
        { timeout: 20_000 },
      )
      .then((h) => h.jsonValue() as Promise<[number, number]>)
    expect(lon).toBeCloseTo(106.7, 1)
    expect(lat).toBeCloseTo(10.776, 1)
    await app.screenshot(`${SCREENS}/map-coordinates-desktop.png`)
  })
})

describe('administration', () => {
  it('creates a user, showing the server’s field errors first', async () => {
    const app = await open()
    await app.signIn('admin', ADMIN_PASSWORD)
    await app.openSection('/users')
    await app.page.locator('table tbody tr').first().waitFor()
    await app.createUser({ username: 'planner1', displayName: 'Lê Thị Hoa', password: 'short', role: 'officer' })
    await expect(app.page.locator('.field-invalid .field-error').innerText()).resolves.toContain('12')
    await app.page.locator('form.card input[name=password]').fill('a-long-enough-password')
    await app.page.locator('form.card button[type=submit]').click()
    await expect(app.page.locator('.status-ok').innerText()).resolves.toBe('Đã tạo người dùng planner1.')
    await app.page.locator('table tbody tr', { hasText: 'Lê Thị Hoa' }).waitFor()
    await app.screenshot(`${SCREENS}/users-desktop.png`)
    await app.openSection('/audit')
    // the trail names the action and the record in words, not by their codes
    const row = app.page.locator('table tbody tr', { hasText: 'Người dùng planner1' }).first()
    await row.waitFor()
    expect(await row.innerText()).toContain('Tạo mới')
    expect(await row.innerText()).not.toContain('user.create')
  })

  it('lists the mobile carriers with their network codes', async () => {
    const app = await open()
    await app.signIn('admin', ADMIN_PASSWORD)
    await app.openSection('/carriers')
    await app.page.locator('table tbody tr', { hasText: '452-04' }).waitFor()
    expect(await app.page.locator('table tbody tr', { hasText: 'Viettel' }).count()).toBeGreaterThan(0)
  })
})

describe('language', () => {
  const OFFICER_NAV_EN = [
    'Map',
    'Queue',
    'Stations',
    'Mast conversion',
    'Telecom cables',
    'Cable summary',
    'Field inspections',
    'Campaigns',
    'Periodic report',
    'Zones & rules',
    'Infrastructure plans',
    '1022 reports',
    'Audit',
  ]
  it('switches to English and keeps the choice after a reload', async () => {
    const app = await open()
    await app.signIn('officer', DEMO_PASSWORD)
    await app.switchLanguage()
    expect(await app.navLabels()).toEqual(OFFICER_NAV_EN)
    await app.page.reload()
    await app.page.locator('[data-testid=main-nav]').waitFor()
    expect(await app.navLabels()).toEqual(OFFICER_NAV_EN)
    expect(await app.page.locator('html').getAttribute('lang')).toBe('en')
  })
})

describe('on a phone', () => {
  it.each([
    ['390x844', PHONE],
    ['360x740', SMALL_PHONE],
  ])('keeps the whole menu on screen at %s', async (name, viewport) => {
    const app = await open(viewport)
    await app.openSignIn()
    await app.screenshot(`${SCREENS}/signin-phone-${name}.png`)
    await app.fillSignIn('admin', ADMIN_PASSWORD)
    await app.page.locator('[data-testid=main-nav]').waitFor()
    expect(await app.visibleNavLabels()).toEqual(['Bản đồ', 'Trạm BTS', 'Chuyển đổi cột', 'Cáp viễn thông', 'Thêm'])
    expect(await app.navInViewport()).toBe(true)
    await app.page.locator('[data-testid=nav-more]').click()
    expect((await app.visibleNavLabels()).sort()).toEqual(
      [
        'Bản đồ',
        'Trạm BTS',
        'Chuyển đổi cột',
        'Cáp viễn thông',
        'Tổng hợp cáp',
        'Kiểm tra hiện trường',
        'Đợt kiểm tra',
        'Báo cáo định kỳ',
        'Quy hoạch & quy tắc',
        'Quy hoạch hạ tầng',
        'Phản ánh 1022',
        'Người dùng',
        'Doanh nghiệp',
        'Ranh giới hành chính',
        'Khóa API',
        'Nhật ký',
        'Thêm',
      ].sort(),
    )
    expect(await app.navInViewport()).toBe(true)
    await app.screenshot(`${SCREENS}/menu-more-phone-${name}.png`)
    await app.page.getByRole('link', { name: 'Người dùng' }).click()
    expect(await app.visibleNavLabels()).toHaveLength(5)
    await app.page.getByRole('link', { name: 'Bản đồ' }).click()
    await app.waitForDistricts()
    await app.screenshot(`${SCREENS}/map-phone-${name}.png`)
  })
})
