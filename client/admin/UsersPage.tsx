import { useEffect, useState } from 'react'
import { http } from '../api/http'
import type { Carrier, Page, Role, User } from '../api/types'
import { useI18n } from '../i18n'
import { ErrorMessage, Loaded } from '../ui/status'
import { useAction } from '../ui/useAction'
import { OffsetPager, Table, type Column } from '../ui/Table'
import { useApi } from '../ui/useApi'
import { UserForm } from './UserForm'

const PAGE = 20

/** User administration: a searchable, paged list whose rows can be edited or disabled, and a form to add a user. */
export default function UsersPage() {
  const { t } = useI18n()
  const [q, setQ] = useState('')
  const [search, setSearch] = useState('')
  const [role, setRole] = useState<Role | ''>('')
  const [offset, setOffset] = useState(0)
  const [notice, setNotice] = useState<string | null>(null)
  const [editing, setEditing] = useState<User | null>(null)
  const toggle = useAction()
  const users = useApi(
    (signal) => http.get<Page<User>>('/api/users', { offset, limit: PAGE, q: search, role }, signal),
    `users:${offset}:${search}:${role}`,
  )
  const carriers = useApi(
    (signal) => http.get<{ items: Carrier[] }>('/api/carriers', undefined, signal).then((r) => r.items),
    'carriers',
  )

  // Searching waits for a pause in typing, so that each key press is not a request.
  useEffect(() => {
    const timer = setTimeout(() => {
      setSearch(q.trim())
      setOffset(0)
    }, 300)
    return () => clearTimeout(timer)
  }, [q])

  const columns: Column<User>[] = [
    { key: 'username', header: t('users.username'), cell: (u) => <code>{u.username}</code> },
    {
      key: 'name',
      header: t('users.displayName'),
      cell: (u) => (
        <>
          {u.displayName} {u.isDemo && <span className="tag">{t('users.demo')}</span>}
        </>
      ),
    },
    { key: 'role', header: t('users.role'), cell: (u) => t(`role.${u.role}`) },
    { key: 'carrier', header: t('users.carrier'), cell: (u) => u.carrierName ?? '—' },
    {
      key: 'active',
      header: t('users.active'),
      cell: (u) =>
        u.active === false ? (
          <span className="tag tag-muted">{t('users.inactive')}</span>
        ) : (
          <span className="tag tag-ok">{t('users.isActive')}</span>
        ),
    },
    {
      key: 'actions',
      header: <span className="sr-only">{t('users.actions')}</span>,
      label: t('users.actions'),
      cell: (u) => (
        <span className="row-actions">
          <button
            type="button"
            className="btn btn-secondary btn-small"
            onClick={() => setEditing(u)}
            data-testid="user-edit-open"
          >
            {t('users.editShort')}
          </button>
          <button
            type="button"
            className="btn btn-secondary btn-small"
            disabled={toggle.busy}
            data-testid="user-toggle"
            onClick={() =>
              void toggle.run(async () => {
                const changed = await http.put<User>(`/api/users/${u.id}`, {
                  displayName: u.displayName,
                  role: u.role,
                  carrierId: u.carrierId,
                  active: u.active === false,
                })
                setNotice(t(changed.active === false ? 'users.disabled' : 'users.enabled', { username: u.username }))
                users.reload()
              })
            }
          >
            {u.active === false ? t('users.enable') : t('users.disable')}
          </button>
        </span>
      ),
    },
  ]
  const total = users.data?.total ?? 0
  const shown = users.data?.items.length ?? 0
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('users.title')}</h1>
      </header>
      <div className="page-columns">
        <section className="page-main" aria-label={t('users.title')}>
          <div className="filters">
            <label className="field field-inline">
              <span className="sr-only">{t('users.search')}</span>
              <input type="search" placeholder={t('users.search')} value={q} onChange={(e) => setQ(e.target.value)} />
            </label>
            <label className="field field-inline">
              <span className="sr-only">{t('users.role')}</span>
              <select
                value={role}
                onChange={(e) => {
                  setRole(e.target.value as Role | '')
                  setOffset(0)
                }}
              >
                <option value="">{t('users.allRoles')}</option>
                {(['admin', 'officer', 'inspector', 'carrier'] as const).map((r) => (
                  <option key={r} value={r}>
                    {t(`role.${r}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {toggle.error !== null && <ErrorMessage error={toggle.error} />}
          {notice && (
            <p className="status status-ok" role="status">
              {notice}
            </p>
          )}
          <Loaded state={users}>
            {(d) => (
              <>
                <Table
                  columns={columns}
                  rows={d.items}
                  rowKey={(u) => u.id}
                  caption={t('users.title')}
                  empty={t('users.empty')}
                />
                <OffsetPager offset={offset} shown={shown} total={total} pageSize={PAGE} onOffset={setOffset} />
              </>
            )}
          </Loaded>
        </section>
        <aside className="page-side">
          {editing ? (
            <UserForm
              key={editing.id}
              carriers={carriers.data ?? []}
              editing={editing}
              onCancel={() => setEditing(null)}
              onSaved={(u) => {
                setNotice(t('users.updated', { username: u.username }))
                setEditing(null)
                users.reload()
              }}
            />
          ) : (
            <UserForm
              carriers={carriers.data ?? []}
              onSaved={(u) => {
                setNotice(t('users.created', { username: u.username }))
                users.reload()
              }}
            />
          )}
        </aside>
      </div>
    </div>
  )
}
