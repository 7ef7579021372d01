/** The server's messages rendered with stand-in parameters, for tests that look for (un)translated text. */
import { CATALOGUES, type Lang, type MessageCode } from '../../server/http/messages'

/** Parameters for any message: every name answers `[«name»]`, which reads as a string, a list and a number. */
export const standInParams = new Proxy({} as Record<string, unknown>, {
  get: (_t, key) => (typeof key === 'string' ? [`«${key}»`] : undefined),
})

export const CODES = Object.keys(CATALOGUES.en) as MessageCode[]

export function renderStandIn(code: MessageCode, lang: Lang): string {
  return String((CATALOGUES[lang][code] as (p: unknown) => unknown)(standInParams))
}

/**
 * The fixed stretches of every English server message (parameters cut out), at least `min` characters long:
 * none of them may show in the Vietnamese UI.
 */
export function englishFragments(min = 12): string[] {
  const out = new Set<string>()
  for (const code of CODES) {
    if (code === 'coords.explained') continue // a text the coordinate module words itself
    for (const part of renderStandIn(code, 'en').split(/«[^»]*»/)) {
      const text = part.replace(/^[\s"“”']+|[\s"“”']+$/g, '')
      if (text.length >= min) out.add(text)
    }
  }
  return [...out]
}
