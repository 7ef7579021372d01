import { describe, expect, it } from 'vitest'
import {
  formatArea,
  formatCoordinate,
  formatCount,
  formatDate,
  formatDateTime,
  formatNumber,
  parseNumber,
} from '../../client/i18n/format'
import { interpolate } from '../../client/i18n'
import { vi } from '../../client/i18n/vi'
import { en } from '../../client/i18n/en'

// Intl may put a narrow no-break space where we compare with a plain one.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ')

describe('Vietnamese number formatting', () => {
  it('writes the HCMC tidying figure as 3.446,8 in Vietnamese and 3,446.8 in English', () => {
    expect(formatNumber(3446.8, 'vi')).toBe('3.446,8')
    expect(formatNumber(3446.8, 'en')).toBe('3,446.8')
  })

  it('groups counts with dots in Vietnamese', () => {
    expect(formatCount(147166, 'vi')).toBe('147.166')
    expect(formatCount(147166, 'en')).toBe('147,166')
  })

  it('writes coordinates with fixed decimals, a decimal comma and no grouping', () => {
    expect(formatCoordinate(1191912.345, 'vi', 2)).toBe('1191912,35')
    expect(formatCoordinate(10.7769, 'vi', 6)).toBe('10,776900')
    expect(formatCoordinate(106.7009, 'en', 4)).toBe('106.7009')
  })

  it('gives areas in km² above one square kilometre and in hectares below', () => {
    expect(plain(formatArea(52_300_000, 'vi'))).toBe('52,3 km²')
    expect(plain(formatArea(7_720_000, 'vi'))).toBe('7,72 km²')
    expect(plain(formatArea(250_000, 'en'))).toBe('25 ha')
    expect(plain(formatArea(2_095_000_000, 'vi'))).toBe('2.095 km²')
  })
})

describe('dates', () => {
  it('writes a calendar date day first whatever the time zone of the machine', () => {
    expect(formatDate('2021-01-01', 'vi')).toBe('01/01/2021')
    expect(formatDate('2025-07-01', 'en')).toBe('01/07/2025')
  })

  it('writes an instant in Vietnam time (UTC+7)', () => {
    expect(formatDateTime('2026-11-27T17:05:00Z', 'vi')).toBe('00:05 28/11/2026')
  })

  it('returns text it cannot read unchanged', () => {
    expect(formatDate('soon', 'vi')).toBe('soon')
  })
})

describe('reading typed numbers', () => {
  it.each([
    ['10,7769', 10.7769],
    ['10.7769', 10.7769],
    ['1191912,35', 1191912.35],
    ['1 191 912,35', 1191912.35],
    ['1.191.912,35', 1191912.35],
    ['1,191,912.35', 1191912.35],
    ['1.191.912', 1191912],
    ['-0,5', -0.5],
    ['  603287 ', 603287],
  ])('reads %s as %d', (text, value) => {
    expect(parseNumber(text)).toBe(value)
  })

  it.each(['', 'abc', '10,5,', '1.2.3,4,5', '1.2345.678', '12,34,56', '12e3', '10°45′'])('refuses %j', (text) => {
    expect(parseNumber(text)).toBeNull()
  })
})

describe('message tables', () => {
  it('has an English text for every Vietnamese key and no other', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort())
  })

  it('keeps the same placeholders in both languages', () => {
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
      expect(names(en[key]), key).toEqual(names(vi[key]))
    }
  })

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{count} quận/huyện', { count: '22' })).toBe('22 quận/huyện')
    expect(interpolate('{a} {b}', { a: 1 })).toBe('1 {b}')
  })
})
