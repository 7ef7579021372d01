import exifr from 'exifr'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '../helpers/app'
import { startProvinceApp } from '../helpers/stations'
import { PUBLIC_LIMITS } from '../../server/tickets/limits'

// Citizen reports through the 1022 hotline (issue 13 item 4): the public form and lookup, the office's intake,
// linking to the nearest asset, assignment, the carrier's resolution with a photo, photos without EXIF for the
// public, the per-address limit, and that a carrier never sees who reported.
let app: TestApp
let center: { lon: number; lat: number }
let officer: string, viettel: string, mobifone: string, inspector: string, admin: string
let seq = 0
let addressSeq = 0

const REPORTER = { name: 'Nguyễn Văn Báo', phone: '0903 123 457' }
const REPORTER_PHONE = '0903123457'

/** A client address of its own for each use (the app trusts one proxy hop: X-Forwarded-For names the client). */
const newAddress = () => {
  addressSeq += 1
  return `203.0.113.${addressSeq}`
}
const from = (address: string) => ({ 'x-forwarded-for': address })

beforeAll(async () => {
  ;({ app, center } = await startProvinceApp({ TRUST_PROXY: '1' }))
  officer = (await app.user('officer1', 'officer')).cookie
  admin = (await app.user('admin1', 'admin')).cookie
  viettel = (await app.user('viettel1', 'carrier', 'viettel')).cookie
  mobifone = (await app.user('mobifone1', 'carrier', 'mobifone')).cookie
  inspector = (await app.user('inspector1', 'inspector')).cookie
})
afterAll(() => app.close())

/** A spot of its own for each test, ~330 m apart around a point of district 760, with poles of `owner` near it. */
async function placeWithPoles(owner: string, offsetsM: [number, number][]) {
  seq += 1
  const lon = center.lon + ((seq % 4) - 1.5) * 0.003
  const lat = center.lat + (Math.floor(seq / 4) - 1) * 0.003
  const ids: number[] = []
  for (const [i, [east, north]] of offsetsM.entries()) {
    const row = await app.db.one<{ id: number }>(
      `INSERT INTO poles (province_code, code, owner_carrier_id, geom, district_code)
       SELECT '79', $1, c.id, ST_SetSRID(ST_MakePoint($2 + $4 / (111320 * cos(radians($3))), $3 + $5 / 110574.0), 4326),
              '760'
         FROM carriers c WHERE c.short_name = $6
       RETURNING id::int AS id`,
      [`TK-${seq}-${i}`, lon, lat, east, north, owner],
    )
    ids.push(row.id)
  }
  return { lon, lat, poles: ids }
}

/** The pole nearest a place by the ellipsoidal distance over every pole (no index, no KNN operator). */
const nearestPoleOracle = (lon: number, lat: number) =>
  app.db.one<{ id: number; m: number }>(
    `SELECT id::int AS id, ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography) AS m
       FROM poles ORDER BY 2, id LIMIT 1`,
    [lon, lat],
  )

/** Just the place of a spot, as a report sends it. */
const at = (p: { lon: number; lat: number }) => ({ lon: p.lon, lat: p.lat })

const countTickets = async () => (await app.db.one<{ n: number }>('SELECT count(*)::int AS n FROM tickets')).n

async function report(body: Record<string, unknown>, address = newAddress()) {
  return app.request('POST', '/api/public/tickets', { body, headers: from(address) })
}

/** A JPEG written with EXIF time and GPS (what a phone's camera writes), in a given colour. */
async function phoneJpeg(gps: { lon: number; lat: number }, colour = { r: 200, g: 120, b: 40 }): Promise<Buffer> {
  const dms = (v: number) => {
    const a = Math.abs(v)
    const d = Math.floor(a)
    const m = Math.floor((a - d) * 60)
    const s = Math.round(((a - d) * 60 - m) * 60 * 1000)
    return `${d}/1 ${m}/1 ${s}/1000`
  }
  return sharp({ create: { width: 96, height: 64, channels: 3, background: colour } })
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'Model 1022' },
      IFD2: { DateTimeOriginal: '2026:11:30 08:30:05' },
      IFD3: {
        GPSLatitudeRef: gps.lat >= 0 ? 'N' : 'S',
        GPSLatitude: dms(gps.lat),
        GPSLongitudeRef: gps.lon >= 0 ? 'E' : 'W',
        GPSLongitude: dms(gps.lon),
      },
    })
    .jpeg()
    .toBuffer()
}

