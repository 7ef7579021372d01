import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { vi, type MessageKey } from './vi'
import { en } from './en'
import type { Lang } from './format'
import { setApiLanguage } from '../api/http'

export type { MessageKey } from './vi'
export type { Lang } from './format'

const TABLES: Record<Lang, Record<MessageKey, string>> = { vi, en }
const STORAGE_KEY = 'lang'

/** Translates a key and fills `{name}` placeholders. */
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string

interface I18n {
  lang: Lang
  setLang(lang: Lang): void
  t: Translate
}

const I18nContext = createContext<I18n | null>(null)

function initialLang(): Lang {
  try {
    const lang = localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi'
    setApiLanguage(lang)
    return lang
  } catch {
    setApiLanguage('vi')
    return 'vi'
  }
}

/** Fills `{name}` placeholders in a message. */
export function interpolate(message: string, values?: Record<string, string | number>): string {
  if (!values) return message
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
}

/** Provides the language (Vietnamese unless English was chosen before) to the app. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang)
  const setLang = useCallback((next: Lang) => {
    setApiLanguage(next)
    setLangState(next)
    try {
      localStorage.setItem(STORAGE_KEY, next)
    } catch {
      // Storage may be blocked (private mode); the choice then lasts for this page only.
    }
  }, [])
  useEffect(() => {
    document.documentElement.lang = lang
  }, [lang])
  const value = useMemo<I18n>(
    () => ({ lang, setLang, t: (key, values) => interpolate(TABLES[lang][key], values) }),
    [lang, setLang],
  )
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

/** The current language, its setter and the translate function. */
export function useI18n(): I18n {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n outside I18nProvider')
  return value
}
