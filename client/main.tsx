import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '@fontsource/be-vietnam-pro/400.css'
import '@fontsource/be-vietnam-pro/500.css'
import '@fontsource/be-vietnam-pro/600.css'
import './styles/base.css'
import './styles/shell.css'
import './styles/pages.css'
import './styles/split.css'
import { I18nProvider } from './i18n'
import { SessionProvider } from './auth/session'
import { App } from './app/App'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <App />
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
)