const upload = (path: string, bytes: Buffer | string, headers: Record<string, string>) =>
  fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'image/jpeg', ...headers },
    body: typeof bytes === 'string' ? bytes : new Uint8Array(bytes),
  })

const bytesOf = async (res: Response) => Buffer.from(await res.arrayBuffer())

describe('1022 citizen reports', () => {
  it('public report → nearest pole → assigned → carrier resolves with a photo → lookup shows resolved', async () => {
    // the 8 m pole lies east, a 12 m one north, a 30 m one west; none of another owner is nearer
    const place = await placeWithPoles('viettel', [
      [12, 0.5],
      [0, 8],
      [-30, 0],
      [200, 200],
    ])
    const address = newAddress()
    const sent = await report(
      {
        category: 'pole_unsafe',
        description: 'Cột nghiêng sắp đổ trước số 12',
        position: { lon: place.lon, lat: place.lat },
        contact: REPORTER,
      },
      address,
    )
    expect(sent.status).toBe(201)
    const receipt = await sent.json()
    expect(receipt.number).toMatch(/^1022-\d{4}-\d{6}$/)
    expect(receipt.checkCode).toMatch(/^[A-Z2-9]{6}$/)
    expect(receipt.status).toBe('received')
    expect(JSON.stringify(receipt)).not.toContain(REPORTER_PHONE)

    // linked to the nearest pole, as an independent query over every pole finds it
    const oracle = await nearestPoleOracle(place.lon, place.lat)
    expect(oracle.id).toBe(place.poles[1])
    const detail = await (await app.request('GET', `/api/tickets/${receipt.id}`, { cookie: officer })).json()
    expect(detail.assetKind).toBe('pole')
    expect(detail.assetId).toBe(oracle.id)
    expect(detail.assets[0].distanceM).toBeCloseTo(oracle.m, 0)
    // the three within the radius, nearest first; the one 280 m away is not linked
    const linked = detail.assets.map((a: { assetId: number }) => a.assetId)
    expect(linked).toEqual([place.poles[1], place.poles[0], place.poles[2]])
    // the office sees the reporter's contact; the SLA deadline comes from the province's table
    expect(detail.reporterName).toBe(REPORTER.name)
    expect(detail.reporterPhone).toBe(REPORTER_PHONE)
    const sla = await app.db.one<{ hours: number }>(
      `SELECT hours FROM ticket_sla WHERE province_code = '79' AND category = 'pole_unsafe'`,
    )
    expect(detail.slaHours).toBe(sla.hours)
    expect(Date.parse(detail.dueAt) - Date.parse(detail.createdAt)).toBe(sla.hours * 3600_000)

    // assigned: the carrier defaults to the pole's owner, which is notified
    const assigned = await app.request('POST', `/api/tickets/${receipt.id}/transitions`, {
      cookie: officer,
      body: { action: 'assign', version: detail.version },
    })
    expect(assigned.status).toBe(200)
    const afterAssign = await assigned.json()
    expect(afterAssign.status).toBe('assigned')
    expect(afterAssign.carrierName).toBe('Viettel')
    const bell = await (await app.request('GET', '/api/notifications', { cookie: viettel })).json()
    expect(
      bell.items.some(
        (n: { entity: string; entityId: string }) => n.entity === 'ticket' && n.entityId === String(receipt.id),
      ),
    ).toBe(true)

    // the carrier answers, cannot resolve without a photo, adds one, resolves
    const mine = await (await app.request('GET', `/api/tickets/${receipt.id}`, { cookie: viettel })).json()
    expect(mine.allowedActions).toEqual(expect.arrayContaining(['respond', 'resolve']))
    const responded = await app.request('POST', `/api/tickets/${receipt.id}/transitions`, {
      cookie: viettel,
      body: { action: 'respond', version: mine.version, response: 'Đã cử đội kỹ thuật đến kiểm tra.' },
    })
    expect(responded.status).toBe(200)
    const v = (await responded.json()).version
    const early = await app.request('POST', `/api/tickets/${receipt.id}/transitions`, {
      cookie: viettel,
      body: { action: 'resolve', version: v, note: 'Đã dựng lại cột và gia cố móng.' },
    })
    expect(early.status).toBe(409)
    expect((await early.json()).code).toBe('ticket.resolution_photo')
    const photo = await upload(`/api/tickets/${receipt.id}/photos?purpose=resolution`, await phoneJpeg(place), {
      cookie: viettel,
    })
    expect(photo.status).toBe(201)
    const resolved = await app.request('POST', `/api/tickets/${receipt.id}/transitions`, {
      cookie: viettel,
      body: { action: 'resolve', version: v, note: 'Đã dựng lại cột và gia cố móng.' },
    })
    expect(resolved.status).toBe(200)
    expect((await resolved.json()).status).toBe('resolved')

    // the reporter's lookup: resolved, with the public note and photo, no personal data, no exact place
    const lookup = await app.request(
      'GET',
      `/api/public/tickets/${receipt.number}?code=${receipt.checkCode.toLowerCase()}`,
      { headers: from(address) },
    )
    expect(lookup.status).toBe(200)
    const status = await lookup.json()
    expect(status).toMatchObject({
      number: receipt.number,
      status: 'resolved',
      category: 'pole_unsafe',
      resolutionNote: 'Đã dựng lại cột và gia cố móng.',
    })
    expect(status.districtName).toBeTruthy()
    expect(status.resolvedAt).toBeTruthy()
    expect(status.events.map((e: { status: string }) => e.status)).toEqual([
      'received',
      'assigned',
      'in_progress',
      'resolved',
    ])
    expect(status.photos).toHaveLength(1)
    for (const key of ['lon', 'lat', 'description', 'reporterName', 'reporterPhone', 'checkCode', 'carrierResponse'])
      expect(status).not.toHaveProperty(key)
    const text = JSON.stringify(status)
    for (const secret of [REPORTER.name, REPORTER_PHONE, 'Cột nghiêng', 'Đã cử đội']) expect(text).not.toContain(secret)
    // a wrong code answers as an unknown number
    const wrong = await app.request('GET', `/api/public/tickets/${receipt.number}?code=AAAAAA`, {
      headers: from(address),
    })
    expect(wrong.status).toBe(404)
    expect(wrong.headers.get('content-type')).toMatch(/application\/problem\+json/)
  })

  it('shows the public a photo without EXIF; the office keeps the original with its GPS and time', async () => {
    const place = await placeWithPoles('viettel', [[5, 5]])
    const address = newAddress()
    const receipt = await (
      await report({ category: 'cable_sagging', description: 'Cáp võng thấp qua đường', position: at(place) }, address)
    ).json()
    const original = await phoneJpeg(place)
    const before = await exifr.gps(original)
    expect(before.latitude).toBeCloseTo(place.lat, 4)
    const added = await upload(
      `/api/public/tickets/${receipt.number}/photos?code=${receipt.checkCode}`,
      original,
      from(address),
    )
    expect(added.status).toBe(201)
    const { id, url } = await added.json()

    const shown = await fetch(`${app.url}${url}`, { headers: from(address) })
    expect(shown.status).toBe(200)
    expect(shown.headers.get('content-type')).toBe('image/jpeg')
    const publicBytes = await bytesOf(shown)
    expect(publicBytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]))
    expect(await exifr.gps(publicBytes)).toBeUndefined()
    expect(await exifr.parse(publicBytes)).toBeUndefined()
    expect(publicBytes.includes(Buffer.from('TestPhone'))).toBe(false)
    // still the picture: same size
    expect(await sharp(publicBytes).metadata()).toMatchObject({ width: 96, height: 64 })

    const office = await app.request('GET', `/api/tickets/photos/${id}`, { cookie: officer })
    const originalBack = await bytesOf(office)
    expect(originalBack.equals(original)).toBe(true)
    const gps = await exifr.gps(originalBack)
    expect(gps.latitude).toBeCloseTo(place.lat, 4)
    expect(gps.longitude).toBeCloseTo(place.lon, 4)
    const detail = await (await app.request('GET', `/api/tickets/${receipt.id}`, { cookie: officer })).json()
    expect(detail.photos[0].lat).toBeCloseTo(place.lat, 4)
    expect(detail.photos[0].takenAt).toBe('2026-11-30T01:30:05.000Z')

    // the carrier, once assigned, gets the copy without metadata too
    await app.request('POST', `/api/tickets/${receipt.id}/transitions`, {
      cookie: officer,
      body: { action: 'assign', version: detail.version, carrierId: await carrierId('viettel') },
    })
    const carrierCopy = await bytesOf(await app.request('GET', `/api/tickets/photos/${id}`, { cookie: viettel }))
    expect(carrierCopy.equals(publicBytes)).toBe(true)
    expect(await exifr.gps(carrierCopy)).toBeUndefined()
  })

  it('refuses a renamed HTML or SVG file (415) and an oversize photo (413), storing nothing', async () => {
    const place = await placeWithPoles('viettel', [[3, 3]])
    const address = newAddress()
    const receipt = await (
      await report({ category: 'pole_unsafe', description: 'Cột gãy ngang thân', position: at(place) }, address)
    ).json()
    const path = `/api/public/tickets/${receipt.number}/photos?code=${receipt.checkCode}`
    const html = '<!doctype html><html><body><script>alert(1)</script></body></html>'
    const svg = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'
    for (const [body, type] of [
      [html, 'image/jpeg'],
      [svg, 'image/svg+xml'],
      [svg, 'image/png'],
      [`\uFEFF${svg}`, 'image/jpeg'],
    ] as const) {
      const res = await upload(path, body, { ...from(address), 'content-type': type })
      expect(res.status).toBe(415)
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/)
    }
    // a JPEG's first bytes in front of HTML: sniffed as JPEG, refused when it does not decode
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(html)])
    const forged = await upload(path, fake, from(address))
    expect(forged.status).toBe(415)
    const staff = await upload(`/api/tickets/${receipt.id}/photos`, html, { cookie: officer })
    expect(staff.status).toBe(415)
    const big = await upload(path, Buffer.alloc(9 * 1024 * 1024, 0xff), from(address))
    expect(big.status).toBe(413)
    expect((await big.json()).status).toBe(413)
    const { n } = await app.db.one<{ n: number }>('SELECT count(*)::int AS n FROM ticket_photos WHERE ticket_id = $1', [
      receipt.id,
    ])
    expect(n).toBe(0)
  })

  it('limits the public form per address: 429 past the limit, another address still served', async () => {
    const place = await placeWithPoles('viettel', [[2, 2]])
    const address = newAddress()
    const body = { category: 'emf_concern', description: 'Lo ngại trạm phát sóng gần trường học', position: at(place) }
    const before = await countTickets()
    const statuses: number[] = []
    for (let i = 0; i < PUBLIC_LIMITS.report.max + 2; i++) statuses.push((await report(body, address)).status)
    expect(statuses).toEqual([...Array<number>(PUBLIC_LIMITS.report.max).fill(201), 429, 429])
    expect(await countTickets()).toBe(before + PUBLIC_LIMITS.report.max)
    const refused = await report(body, address)
    expect(refused.status).toBe(429)
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await refused.json()).code).toBe('ticket.too_many')
    // another address, and the same address's lookups (their own limit), are still served
    expect((await report(body, newAddress())).status).toBe(201)
    // the lookup has its own limit per address
    const lookupAddress = newAddress()
    const looks: number[] = []
    for (let i = 0; i < PUBLIC_LIMITS.lookup.max + 1; i++)
      looks.push(
        (await app.request('GET', '/api/public/tickets/1022-2026-999999?code=AAAAAA', { headers: from(lookupAddress) }))
          .status,
      )
    expect(looks.slice(0, PUBLIC_LIMITS.lookup.max).every((s) => s === 404)).toBe(true)
    expect(looks.at(-1)).toBe(429)
    // the limit rows keep no address, only a hash
    const keys = await app.db.many<{ key: string }>('SELECT key FROM public_rate_limits')
    expect(keys.length).toBeGreaterThan(0)
    expect(keys.every((k) => /^[0-9a-f]{64}$/.test(k.key))).toBe(true)
  })

  it('refuses bad input with problem+json and stores nothing', async () => {
    const place = await placeWithPoles('viettel', [[4, 4]])
    const before = await countTickets()
    const ok = { category: 'pole_unsafe', description: 'Cột nghiêng nguy hiểm', position: at(place) }
    const cases: [Record<string, unknown>, number, string][] = [
      // Hà Nội: in Việt Nam, not in the province
      [{ ...ok, position: { lon: 105.8342, lat: 21.0278 } }, 422, 'ticket.outside_province'],
      // latitude first
      [{ ...ok, position: { lon: place.lat, lat: place.lon } }, 400, 'request.invalid'],
      // outside Việt Nam (Bangkok)
      [{ ...ok, position: { lon: 100.5, lat: 13.75 } }, 422, 'position.invalid'],
      [{ ...ok, position: { lon: '106.7', lat: place.lat } }, 400, 'request.invalid'],
      [{ ...ok, position: { lon: place.lon } }, 400, 'request.invalid'],
      [{ ...ok, category: 'noise' }, 400, 'request.invalid'],
      [{ ...ok, description: '' }, 400, 'request.invalid'],
      [{ ...ok, contact: { phone: 'call me' } }, 400, 'request.invalid'],
      [{ ...ok, status: 'resolved' }, 400, 'request.invalid'],
    ]
    for (const [body, status, code] of cases) {
      const res = await report(body)
      expect(res.status, JSON.stringify(body)).toBe(status)
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/)
      expect((await res.json()).code).toBe(code)
    }
    const swapped = await (await report({ ...ok, position: { lon: place.lat, lat: place.lon } })).json()
    expect(swapped.errors.map((e: { code: string }) => e.code)).toContain('position.swapped_lonlat')
    const notJson = await app.request('POST', '/api/public/tickets', {
      body: '{"category":',
      headers: from(newAddress()),
    })
    expect(notJson.status).toBe(400)
    expect(await countTickets()).toBe(before)
  })

  it('takes a phone call in the same form: channel phone, contact for the office, table deadline', async () => {
    const place = await placeWithPoles('viettel', [[6, 0]])
    const put = await app.request('PUT', '/api/tickets/sla/cable_unlicensed', { cookie: officer, body: { hours: 72 } })
    expect(put.status).toBe(200)
    const sent = await app.request('POST', '/api/tickets', {
      cookie: officer,
      body: {
        category: 'cable_unlicensed',
        description: 'Người dân gọi: cáp lạ mới kéo',
        position: at(place),
        contact: REPORTER,
      },
    })
    expect(sent.status).toBe(201)
    const receipt = await sent.json()
    const row = await app.db.one<{ channel: string; hours: number; due: boolean }>(
      `SELECT t.channel, s.hours, t.due_at = t.created_at + make_interval(hours => s.hours) AS due
         FROM tickets t JOIN ticket_sla s ON s.province_code = t.province_code AND s.category = t.category
        WHERE t.id = $1`,
      [receipt.id],
    )
    expect(row).toEqual({ channel: 'phone', hours: 72, due: true })
    const list = await (
      await app.request('GET', '/api/tickets?channel=phone&category=cable_unlicensed', { cookie: officer })
    ).json()
    const mine = list.items.find((t: { id: number }) => t.id === receipt.id)
    expect(mine.reporterPhone).toBe(REPORTER_PHONE)
    expect(mine.channel).toBe('phone')
  })

  it('lists tickets paged on the server with filters and overdue, as an independent count says', async () => {
    const place = await placeWithPoles('mobifone', [[1, 1]])
    const ids: number[] = []
    for (let i = 0; i < 3; i++) {
      const res = await report({ category: 'bts_construction', description: `Đang xây trạm ${i}`, position: at(place) })
      ids.push((await res.json()).id)
    }
    await app.db.exec(`UPDATE tickets SET due_at = now() - interval '1 hour' WHERE id = ANY ($1::bigint[])`, [
      ids.slice(0, 2),
    ])
    const { district } = await app.db.one<{ district: string }>(
      'SELECT district_code AS district FROM tickets WHERE id = $1',
      [ids[0]],
    )
    expect(district).toMatch(/^\d+$/)
    const page = await (
      await app.request(
        'GET',
        `/api/tickets?overdue=true&category=bts_construction&district=${district}&limit=1&offset=1`,
        { cookie: officer },
      )
    ).json()
    const oracle = await app.db.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM tickets WHERE category = 'bts_construction' AND district_code = $1
          AND status NOT IN ('resolved', 'rejected') AND due_at < now()`,
      [district],
    )
    expect(oracle.n).toBeGreaterThanOrEqual(2)
    expect(page.total).toBe(oracle.n)
    expect(page.items).toHaveLength(1)
    expect(page.items[0].overdue).toBe(true)
    const open = await (
      await app.request('GET', '/api/tickets?overdue=false&status=received', { cookie: officer })
    ).json()
    expect(open.items.every((t: { overdue: boolean; status: string }) => !t.overdue && t.status === 'received')).toBe(
      true,
    )
  })

  it('never shows a carrier the reporter (list, detail, export, steps, notifications); others see none', async () => {
    const place = await placeWithPoles('viettel', [[7, 1]])
    const receipt = await (
      await report({ category: 'pole_unsafe', description: 'Cột bê tông nứt', position: at(place), contact: REPORTER })
    ).json()
    const detail = await (await app.request('GET', `/api/tickets/${receipt.id}`, { cookie: officer })).json()
    const assigned = await app.request('POST', `/api/tickets/${receipt.id}/transitions`, {
      cookie: officer,
      body: { action: 'assign', version: detail.version },
    })
    expect(assigned.status).toBe(200)
    const carrierViews = await Promise.all(
      [
        '/api/tickets',
        `/api/tickets?status=assigned`,
        `/api/tickets/${receipt.id}`,
        '/api/tickets/export.csv',
        '/api/notifications',
      ].map(async (path) => {
        const res = await app.request('GET', path, { cookie: viettel })
        expect(res.status, path).toBe(200)
        return res.text()
      }),
    )
    const responded = await app.request('POST', `/api/tickets/${receipt.id}/transitions`, {
      cookie: viettel,
      body: { action: 'respond', version: detail.version + 1, response: 'Đã nhận' },
    })
    expect(responded.status).toBe(200)
    carrierViews.push(await responded.text())
    expect(carrierViews[0]).toContain(receipt.number)
    expect(carrierViews[3]).toContain(receipt.number)
    for (const text of carrierViews) {
      for (const secret of [
        REPORTER.name,
        REPORTER_PHONE,
        'reporterName',
        'reporterPhone',
        'checkCode',
        receipt.checkCode,
      ])
        expect(text).not.toContain(secret)
    }
    // the office's own export has the contact
    const officeCsv = await (await app.request('GET', '/api/tickets/export.csv', { cookie: officer })).text()
    expect(officeCsv).toContain(REPORTER_PHONE)
    // another carrier: not in its list, 404 on the ticket, its photos and its steps
    const other = await (await app.request('GET', '/api/tickets', { cookie: mobifone })).json()
    expect(other.items.some((t: { id: number }) => t.id === receipt.id)).toBe(false)
    expect((await app.request('GET', `/api/tickets/${receipt.id}`, { cookie: mobifone })).status).toBe(404)
    const step = await app.request('POST', `/api/tickets/${receipt.id}/transitions`, {
      cookie: mobifone,
      body: { action: 'respond', version: detail.version + 2, response: 'x' },
    })
    expect(step.status).toBe(404)
    expect(
      (
        await upload(`/api/tickets/${receipt.id}/photos?purpose=resolution`, await phoneJpeg(place), {
          cookie: mobifone,
        })
      ).status,
    ).toBe(404)
  })

  it('gives a ticket to an inspector: an inspection of the linked pole, purpose citizen_report', async () => {
    const place = await placeWithPoles('viettel', [[5, -5]])
    const receipt = await (
      await report({ category: 'pole_unsafe', description: 'Cột nghiêng về phía nhà dân', position: at(place) })
    ).json()
    const detail = await (await app.request('GET', `/api/tickets/${receipt.id}`, { cookie: officer })).json()
    const { id: inspectorId } = await app.db.one<{ id: number }>(`SELECT id FROM users WHERE username = 'inspector1'`)
    const res = await app.request('POST', `/api/tickets/${receipt.id}/transitions`, {
      cookie: officer,
      body: { action: 'assign', version: detail.version, inspectorId, carrierId: null },
    })
    expect(res.status).toBe(200)
    const assigned = await res.json()
    expect(assigned).toMatchObject({ status: 'assigned', inspectorName: 'inspector1', carrierId: null })
    const row = await app.db.one(
      `SELECT i.purpose, i.asset_kind AS kind, i.asset_id::int AS asset, i.ticket_id::int AS ticket,
              i.inspector_id AS inspector,
              i.due_on = (t.due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS due
         FROM inspections i JOIN tickets t ON t.inspection_id = i.id WHERE t.id = $1`,
      [receipt.id],
    )
    expect(row).toEqual({
      purpose: 'citizen_report',
      kind: 'pole',
      asset: place.poles[0],
      ticket: receipt.id,
      inspector: inspectorId,
      due: true,
    })
    expect(assigned.inspectionId).toBeGreaterThan(0)
    // the ticket carries its inspection's state, and its verdict once recorded
    expect(assigned).toMatchObject({ inspectionState: 'assigned', inspectionVerdict: null })
    // the inspector sees the ticket, without the reporter's contact
    const seen = await app.request('GET', `/api/tickets/${receipt.id}`, { cookie: inspector })
    expect(seen.status).toBe(200)
    expect(await seen.json()).not.toHaveProperty('reporterPhone')
    // a ticket linked to no asset cannot be inspected (nothing changes)
    const far = await placeWithPoles('viettel', [])
    const lone = await (
      await report({ category: 'cable_sagging', description: 'Cáp võng ở nơi không có tuyến', position: at(far) })
    ).json()
    const refused = await app.request('POST', `/api/tickets/${lone.id}/transitions`, {
      cookie: officer,
      body: { action: 'assign', version: 1, inspectorId },
    })
    expect(refused.status).toBe(422)
    expect((await refused.json()).errors[0].code).toBe('ticket.inspect_needs_asset')
    const { n } = await app.db.one<{ n: number }>('SELECT count(*)::int AS n FROM inspections WHERE ticket_id = $1', [
      lone.id,
    ])
    expect(n).toBe(0)
  })

  it('checks the role on every ticket route', async () => {
    const place = await placeWithPoles('viettel', [[9, 9]])
    const receipt = await (
      await report({ category: 'pole_unsafe', description: 'Cột nghiêng', position: at(place) })
    ).json()
    const photo = await upload(`/api/tickets/${receipt.id}/photos`, await phoneJpeg(place), { cookie: officer })
    expect(photo.status).toBe(201)
    const photoId = (await photo.json()).id
    const body = { category: 'pole_unsafe', description: 'Cột nghiêng', position: at(place) }
    const routes: { method: string; path: string; body?: unknown; allowed: string[] }[] = [
      { method: 'POST', path: '/api/tickets', body, allowed: ['officer', 'admin'] },
      { method: 'GET', path: '/api/tickets', allowed: ['officer', 'admin', 'inspector', 'carrier'] },
      { method: 'GET', path: '/api/tickets/export.csv', allowed: ['officer', 'admin', 'inspector', 'carrier'] },
      { method: 'GET', path: '/api/tickets/sla', allowed: ['officer', 'admin', 'inspector', 'carrier'] },
      { method: 'PUT', path: '/api/tickets/sla/emf_concern', body: { hours: 360 }, allowed: ['officer', 'admin'] },
      { method: 'GET', path: `/api/tickets/${receipt.id}`, allowed: ['officer', 'admin'] },
      { method: 'GET', path: `/api/tickets/photos/${photoId}`, allowed: ['officer', 'admin'] },
      {
        method: 'POST',
        path: `/api/tickets/${receipt.id}/transitions`,
        body: { action: 'reject', version: 999, note: 'Trùng phản ánh khác' },
        allowed: ['officer', 'admin'],
      },
    ]
    const cookies: Record<string, string> = { officer, admin, inspector, carrier: viettel }
    for (const r of routes) {
      const anonymous = await app.request(r.method, r.path, { body: r.body, headers: from(newAddress()) })
      expect(anonymous.status, `${r.method} ${r.path} anonymous`).toBe(401)
      for (const [role, cookie] of Object.entries(cookies)) {
        const res = await app.request(r.method, r.path, { cookie, body: r.body })
        const refused = [401, 403, 404].includes(res.status)
        // a role the route takes may still be out of the ticket's scope (404) or stale (409), never 401/403
        if (r.allowed.includes(role))
          expect([401, 403].includes(res.status), `${r.method} ${r.path} ${role}`).toBe(false)
        else expect(refused, `${r.method} ${r.path} ${role}: ${res.status}`).toBe(true)
      }
    }
    // an inspector and a carrier cannot take the office's steps even on a ticket they can see
    const carrierStep = await app.request('POST', `/api/tickets/${receipt.id}/transitions`, {
      cookie: viettel,
      body: { action: 'assign', version: 1 },
    })
    expect([403, 404]).toContain(carrierStep.status)
    expect((await app.request('POST', `/api/tickets/${receipt.id}/photos`, { cookie: inspector })).status).toBe(403)
  })
})

async function carrierId(shortName: string): Promise<number> {
  return (await app.db.one<{ id: number }>('SELECT id FROM carriers WHERE short_name = $1', [shortName])).id
}
