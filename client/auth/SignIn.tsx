import { useState, type FormEvent } from 'react'
import { ApiError } from '../api/http'
import { useI18n } from '../i18n'
import { DemoBadge, LanguageSwitch } from '../ui/chrome'
import { useErrorText } from '../ui/status'
import { useSession } from './session'
import { PublicLinks } from '../public/PublicLinks'

/** The sign-in page: username and password, with the server's reason when it refuses. */
export function SignIn() {
  const { t } = useI18n()
  const { signIn, health } = useSession()
  const errorText = useErrorText()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await signIn(username.trim(), password)
    } catch (err) {
      setPassword('')
      if (err instanceof ApiError && err.status === 429) setError(t('signIn.tooMany'))
      else if (err instanceof ApiError && err.status === 401) setError(t('signIn.failed'))
      else setError(errorText(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="signin-page">
      <header className="signin-top">
        <DemoBadge />
        <LanguageSwitch />
      </header>
      <main className="signin-main">
        <div className="signin-card">
          <div className="signin-brand">
            <span className="brand-mark brand-mark-lg" aria-hidden="true">
              TT
            </span>
            <p className="signin-agency">{t('app.agency')}</p>
            <h1>{t('app.title')}</h1>
            <p className="muted">{t('signIn.lead')}</p>
          </div>
          <form onSubmit={submit} noValidate aria-describedby={error ? 'signin-error' : undefined}>
            <h2 className="signin-title">{t('signIn.title')}</h2>
            {error && (
              <div id="signin-error" className="status status-error" role="alert" data-testid="signin-error">
                <p>{error}</p>
              </div>
            )}
            <label className="field">
              <span>{t('signIn.username')}</span>
              <input
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                value={username}
                onChange={(e) => setUsername(e.target.value)}
              />
            </label>
            <label className="field">
              <span>{t('signIn.password')}</span>
              <input
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </label>
            <button type="submit" className="btn btn-primary btn-block" disabled={busy || !username || !password}>
              {busy ? t('signIn.submitting') : t('signIn.submit')}
            </button>
            {health?.demoAccounts && (
              <div className="status status-error" role="note" data-testid="demo-warning">
                <p>
                  <strong>{t('signIn.demoWarning')}</strong>
                </p>
                <p>{t('signIn.demoAccounts')}</p>
              </div>
            )}
            <PublicLinks />
          </form>
        </div>
      </main>
    </div>
  )
}
