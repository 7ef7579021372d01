import type { ReactElement } from 'react'
import { ApiError } from '../api/http'

/** The server's message for a field of the request body (`body.<path>`), when the error is a problem naming it. */
export function bodyFieldError(error: unknown, path: string): string | undefined {
  return error instanceof ApiError ? error.errors.find((e) => e.path === `body.${path}`)?.message : undefined
}

/**
 * A form's labelled fields, each with the server's message for its `body.<path>` under the control (and marked
 * invalid) when `error`, the form's last failure, names it.
 */
export function bodyFields(error: unknown): (path: string, label: string, input: ReactElement) => ReactElement {
  return (path, label, input) => {
    const message = bodyFieldError(error, path)
    return (
      // biome-ignore lint/a11y/noLabelWithoutControl: the control is the `input` argument, rendered inside the label
      <label className={`field${message ? ' field-invalid' : ''}`}>
        <span>{label}</span>
        {input}
        {message && <span className="field-error">{message}</span>}
      </label>
    )
  }
}
