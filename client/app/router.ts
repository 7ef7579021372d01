import { useEffect, useState } from 'react'

const listeners = new Set<() => void>()

/** Goes to a path inside the app without reloading the page. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === location.pathname) return
  if (options.replace) history.replaceState(null, '', path)
  else history.pushState(null, '', path)
  for (const listener of listeners) listener()
}

/** The current path; re-renders on navigation and on back/forward. */
export function usePath(): string {
  const [path, setPath] = useState(location.pathname)
  useEffect(() => {
    const update = () => setPath(location.pathname)
    listeners.add(update)
    window.addEventListener('popstate', update)
    return () => {
      listeners.delete(update)
      window.removeEventListener('popstate', update)
    }
  }, [])
  return path
}
