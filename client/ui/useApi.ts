import { useCallback, useEffect, useState } from 'react'

interface ApiState<T> {
  data: T | undefined
  error: unknown
  loading: boolean
  reload(): void
}

/**
 * Runs a GET-like call whenever `key` changes and keeps its data, error and loading state.
 * A late answer to an older key is dropped, so fast paging never shows a stale page.
 */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, key: string): ApiState<T> {
  const [data, setData] = useState<T>()
  const [error, setError] = useState<unknown>(null)
  const [loading, setLoading] = useState(true)
  const [attempt, setAttempt] = useState(0)
  // `load` is a fresh closure every render; `key` (and a reload's `attempt`) say when its inputs changed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` and `attempt` stand for `load`'s inputs
  useEffect(() => {
    const controller = new AbortController()
    setLoading(true)
    setError(null)
    load(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return
        setData(value)
        setLoading(false)
      },
      (err: unknown) => {
        if (controller.signal.aborted) return
        setError(err)
        setLoading(false)
      },
    )
    return () => controller.abort()
  }, [key, attempt])
  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  return { data, error, loading, reload }
}
