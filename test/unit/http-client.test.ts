import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, http } from '../../client/api/http'

/** Answers every fetch with `response` and keeps the calls for the test to read. */
function stubFetch(response: () => Response) {
  const calls: { url: string; init: RequestInit }[] = []
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init })
    return response()
  })
  return calls
}

afterEach(() => vi.unstubAllGlobals())

describe('the shared HTTP client', () => {
  it('sends a PUT with its body as JSON and returns the JSON answer', async () => {
    const calls = stubFetch(() => Response.json({ id: 7, version: 4 }))
    const answer = await http.put<{ id: number; version: number }>('/api/cables/routes/7', {
      name: 'Tuyến A',
      version: 3,
    })
    expect(answer).toEqual({ id: 7, version: 4 })
    expect(calls).toHaveLength(1)
    expect(calls[0]!.url).toBe('/api/cables/routes/7')
    expect(calls[0]!.init.method).toBe('PUT')
    expect(calls[0]!.init.body).toBe(JSON.stringify({ name: 'Tuyến A', version: 3 }))
    expect((calls[0]!.init.headers as Record<string, string>)['Content-Type']).toBe('application/json')
  })

  it('sends a DELETE with its query in the address and no body, and returns nothing on 204', async () => {
    const calls = stubFetch(() => new Response(null, { status: 204 }))
    expect(await http.del('/api/cables/routes/7', { version: 3 })).toBeUndefined()
    expect(calls[0]!.url).toBe('/api/cables/routes/7?version=3')
    expect(calls[0]!.init.method).toBe('DELETE')
    expect(calls[0]!.init.body).toBeUndefined()
  })

  it('turns a refused DELETE into an ApiError with the problem’s status and detail', async () => {
    stubFetch(() => Response.json({ title: 'Conflict', detail: 'Someone changed the route first.' }, { status: 409 }))
    const refusal = await http.del('/api/cables/routes/7', { version: 2 }).catch((err: unknown) => err)
    expect(refusal).toBeInstanceOf(ApiError)
    expect(refusal).toMatchObject({ status: 409, title: 'Conflict', detail: 'Someone changed the route first.' })
  })
})
