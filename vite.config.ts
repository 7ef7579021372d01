import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

const root = path.dirname(fileURLToPath(import.meta.url))

// The client lives in client/ and is built into dist/client, which the server serves with an SPA fallback.
// `npm run dev` serves the API; `npx vite` serves the client on 5173 and proxies /api to it.
export default defineConfig({
  root: path.join(root, 'client'),
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: path.join(root, 'dist/client'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': `http://localhost:${process.env.PORT ?? 3000}` },
  },
})
