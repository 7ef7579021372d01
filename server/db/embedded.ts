import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'
import * as SQL from './sql'

/** The embedded database's loopback port, opened only on request, with the password it demands. */
export interface EmbeddedPort {
  port: number
  password: string
  /** True when the password was generated for this start (and is to be printed once). */
  generated: boolean
}

/** A PGlite instance with PostGIS, served on a private Unix socket (and, on request, a password-checked port). */
export interface EmbeddedServer {
  /** Directory holding the Unix socket `.s.PGSQL.5432` (pg's `host` for a socket). */
  socketDir: string
  dataDir: string
  tcp: EmbeddedPort | undefined
  stop(): Promise<void>
}

/** The port pg derives the socket file name from (`.s.PGSQL.<port>`); no TCP port is involved. */
export const SOCKET_PORT = 5432

/**
 * Opens (or creates) the embedded database in `dataDir` and serves it on a Unix socket in a fresh directory only
 * this user can enter (0700, socket 0600): PGlite checks no password, so no other local account may reach it.
 * With `tcp` it is also served on 127.0.0.1 behind a password check (see servePasswordPort).
 * The socket server allows a few connections so that a client being replaced after an error can overlap with its
 * successor; PGlite itself still runs one statement at a time.
 */
export async function startEmbedded(
  dataDir: string,
  tcp?: { port: number; password?: string },
): Promise<EmbeddedServer> {
  fs.mkdirSync(dataDir, { recursive: true })
  const db = await PGlite.create({ dataDir, extensions: { postgis } })
  await db.exec(SQL.createPostgis)
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'telgis-db-'))
  fs.chmodSync(socketDir, 0o700)
  const socketPath = path.join(socketDir, `.s.PGSQL.${SOCKET_PORT}`)
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 8 })
  await server.start()
  fs.chmodSync(socketPath, 0o600)
  let access: EmbeddedPort | undefined
  let front: net.Server | undefined
  if (tcp) {
    const password = tcp.password ?? crypto.randomBytes(18).toString('base64url')
    front = await servePasswordPort(tcp.port, password, socketPath)
    access = { port: (front.address() as net.AddressInfo).port, password, generated: tcp.password === undefined }
  }
  return {
    socketDir,
    dataDir,
    tcp: access,
    async stop() {
      if (front) await new Promise<void>((resolve) => front.close(() => resolve()))
      await server.stop()
      await db.close()
      fs.rmSync(socketDir, { recursive: true, force: true })
    },
  }
}

const SSL_REQUEST = 80877103
const GSSENC_REQUEST = 80877104
const CANCEL_REQUEST = 80877102
const PROTOCOL_3 = 196608

/** A PostgreSQL ErrorResponse message. */
function errorMessage(code: string, message: string): Buffer {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${message}\0\0`, 'utf8')
  const head = Buffer.alloc(5)
  head.write('E', 0)
  head.writeInt32BE(4 + fields.length, 1)
  return Buffer.concat([head, fields])
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest()

/**
 * Serves 127.0.0.1:`port` for tools such as psql: each connection must answer the password request (cleartext over
 * loopback) with `password` before its startup message is passed to the Unix socket; a wrong one gets 28P01.
 */
function servePasswordPort(port: number, password: string, socketPath: string): Promise<net.Server> {
  const expected = sha256(password)
  const server = net.createServer((client) => {
    client.setTimeout(10_000, () => client.destroy())
    client.on('error', () => client.destroy())
    let buffered = Buffer.alloc(0)
    let startup: Buffer | undefined
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk])
      while (!startup && buffered.length >= 8) {
        const length = buffered.readInt32BE(0)
        const code = buffered.readInt32BE(4)
        // psql asks for GSSAPI encryption and then TLS before its startup message; both are declined
        if (length === 8 && (code === SSL_REQUEST || code === GSSENC_REQUEST)) {
          client.write('N')
          buffered = buffered.subarray(8)
          continue
        }
        if (code === CANCEL_REQUEST || code !== PROTOCOL_3 || length < 8 || length > 10_000) return client.destroy()
        if (buffered.length < length) return
        startup = buffered.subarray(0, length)
        buffered = buffered.subarray(length)
        const ask = Buffer.alloc(9)
        ask.write('R', 0)
        ask.writeInt32BE(8, 1)
        ask.writeInt32BE(3, 5) // AuthenticationCleartextPassword
        client.write(ask)
      }
      if (!startup || buffered.length < 5) return
      const length = buffered.readInt32BE(1)
      if (buffered[0] !== 0x70 || length < 5 || length > 1_000) return client.destroy()
      if (buffered.length < 1 + length) return
      const given = buffered.subarray(5, length).toString('utf8')
      const rest = buffered.subarray(1 + length)
      client.off('data', onData)
      if (!crypto.timingSafeEqual(sha256(given), expected)) {
        client.end(errorMessage('28P01', 'password authentication failed for the embedded database'))
        return
      }
      client.setTimeout(0)
      const hello = startup
      const upstream = net.connect(socketPath, () => {
        upstream.write(hello)
        if (rest.length > 0) upstream.write(rest)
        client.pipe(upstream)
        upstream.pipe(client)
      })
      upstream.on('error', () => client.destroy())
      client.on('close', () => upstream.destroy())
      upstream.on('close', () => client.destroy())
    }
    client.on('data', onData)
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve(server))
  })
}
