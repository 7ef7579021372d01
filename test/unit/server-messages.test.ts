import { describe, expect, it } from 'vitest'
import express from 'express'
import type { AddressInfo } from 'node:net'
import { CATALOGUES, langOf, msg } from '../../server/http/messages'
import { problemHandler } from '../../server/http/errors'
import { fieldError, invalid, notFound, problemFromSqlState } from '../../server/http/problems'
import { CODES, englishFragments, renderStandIn } from '../helpers/server-messages'

const VIETNAMESE_LETTER = /[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]/i

describe('the server message catalogues', () => {
  it('has a Vietnamese text, different from the English one, for every server message', () => {
    expect(CODES.length).toBeGreaterThan(100)
    const missing = CODES.filter((code) => typeof CATALOGUES.vi[code] !== 'function')
    expect(missing).toEqual([])
    const untranslated = CODES.filter((code) => {
      const vi = renderStandIn(code, 'vi')
      return vi.trim() === '' || vi === renderStandIn(code, 'en') || !VIETNAMESE_LETTER.test(vi)
    }).filter((code) => code !== 'coords.explained')
    expect(untranslated).toEqual([])
    expect(Object.keys(CATALOGUES.vi).sort()).toEqual([...CODES].sort())
  })

  it('words the coordinate explanations in the language asked for', () => {
    const m = msg('coords.explained', { en: 'Both orders fit', vi: 'Cả hai thứ tự đều hợp' })
    expect(CATALOGUES.vi[m.code](m.params as never)).toBe('Cả hai thứ tự đều hợp')
  })

  it('lists the English fragments the Vietnamese UI must never show', () => {
    const fragments = englishFragments()
    expect(fragments).toContain('The station is not valid.')
    expect(fragments).toContain('cannot take the action')
    expect(fragments.length).toBeGreaterThan(100)
  })
})

describe('the language of an answer', () => {
  it.each([
    [undefined, 'vi'],
    ['', 'vi'],
    ['vi', 'vi'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['vi-VN,vi;q=0.9,en;q=0.8', 'vi'],
    ['en;q=0.5,vi;q=0.8', 'vi'],
    ['fr-FR,en;q=0.7', 'en'],
    ['fr-FR', 'vi'],
    ['en;q=0', 'vi'],
  ])('Accept-Language %j answers %s', (header, lang) => {
    expect(langOf(header)).toBe(lang)
  })
})

describe('the problem handler', () => {
  async function answer(error: unknown, acceptLanguage?: string) {
    const app = express()
    app.get('/x', () => {
      throw error
    })
    app.use(problemHandler)
    const server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/x`, {
        headers: acceptLanguage ? { 'Accept-Language': acceptLanguage } : {},
      })
      return { res, json: (await res.json()) as Record<string, unknown> & { errors?: Record<string, unknown>[] } }
    } finally {
      server.close()
    }
  }
  const refused = () =>
    invalid('station.invalid', [fieldError('body.eventId', 'event.unknown', { id: 7 }), { path: 'x', message: 'raw' }])

  it('answers in Vietnamese when asked, and by default, keeping the code and parameters', async () => {
    for (const header of ['vi', undefined]) {
      const { res, json } = await answer(refused(), header)
      expect(res.status).toBe(422)
      expect(res.headers.get('content-language')).toBe('vi')
      expect(json).toMatchObject({
        title: 'Dữ liệu chưa hợp lệ',
        detail: 'Hồ sơ trạm chưa hợp lệ.',
        code: 'station.invalid',
      })
      expect(json.errors?.[0]).toMatchObject({
        path: 'body.eventId',
        code: 'event.unknown',
        params: { id: 7 },
        message: 'Không có sự kiện 7.',
      })
      expect(json.errors?.[1]).toEqual({ path: 'x', message: 'raw' })
    }
  })

  it('answers in English when English is asked for', async () => {
    const { res, json } = await answer(refused(), 'en-US,en;q=0.9')
    expect(res.headers.get('content-language')).toBe('en')
    expect(json).toMatchObject({
      title: 'Validation failed',
      detail: 'The station is not valid.',
      code: 'station.invalid',
    })
    expect(json.errors?.[0]?.message).toBe('No event 7.')
  })

  it('renders parameters in each language', async () => {
    const stale = notFound(msg('boundary.unit_not_found', { level: 'district', code: '760' }))
    expect((await answer(stale, 'vi')).json.detail).toBe('Không có huyện có mã 760.')
    expect((await answer(stale, 'en')).json.detail).toBe('No district with code 760.')
  })

  it('never names a database constraint or index in the human text', async () => {
    const err = Object.assign(new Error('duplicate key value violates unique constraint "stations_site_code_key"'), {
      code: '23505',
      constraint: 'stations_site_code_key',
    })
    expect(problemFromSqlState(err)?.message).not.toContain('stations_site_code_key')
    for (const lang of ['vi', 'en']) {
      const { res, json } = await answer(err, lang)
      expect(res.status).toBe(409)
      expect(`${json.title} ${json.detail}`).not.toContain('stations_site_code_key')
      expect(json).toMatchObject({ code: 'db.duplicate', constraint: 'stations_site_code_key' })
    }
  })
})
