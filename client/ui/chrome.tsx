import { useSession } from '../auth/session'
import { useI18n } from '../i18n'
import { Icon } from './icons'

/** Switches between Vietnamese and English; the button is labelled in the language it switches to. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n()
  const next = lang === 'vi' ? 'en' : 'vi'
  return (
    <button
      type="button"
      className="btn btn-ghost lang-switch"
      lang={next}
      onClick={() => setLang(next)}
      aria-label={`${t('app.language')}: ${t('app.switchLanguage')}`}
      data-testid="lang-switch"
    >
      <Icon name="globe" size={18} />
      <span>{t('app.switchLanguage')}</span>
    </button>
  )
}

/** The visible DEMO DATA badge, shown while the database holds generated demo data. */
export function DemoBadge() {
  const { health } = useSession()
  const { t } = useI18n()
  if (!health || health.demo.length === 0) return null
  return (
    <span className="demo-badge" title={t('app.demoHint')} data-testid="demo-badge">
      {t('app.demoBadge')}
    </span>
  )
}
