import { describe, expect, it } from 'vitest'
import type { AuditEntry } from '../../client/api/types'
import { auditActionLabel, auditDetails, auditTargetLabel } from '../../client/admin/auditLabels'
import { interpolate, type Translate } from '../../client/i18n'
import { en } from '../../client/i18n/en'
import { vi } from '../../client/i18n/vi'

const tr =
  (table: Record<string, string>): Translate =>
  (key, values) =>
    interpolate(table[key] ?? key, values)

const entry = (over: Partial<AuditEntry>): AuditEntry =>
  ({
    id: 1,
    at: '2026-12-01T00:00:00Z',
    actorName: 'officer',
    action: '',
    entity: '',
    entityId: null,
    ...over,
  }) as AuditEntry

describe('the audit trail in words', () => {
  it('names actions, never their codes, in both languages', () => {
    expect(auditActionLabel(tr(vi), 'station.approve')).toBe('Chấp thuận')
    expect(auditActionLabel(tr(en), 'station.approve')).not.toBe('station.approve')
    expect(auditActionLabel(tr(vi), 'station.rule_override')).toBe('Ngoại lệ quy định')
    expect(auditActionLabel(tr(vi), 'demo.load')).toBe('Nạp dữ liệu demo')
    expect(auditActionLabel(tr(vi), 'auth.login')).toBe('Đăng nhập')
    expect(auditActionLabel(tr(vi), 'cable_route.completed')).toBe('Chuyển trạng thái: Hoàn thành')
  })

  it('names the record by its kind and code, a session by whose it is', () => {
    const t = tr(vi)
    expect(auditTargetLabel(t, entry({ entity: 'station', entityId: '9', after: { siteCode: 'HCM-0009' } }))).toBe(
      'Trạm HCM-0009',
    )
    expect(auditTargetLabel(t, entry({ entity: 'session', entityId: '2' }))).toBe('Phiên đăng nhập officer')
    expect(auditTargetLabel(t, entry({ entity: 'carrier', entityId: '3' }))).toBe('Doanh nghiệp #3')
  })

  it('shows a zone kind, a carrier and an override by name', () => {
    const t = tr(vi)
    expect(auditDetails(t, entry({ entity: 'planning_zone', after: { kind: 'a1_only' } }))).toBe(
      'loại vùng: Chỉ cột A1',
    )
    expect(auditDetails(t, entry({ entity: 'station', after: { operator: { name: 'Viettel' } } }))).toBe(
      'doanh nghiệp: Viettel',
    )
    const override = entry({
      action: 'station.rule_override',
      entity: 'station',
      after: { rules: ['zone_height'], reason: 'Trạm phục vụ sự kiện' },
    })
    expect(auditDetails(t, override)).toBe(
      'quy định không đạt: Giới hạn chiều cao của vùng — lý do: Trạm phục vụ sự kiện',
    )
  })
})
