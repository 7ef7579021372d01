/** Rendering the server's messages (messages.en.ts, messages.vi.ts) in the language a request asks for. */
import { en, type MessageCode } from './messages.en'
import { vi } from './messages.vi'

export type { MessageCode } from './messages.en'
export type Lang = 'vi' | 'en'
export const CATALOGUES = { vi, en } as const

/** The parameters a message takes (none for a fixed text). */
export type MessageArgs<K extends MessageCode> = Parameters<(typeof en)[K]>

/** A message by code with its parameters, rendered only when the answer's language is known. */
export interface Msg {
  code: MessageCode
  params: Record<string, unknown>
}

export function msg<K extends MessageCode>(code: K, ...args: MessageArgs<K>): Msg {
  return { code, params: (args[0] ?? {}) as Record<string, unknown> }
}

export function isMessageCode(code: unknown): code is MessageCode {
  return typeof code === 'string' && Object.hasOwn(en, code)
}

/** The text of `m` in `lang`. */
export function render(m: Msg, lang: Lang): string {
  return (CATALOGUES[lang][m.code] as (p: Record<string, unknown>) => string)(m.params)
}

/**
 * The language of the answer from an Accept-Language header: English when English ranks above Vietnamese,
 * Vietnamese otherwise (the product is Vietnamese first, so also when the header is absent or names neither).
 */
export function langOf(acceptLanguage: string | undefined): Lang {
  let best: { lang: Lang; q: number } | undefined
  for (const part of (acceptLanguage ?? '').split(',')) {
    const [tag = '', ...attrs] = part.trim().toLowerCase().split(';')
    const primary = tag.split('-')[0]
    if (primary !== 'vi' && primary !== 'en') continue
    const qAttr = attrs.map((a) => a.trim()).find((a) => a.startsWith('q='))
    const q = qAttr ? Number(qAttr.slice(2)) : 1
    if (!(q > 0)) continue
    if (!best || q > best.q) best = { lang: primary, q }
  }
  return best?.lang ?? 'vi'
}
