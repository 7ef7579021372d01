import type { Db, Queryable } from '../server/db/index'
import { audit, SYSTEM } from '../server/audit/audit'
import { ensureCarriers } from '../server/carriers/service'
import { insertUser, usernameTaken } from '../server/users/service'
import { generateProvince, DEMO_PROVINCE } from './province'
import { generateCables } from './cables'
import { generateStations } from './stations'
import { generateConversions } from './conversions'
import * as sql from './sql'

// The national carriers are real data kept by server/carriers; re-exported for the tests that set up with them.
export { ensureCarriers }

export const DEMO_SEED = 20_170_601

/** Demo accounts: one per role (and one per mobile carrier). Passwords are public: this is demo data. */
export const DEMO_USERS = [
  { username: 'officer', displayName: 'Chuyên viên Sở TT&TT (demo)', role: 'officer', carrier: null },
  { username: 'inspector', displayName: 'Thanh tra viên (demo)', role: 'inspector', carrier: null },
  { username: 'viettel', displayName: 'Viettel — kỹ sư hạ tầng (demo)', role: 'carrier', carrier: 'viettel' },
  { username: 'mobifone', displayName: 'MobiFone — kỹ sư hạ tầng (demo)', role: 'carrier', carrier: 'mobifone' },
  { username: 'vnpt', displayName: 'VNPT — kỹ sư hạ tầng (demo)', role: 'carrier', carrier: 'vnpt' },
  {
    username: 'vietnamobile',
    displayName: 'Vietnamobile — kỹ sư hạ tầng (demo)',
    role: 'carrier',
    carrier: 'vietnamobile',
  },
  { username: 'gmobile', displayName: 'Gmobile — kỹ sư hạ tầng (demo)', role: 'carrier', carrier: 'gmobile' },
] as const

/**
 * The published password of every demo account. It passes the password policy (it is long, names no user and is
 * on no common list), yet it is public, which is why a production start refuses demo accounts.
 */
export const DEMO_PASSWORD = 'demo-public-password'

export interface DemoReport {
  province: string
  districts: number
  users: { username: string; password: string; role: string }[]
}

/** The heavier demo layers, loaded after the province, each in its own transaction, in this order. */
export const DEMO_LAYERS: {
  name: string
  load(tx: Queryable, provinceCode: string, seed: number): Promise<unknown>
}[] = [
  { name: 'stations', load: generateStations },
  { name: 'cables', load: generateCables },
  { name: 'conversions', load: generateConversions },
]

/** Progress of a demo load, for logs and /api/health. */
export interface DemoProgress {
  layer: string
  done: number
  total: number
}

/** Loads the demo province, carriers and demo users in one transaction (fast: seconds). */
export async function loadDemoBase(db: Db, provinceCode: string): Promise<DemoReport> {
  return db.transaction(async (tx) => {
    await tx.exec(sql.FORGET_DEMO_PROVINCE)
    await ensureCarriers(tx)
    // Real boundaries already imported for the province are kept; the demo then lays its data on them.
    const hasBoundaries = await tx.maybeOne(sql.DISTRICTS_IN_FORCE, [provinceCode])
    const province = hasBoundaries ? { districts: 0 } : await generateProvince(tx, provinceCode, DEMO_SEED)
    const users: DemoReport['users'] = []
    for (const u of DEMO_USERS) {
      if (await usernameTaken(tx, u.username)) continue
      const carrier = u.carrier ? await tx.one<{ id: number }>(sql.CARRIER_ID, [u.carrier]) : null
      const password = DEMO_PASSWORD
      const user = await insertUser(tx, {
        username: u.username,
        displayName: u.displayName,
        password,
        role: u.role,
        carrierId: carrier?.id ?? null,
        isDemo: true,
      })
      await audit(tx, SYSTEM, { action: 'user.create', entity: 'user', entityId: user.id as number, after: user })
      users.push({ username: u.username, password, role: u.role })
    }
    await tx.exec(sql.RECORD_DEMO_PROVINCE, [
      DEMO_SEED,
      JSON.stringify({ province: DEMO_PROVINCE.name, districts: province.districts }),
    ])
    await audit(tx, SYSTEM, {
      action: 'demo.load',
      entity: 'demo_dataset',
      entityId: 'province',
      after: { seed: DEMO_SEED, districts: province.districts },
    })
    return { province: DEMO_PROVINCE.name, districts: province.districts, users }
  })
}

/**
 * Loads the demo layers not loaded yet (a load interrupted half-way resumes at the layer it was on: each layer
 * commits with its demo_datasets row).
 */
export async function loadDemoLayers(
  db: Db,
  provinceCode: string,
  onProgress: (p: DemoProgress) => void = () => undefined,
): Promise<void> {
  const loaded = new Set((await db.many<{ name: string }>(sql.LOADED_DEMO_DATASETS)).map((r) => r.name))
  const todo = DEMO_LAYERS.filter((l) => !loaded.has(l.name))
  for (const [i, layer] of todo.entries()) {
    onProgress({ layer: layer.name, done: i, total: todo.length })
    await db.transaction(async (tx) => {
      // a bulk generator, not a request: 150,000 poles in one statement may take longer than a request may
      await tx.exec(sql.DEMO_LAYER_TIMEOUT)
      await layer.load(tx, provinceCode, DEMO_SEED)
      await tx.exec(sql.RECORD_DEMO_LAYER, [layer.name, DEMO_SEED])
      await audit(tx, SYSTEM, {
        action: 'demo.load',
        entity: 'demo_dataset',
        entityId: layer.name,
        after: { seed: DEMO_SEED },
      })
    })
  }
  onProgress({ layer: '', done: todo.length, total: todo.length })
}

/** Loads the whole demo: province and users, then every layer. */
export async function loadDemo(db: Db, provinceCode: string): Promise<DemoReport> {
  const report = await loadDemoBase(db, provinceCode)
  await loadDemoLayers(db, provinceCode)
  return report
}

/**
 * On start: an empty database gets the demo province; a database holding the demo province gets the layers it
 * is missing; a database with real data is left alone. Answers the base report when the base was loaded now.
 */
export async function startDemo(
  db: Db,
  provinceCode: string,
): Promise<{ report: DemoReport | null; layersPending: boolean }> {
  const base = await db.maybeOne(sql.DEMO_PROVINCE_LOADED)
  if (!base) {
    const any = await db.maybeOne(sql.ANY_ADMIN_UNIT)
    await ensureCarriers(db)
    if (any) return { report: null, layersPending: false }
  }
  const report = base ? null : await loadDemoBase(db, provinceCode)
  const loaded = new Set((await db.many<{ name: string }>(sql.LOADED_DEMO_DATASETS)).map((r) => r.name))
  return { report, layersPending: DEMO_LAYERS.some((l) => !loaded.has(l.name)) }
}

/** Prints the demo sign-ins once. */
export function printCredentials(report: DemoReport): void {
  const lines = [
    `DEMO DATA loaded: ${report.province} — ${report.districts} generated districts (not real boundaries).`,
    ...report.users.map((u) => `  ${u.role.padEnd(9)} ${u.username.padEnd(13)} password: ${u.password}`),
  ]
  process.stdout.write(`\n${lines.join('\n')}\n\n`)
}
