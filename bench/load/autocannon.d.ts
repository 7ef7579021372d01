// The part of autocannon's API the load test uses (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  interface Request {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string
    setupRequest?: (req: Request, context: Record<string, unknown>) => Request
  }
  interface Options {
    url: string
    connections?: number
    duration?: number
    timeout?: number
    headers?: Record<string, string>
    requests?: Request[]
  }
  interface Result {
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    requests: { average: number; total: number }
  }
  interface Instance extends EventEmitter {
    on(event: 'response', fn: (client: unknown, statusCode: number, bytes: number, ms: number) => void): this
    on(event: 'done', fn: (result: Result) => void): this
  }
  function autocannon(options: Options, cb: (err: Error | null, result: Result) => void): Instance
  export default autocannon
}
