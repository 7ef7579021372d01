import { useState, type FormEvent } from 'react'
import { http } from '../api/http'
import type { Page, User } from '../api/types'
import { useI18n } from '../i18n'
import { formatDateTime } from '../i18n/format'
import { ErrorMessage, Loaded } from '../ui/status'
import { Table, type Column } from '../ui/Table'
import { useAction } from '../ui/useAction'
import { useApi } from '../ui/useApi'

interface ApiToken {
  id: number
  name: string
  userId: number
  username: string
  role: string
  carrierName: string | null
  createdAt: string
  expiresAt: string | null
  revokedAt: string | null
  lastUsedAt: string | null
}

/**
 * Read-only API tokens for GIS clients (QGIS, GDAL reading the OGC API): issue one for a user (its secret is
 * shown once, here, and never again), list them, revoke one (administrator).
 */
export default function ApiTokensPage() {
  const { t, lang } = useI18n()
  const tokens = useApi(
    (signal) => http.get<{ items: ApiToken[] }>('/api/admin/api-tokens', undefined, signal).then((r) => r.items),
    'api-tokens',
  )
  const revoke = useAction()
  const when = (at: string | null) => (at ? formatDateTime(at, lang) : '—')
  const columns: Column<ApiToken>[] = [
    { key: 'name', header: t('tokens.name'), cell: (k) => k.name },
    {
      key: 'user',
      header: t('tokens.user'),
      cell: (k) => (
        <>
          <code>{k.username}</code> {k.carrierName && <span className="muted">({k.carrierName})</span>}
        </>
      ),
    },
    { key: 'created', header: t('tokens.created'), cell: (k) => when(k.createdAt), className: 'nowrap' },
    { key: 'expires', header: t('tokens.expires'), cell: (k) => when(k.expiresAt), className: 'nowrap' },
    { key: 'used', header: t('tokens.lastUsed'), cell: (k) => when(k.lastUsedAt), className: 'nowrap' },
    {
      key: 'state',
      header: t('tokens.state'),
      cell: (k) =>
        k.revokedAt ? (
          <span className="tag tag-muted">{t('tokens.revokedAt', { at: when(k.revokedAt) })}</span>
        ) : (
          <button
            type="button"
            className="btn btn-secondary btn-small"
            disabled={revoke.busy}
            data-testid="token-revoke"
            onClick={() => {
              if (!window.confirm(t('tokens.confirmRevoke', { name: k.name }))) return
              void revoke.run(async () => {
                await http.del(`/api/admin/api-tokens/${k.id}`)
                tokens.reload()
              })
            }}
          >
            {t('tokens.revoke')}
          </button>
        ),
    },
  ]
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('tokens.title')}</h1>
      </header>
      <p className="muted">{t('tokens.lead')}</p>
      <div className="page-columns">
        <section className="page-main" aria-label={t('tokens.title')}>
          {revoke.error !== null && <ErrorMessage error={revoke.error} />}
          <Loaded state={tokens}>
            {(d) => (
              <Table
                columns={columns}
                rows={d}
                rowKey={(k) => k.id}
                caption={t('tokens.title')}
                empty={t('tokens.empty')}
                testId="api-tokens"
              />
            )}
          </Loaded>
        </section>
        <aside className="page-side">
          <TokenForm onIssued={tokens.reload} />
        </aside>
      </div>
    </div>
  )
}

/** Issues a token for an active user; the answer holds the secret, shown once with a copy button. */
function TokenForm({ onIssued }: { onIssued(): void }) {
  const { t } = useI18n()
  const users = useApi(
    (signal) => http.get<Page<User>>('/api/users', { limit: 200 }, signal).then((r) => r.items),
    'token-users',
  )
  const [userId, setUserId] = useState('')
  const [name, setName] = useState('')
  const [days, setDays] = useState('365')
  const [issued, setIssued] = useState<{ name: string; token: string } | null>(null)
  const action = useAction()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void action.run(async () => {
      const answer = await http.post<{ name: string; token: string }>('/api/admin/api-tokens', {
        userId: Number(userId),
        name,
        ...(days ? { expiresInDays: Number(days) } : {}),
      })
      setIssued(answer)
      setName('')
      onIssued()
    })
  }
  return (
    <form className="card form-grid" onSubmit={submit} noValidate data-testid="token-new">
      <h2 className="card-title">{t('tokens.issue')}</h2>
      {action.error !== null && <ErrorMessage error={action.error} />}
      {issued && (
        <div className="status status-ok" role="status" data-testid="token-issued">
          <p>{t('tokens.once', { name: issued.name })}</p>
          <code className="token-secret">{issued.token}</code>
          <button
            type="button"
            className="btn btn-secondary btn-small"
            onClick={() => void navigator.clipboard?.writeText(issued.token)}
          >
            {t('tokens.copy')}
          </button>
        </div>
      )}
      <label className="field">
        <span>{t('tokens.user')}</span>
        <select name="userId" required value={userId} onChange={(e) => setUserId(e.target.value)}>
          <option value="">{t('tokens.chooseUser')}</option>
          {(users.data ?? [])
            .filter((u) => u.active !== false)
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.username} — {u.displayName}
              </option>
            ))}
        </select>
      </label>
      <label className="field">
        <span>{t('tokens.name')}</span>
        <input name="name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('tokens.days')}</span>
        <input
          name="expiresInDays"
          type="number"
          min={1}
          max={3650}
          value={days}
          onChange={(e) => setDays(e.target.value)}
        />
      </label>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={action.busy || !userId || !name.trim()}>
          {t('tokens.issueButton')}
        </button>
      </div>
    </form>
  )
}
