import fs from 'node:fs'
import path from 'node:path'
import { formatNumber } from '../shared/format'

/** What the start-up banner tells whoever ran `npm start`. */
export interface BannerFacts {
  url: string
  database: 'embedded' | 'postgres'
  dataDir: string
  startupMs: number
  /** The administrator created at this start, with the generated password (null when it came from ADMIN_PASSWORD). */
  admin: { username: string; password: string | null; file: string | null } | null
  /** Active demo accounts and their published password. */
  demo: { usernames: string[]; password: string } | null
}

/** The name of the file that keeps a generated administrator password (in DATA_DIR, mode 600). */
export const ADMIN_PASSWORD_FILE = 'admin-password.txt'

/**
 * Keeps the generated administrator password in DATA_DIR, readable by this OS user only, so it does not depend
 * on a terminal's scroll-back. Answers the file's path, or null when there is no data folder (tests).
 */
export function saveAdminPassword(dataDir: string, username: string, password: string): string | null {
  if (!dataDir) return null
  fs.mkdirSync(dataDir, { recursive: true })
  const file = path.join(dataDir, ADMIN_PASSWORD_FILE)
  fs.rmSync(file, { force: true })
  fs.writeFileSync(
    file,
    `# First administrator, created ${new Date().toISOString()}. Change the password after signing in,\n` +
      `# then delete this file.\nusername: ${username}\npassword: ${password}\n`,
    { mode: 0o600, flag: 'wx' },
  )
  fs.chmodSync(file, 0o600)
  return file
}

/** The block printed once the server listens: last, so it does not scroll away behind the log lines. */
export function startupBanner(f: BannerFacts): string {
  const rule = '─'.repeat(72)
  const seconds = f.startupMs / 1000
  const lines = [
    rule,
    `Hạ tầng viễn thông GIS sẵn sàng sau ${formatNumber(seconds, 'vi')} giây · ` +
      `ready in ${formatNumber(seconds, 'en')} s`,
    `Mở trình duyệt / open:  ${f.url}`,
    f.database === 'embedded'
      ? `Cơ sở dữ liệu / database: nhúng / embedded (PGlite + PostGIS) in ${f.dataDir}`
      : 'Cơ sở dữ liệu / database: PostgreSQL (DATABASE_URL)',
  ]
  if (f.admin?.password) {
    lines.push(`Quản trị / administrator:  ${f.admin.username}   mật khẩu / password: ${f.admin.password}`)
    lines.push(
      f.admin.file
        ? `  also saved in ${f.admin.file} (readable by this user only); change it after signing in`
        : '  printed once; change it after signing in',
    )
  }
  if (f.demo && f.demo.usernames.length > 0) {
    lines.push(`Tài khoản demo / demo sign-ins — mật khẩu / password: ${f.demo.password}`)
    lines.push(`  ${f.demo.usernames.join('  ')}`)
    lines.push('  DEMO DATA: generated, not real; DEMO=off to switch the demo accounts off')
  }
  lines.push(rule)
  return `\n${lines.map((l) => `  ${l}`).join('\n')}\n\n`
}
