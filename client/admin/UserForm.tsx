import { useState, type FormEvent } from 'react'
import { http } from '../api/http'
import type { Carrier, Role, User } from '../api/types'
import { useI18n } from '../i18n'
import { bodyFields } from '../ui/Field'
import { ErrorMessage } from '../ui/status'
import { useAction } from '../ui/useAction'

const ROLES: Role[] = ['officer', 'inspector', 'carrier', 'admin']

/**
 * The form that creates a user, or changes one (`editing`: name, role, carrier, active, and a new password when
 * one is typed); a carrier user must name its carrier (the server checks it too, and keeps the last active
 * administrator from being disabled or demoted).
 */
export function UserForm({
  carriers,
  editing,
  onSaved,
  onCancel,
}: {
  carriers: Carrier[]
  editing?: User
  onSaved(user: User): void
  onCancel?(): void
}) {
  const { t } = useI18n()
  const [username, setUsername] = useState(editing?.username ?? '')
  const [displayName, setDisplayName] = useState(editing?.displayName ?? '')
  const [password, setPassword] = useState('')
  const [role, setRole] = useState<Role>(editing?.role ?? 'officer')
  const [carrierId, setCarrierId] = useState(editing?.carrierId ? String(editing.carrierId) : '')
  const [active, setActive] = useState(editing?.active !== false)
  const action = useAction()
  const field = bodyFields(action.error)

  function submit(e: FormEvent) {
    e.preventDefault()
    void action.run(async () => {
      const carrier = role === 'carrier' && carrierId ? Number(carrierId) : null
      const user = editing
        ? await http.put<User>(`/api/users/${editing.id}`, {
            displayName,
            role,
            carrierId: carrier,
            active,
            ...(password ? { password } : {}),
          })
        : await http.post<User>('/api/users', { username, displayName, password, role, carrierId: carrier })
      setUsername('')
      setDisplayName('')
      setPassword('')
      onSaved(user)
    })
  }

  return (
    <form
      className="card form-grid"
      onSubmit={submit}
      noValidate
      aria-labelledby="user-form-title"
      data-testid={editing ? 'user-edit' : 'user-new'}
    >
      <h2 id="user-form-title" className="card-title">
        {editing ? t('users.edit', { username: editing.username }) : t('users.create')}
      </h2>
      {action.error !== null && <ErrorMessage error={action.error} listFields={false} />}
      {!editing &&
        field(
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
        editing ? t('users.newPassword') : t('users.password'),
        <input
          name="password"
          type="password"
          required={!editing}
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
      {editing && (
        <label className="field field-check">
          <input type="checkbox" name="active" checked={active} onChange={(e) => setActive(e.target.checked)} />
          <span>{t('users.isActive')}</span>
        </label>
      )}
      <div className="form-actions">
        {onCancel && (
          <button type="button" className="btn btn-secondary" onClick={onCancel}>
            {t('users.cancel')}
          </button>
        )}
        <button type="submit" className="btn btn-primary" disabled={action.busy}>
          {action.busy ? t('users.saving') : editing ? t('users.update') : t('users.save')}
        </button>
      </div>
    </form>
  )
}
