import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'

const root = path.dirname(fileURLToPath(import.meta.url))
const SW_SOURCE = path.join(root, 'client/field/sw.js')
const SW_BUILD = "const BUILD = { version: 'dev', files: [] }"

/**
 * The field mode's service worker (client/field/sw.js) at /sw.js, same origin and at the root so that its scope
 * is the whole app: the build writes it with the list of the build's files (its app shell) and a version
 * derived from them; `npx vite` serves it as it is (no shell list).
 */
function serviceWorker(): Plugin {
  const source = () => {
    const text = fs.readFileSync(SW_SOURCE, 'utf8')
    if (!text.includes(SW_BUILD)) throw new Error(`${SW_SOURCE} lost its line ${SW_BUILD}`)
    return text
  }
  return {
    name: 'telgis-service-worker',
    configureServer(server) {
      server.middlewares.use('/sw.js', (_req, res) => {
        res.setHeader('Content-Type', 'text/javascript')
        res.end(source())
      })
    },
    generateBundle(_options, bundle) {
      const files = ['/index.html', ...Object.keys(bundle).filter((f) => !f.endsWith('.map') && f !== 'index.html')]
        .map((f) => (f.startsWith('/') ? f : `/${f}`))
        .sort()
      const version = crypto.createHash('sha256').update(files.join('\n')).update(source()).digest('hex').slice(0, 12)
      const build = `const BUILD = ${JSON.stringify({ version, files })}`
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: source().replace(SW_BUILD, build) })
    },
  }
}

// The client lives in client/ and is built into dist/client, which the server serves with an SPA fallback.
// `npm run dev` serves the API; `npx vite` serves the client on 5173 and proxies /api to it.
export default defineConfig({
  root: path.join(root, 'client'),
  publicDir: false,
  plugins: [react(), serviceWorker()],
  build: {
    outDir: path.join(root, 'dist/client'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': `http://localhost:${process.env.PORT ?? 3000}` },
  },
})
