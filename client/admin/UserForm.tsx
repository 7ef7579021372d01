import { useState, type FormEvent, type ReactElement } from 'react'
import { ApiError, http } from '../api/http'
import type { Carrier, Role, User } from '../api/types'
import { useI18n } from '../i18n'
import { ErrorMessage } from '../ui/status'

const ROLES: Role[] = ['officer', 'inspector', 'carrier', 'admin']

/** The form that creates a user; a carrier user must name its carrier (the server checks it too). */
export function UserForm({ carriers, onCreated }: { carriers: Carrier[]; onCreated(user: User): void }) {
  const { t } = useI18n()
  const [username, setUsername] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [password, setPassword] = useState('')
  const [role, setRole] = useState<Role>('officer')
  const [carrierId, setCarrierId] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const fieldError = (path: string) =>
    error instanceof ApiError ? error.errors.find((e) => e.path === `body.${path}`)?.message : undefined

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const user = await http.post<User>('/api/users', {
        username,
        displayName,
        password,
        role,
        carrierId: role === 'carrier' && carrierId ? Number(carrierId) : null,
      })
      setUsername('')
      setDisplayName('')
      setPassword('')
      onCreated(user)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const field = (path: string, label: string, input: ReactElement) => {
    const message = fieldError(path)
    return (
      // biome-ignore lint/a11y/noLabelWithoutControl: the control is the `input` argument, rendered inside the label
      <label className={`field${message ? ' field-invalid' : ''}`}>
        <span>{label}</span>
        {input}
        {message && <span className="field-error">{message}</span>}
      </label>
    )
  }

  return (
    <form className="card form-grid" onSubmit={submit} noValidate aria-labelledby="new-user-title">
      <h2 id="new-user-title" className="card-title">
        {t('users.create')}
      </h2>
      {error !== null && <ErrorMessage error={error} listFields={false} />}
      {field(
        'username',
        t('users.username'),
        <input
          name="username"
          required
          autoComplete="off"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />,
      )}
      {field(
        'displayName',
        t('users.displayName'),
        <input name="displayName" required value={displayName} onChange={(e) => setDisplayName(e.target.value)} />,
      )}
      {field(
        'password',
        t('users.password'),
        <input
          name="password"
          type="password"
          required
          minLength={12}
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />,
      )}
      {field(
        'role',
        t('users.role'),
        <select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>,
      )}
      {role === 'carrier' &&
        field(
          'carrierId',
          t('users.carrier'),
          <select name="carrierId" required value={carrierId} onChange={(e) => setCarrierId(e.target.value)}>
            <option value="">{t('users.chooseCarrier')}</option>
            {carriers.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>,
        )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('users.saving') : t('users.save')}
        </button>
      </div>
    </form>
  )
}
