import net from 'node:net'

/**
 * A TCP proxy in front of the test server whose cable can be pulled: `cut()` drops every open connection and
 * refuses new ones until `restore()`. A browser pointed at it is offline for real, whatever its own offline
 * emulation covers (Chromium's emulation does not reach a service worker's own fetches everywhere, Playwright
 * issue #2311), while the test itself still talks to the server directly.
 */
export interface CutProxy {
  url: string
  cut(): void
  restore(): void
  /** Connections refused while cut: proof that the browser tried the network and did not reach the server. */
  refused(): number
  close(): Promise<void>
}

export async function startCutProxy(target: string): Promise<CutProxy> {
  const { hostname, port } = new URL(target)
  const open = new Set<net.Socket>()
  let isCut = false
  let refused = 0
  const server = net.createServer((client) => {
    if (isCut) {
      refused += 1
      client.destroy()
      return
    }
    const upstream = net.connect(Number(port), hostname)
    open.add(client)
    open.add(upstream)
    const close = () => {
      client.destroy()
      upstream.destroy()
      open.delete(client)
      open.delete(upstream)
    }
    client.on('error', close).on('close', close)
    upstream.on('error', close).on('close', close)
    client.pipe(upstream)
    upstream.pipe(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address() as net.AddressInfo
  return {
    url: `http://127.0.0.1:${address.port}`,
    cut() {
      isCut = true
      for (const s of open) s.destroy()
      open.clear()
    },
    restore() {
      isCut = false
    },
    refused: () => refused,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy()
        server.close(() => resolve())
      }),
  }
}
