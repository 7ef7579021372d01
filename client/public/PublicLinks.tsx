import { navigate } from '../app/router'
import { useI18n } from '../i18n'

/** Links from the sign-in page to the pages that need no account. */
export function PublicLinks() {
  const { t } = useI18n()
  const link = (path: string, label: 'pub.nav.map' | 'pub.nav.permit' | 'pub.nav.openData') => (
    <a
      href={path}
      onClick={(e) => {
        e.preventDefault()
        navigate(path)
      }}
    >
      {t(label)}
    </a>
  )
  return (
    <p className="pub-links" data-testid="public-links">
      {t('pub.noAccount')} {link('/public/map', 'pub.nav.map')} · {link('/public/permit', 'pub.nav.permit')} ·{' '}
      {link('/public/open-data', 'pub.nav.openData')}
    </p>
  )
}
