import fs from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'

/** A PGlite instance with PostGIS, reachable over the PostgreSQL wire protocol on loopback. */
export interface EmbeddedServer {
  port: number
  dataDir: string
  stop(): Promise<void>
}

/**
 * Opens (or creates) the embedded database in `dataDir` and serves it on 127.0.0.1.
 * The socket server allows a few connections so that a client being replaced after an error can
 * overlap with its successor; PGlite itself still runs one statement at a time.
 */
export async function startEmbedded(dataDir: string, port = 0): Promise<EmbeddedServer> {
  fs.mkdirSync(dataDir, { recursive: true })
  const db = await PGlite.create({ dataDir, extensions: { postgis } })
  await db.exec('CREATE EXTENSION IF NOT EXISTS postgis')
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 8 })
  await server.start()
  const address = (server as unknown as { server: { address(): { port: number } } }).server.address()
  return {
    port: address.port,
    dataDir,
    async stop() {
      await server.stop()
      await db.close()
    },
  }
}
