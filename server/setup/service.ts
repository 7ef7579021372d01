import type { Db, Queryable } from '../db/index'
import { audit, SYSTEM } from '../audit/audit'
import { ensureCarriers } from '../carriers/service'
import { ensureDefaultRules, NATIONAL_RULE_VALUES } from '../planning/settings'
import * as sql from './sql'

/**
 * What any province needs to take applications on an empty database: the national carriers and the national
 * rule values (editable, shown as not reviewed). Idempotent; runs at every start.
 */
export async function prepareProvince(db: Db, provinceCode: string): Promise<{ rulesAdded: boolean }> {
  return db.transaction(async (tx) => {
    await ensureCarriers(tx)
    const rulesAdded = await ensureDefaultRules(tx, provinceCode)
    if (rulesAdded) {
      await audit(tx, SYSTEM, {
        action: 'station_rules.defaults',
        entity: 'station_rules',
        entityId: provinceCode,
        after: NATIONAL_RULE_VALUES,
      })
    }
    return { rulesAdded }
  })
}

/** One line of the administrator's first-run checklist. */
export interface ChecklistItem {
  key: 'boundaries' | 'rules' | 'users' | 'carriers'
  done: boolean
  /** Figures the page words in Vietnamese or English. */
  detail: Record<string, unknown>
}

/** The first-run checklist: boundaries loaded (and real)? rule values reviewed? users created? carriers present? */
export async function checklist(
  q: Queryable,
  provinceCode: string,
): Promise<{ province: unknown; items: ChecklistItem[] }> {
  const province = await q.maybeOne(sql.PROVINCE_ZONE, [provinceCode])
  const districts = await q.one<{ total: number; demo: number; validFrom: string | null }>(sql.DISTRICTS_IN_FORCE, [
    provinceCode,
  ])
  const rules = await q.one<{ present: boolean; reviewedAt: Date | null; classifiedDistricts: number }>(
    sql.RULES_STATE,
    [provinceCode],
  )
  const users = await q.many<{ role: string; real: number; demo: number }>(sql.USERS_BY_ROLE)
  const carriers = await q.many<{ kind: string; n: number }>(sql.CARRIERS_BY_KIND)
  const real = (role: string) => Number(users.find((u) => u.role === role)?.real ?? 0)
  const total = Number(districts.total)
  const demo = Number(districts.demo)
  return {
    province,
    items: [
      {
        key: 'boundaries',
        done: total > 0 && demo === 0,
        detail: { districts: total, demo, validFrom: districts.validFrom },
      },
      {
        key: 'rules',
        done: rules.present && rules.reviewedAt !== null,
        detail: {
          present: rules.present,
          reviewedAt: rules.reviewedAt,
          classifiedDistricts: Number(rules.classifiedDistricts),
        },
      },
      {
        key: 'users',
        done: real('officer') > 0 && real('carrier') > 0,
        detail: Object.fromEntries(users.map((u) => [u.role, { real: Number(u.real), demo: Number(u.demo) }])),
      },
      {
        key: 'carriers',
        done: carriers.some((c) => c.kind === 'mobile'),
        detail: Object.fromEntries(carriers.map((c) => [c.kind, Number(c.n)])),
      },
    ],
  }
}
