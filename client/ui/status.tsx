import type { ReactNode } from 'react'
import { ApiError } from '../api/http'
import { useI18n } from '../i18n'

/** A polite loading line with a spinner. */
export function Loading({ label }: { label?: string }) {
  const { t } = useI18n()
  return (
    <div className="status status-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('app.loading')}
    </div>
  )
}

/** The text of an error as a person should read it. */
export function useErrorText(): (err: unknown) => string {
  const { t } = useI18n()
  return (err) => {
    if (err instanceof ApiError) {
      if (err.status === 0) return t('app.serverDown')
      // A 5xx detail is the server's generic English sentence; say it in the user's language instead.
      if (err.status >= 500) return t('app.serverError')
      return err.detail || err.title
    }
    if (err instanceof Error) return err.message
    return String(err)
  }
}

/**
 * An error box listing the server's field errors (unless the form shows them by its fields), with a retry button when
 * the caller can retry.
 */
export function ErrorMessage({
  error,
  onRetry,
  listFields = true,
  children,
}: {
  error: unknown
  onRetry?: () => void
  listFields?: boolean
  children?: ReactNode
}) {
  const { t } = useI18n()
  const text = useErrorText()
  const fields = listFields && error instanceof ApiError ? error.errors : []
  return (
    <div className="status status-error" role="alert">
      <p>{children ?? text(error)}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={`${f.path}:${f.message}`}>
              <code>{f.path}</code> {f.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="btn btn-secondary" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  )
}

/** What a call gave (see useApi): its error with a retry, its data drawn by `children`, or a loading line till then. */
export function Loaded<T>({
  state,
  children,
}: {
  state: { data: T | undefined; error: unknown; reload(): void }
  children(data: T): ReactNode
}) {
  if (state.error !== null) return <ErrorMessage error={state.error} onRetry={state.reload} />
  if (state.data === undefined) return <Loading />
  return children(state.data)
}
