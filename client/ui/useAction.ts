import { useCallback, useState } from 'react'

/**
 * A step the user starts (a form's submit, an upload): whether it is running, and the error it last ended
 * with. `run` clears the error, runs the step and keeps what it throws, so the form shows it.
 */
export function useAction(): { busy: boolean; error: unknown; run(step: () => Promise<void>): Promise<void> } {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const run = useCallback(async (step: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await step()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }, [])
  return { busy, error, run }
}
