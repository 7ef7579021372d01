import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { ApiError, http, onUnauthorized } from '../api/http'
import type { BasemapSettings, Health, User } from '../api/types'

interface Session {
  /** undefined while the first /me call is running; null when nobody is signed in. */
  user: User | null | undefined
  health: Health | null
  /** What the maps may draw under their layers (null until the server answered). */
  basemap: BasemapSettings | null
  /** Set when the server could not be reached at start. */
  startError: ApiError | null
  signIn(username: string, password: string): Promise<void>
  signOut(): Promise<void>
  retry(): void
}

const SessionContext = createContext<Session | null>(null)

/** Loads the health report, the basemap settings and the signed-in user once, and offers sign-in and sign-out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined)
  const [health, setHealth] = useState<Health | null>(null)
  const [basemap, setBasemap] = useState<BasemapSettings | null>(null)
  const [startError, setStartError] = useState<ApiError | null>(null)
  const [attempt, setAttempt] = useState(0)

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry: bumping it loads everything again
  useEffect(() => {
    let live = true
    setStartError(null)
    Promise.all([
      http.get<Health>('/api/health'),
      http.get<BasemapSettings>('/api/basemap'),
      http.get<{ user: User }>('/api/auth/me').then(
        (r) => r.user,
        (err: unknown) => {
          if (err instanceof ApiError && err.status === 401) return null
          throw err
        },
      ),
    ]).then(
      ([h, b, u]) => {
        if (!live) return
        setHealth(h)
        setBasemap(b)
        setUser(u)
      },
      (err: unknown) => {
        if (live) setStartError(err instanceof ApiError ? err : new ApiError(0, 'Error', String(err)))
      },
    )
    return () => {
      live = false
    }
  }, [attempt])

  const signIn = useCallback(async (username: string, password: string) => {
    const r = await http.post<{ user: User }>('/api/auth/login', { username, password })
    setUser(r.user)
  }, [])
  const signOut = useCallback(async () => {
    try {
      await http.post('/api/auth/logout')
    } finally {
      setUser(null)
      // the offline copies (client/field) of what this user could read go with the session
      await import('../field/forget').then((m) => m.forgetOnSignOut()).catch(() => undefined)
    }
  }, [])
  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  useEffect(() => onUnauthorized(() => setUser(null)), [])

  const value = useMemo(
    () => ({ user, health, basemap, startError, signIn, signOut, retry }),
    [user, health, basemap, startError, signIn, signOut, retry],
  )
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

/** The session: who is signed in and what the server reported at start. */
export function useSession(): Session {
  const value = useContext(SessionContext)
  if (!value) throw new Error('useSession outside SessionProvider')
  return value
}
