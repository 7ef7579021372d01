import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * `npm start` runs this first: builds the client into dist/client when a source is newer than the last
 * build, so that a fresh clone serves the app and a restart with no client change starts at once.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const stamp = path.join(root, 'dist/client/index.html')

function newest(p: string): number {
  const stat = fs.statSync(p)
  if (!stat.isDirectory()) return stat.mtimeMs
  return fs.readdirSync(p).reduce((max, name) => Math.max(max, newest(path.join(p, name))), stat.mtimeMs)
}

const sources = Math.max(
  newest(path.join(root, 'client')),
  newest(path.join(root, 'vite.config.ts')),
  newest(path.join(root, 'package-lock.json')),
)
if (fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= sources) {
  console.log('Client build is up to date.')
} else {
  console.log('Building the client…')
  const { build } = await import('vite')
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' })
}
