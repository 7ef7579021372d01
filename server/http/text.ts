// Text comes in one Unicode form. Vietnamese can be typed precomposed (NFC: "ệ" is one code point) or
// decomposed (NFD: "e" + two combining marks, as some keyboards, macOS file names and PDF copies give it);
// both look alike but compare unequal. Requests are put in NFC and searches compare NFC with NFC.

/** JSON.parse reviver for request bodies: every string in NFC. */
export function nfcReviver(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? value.normalize('NFC') : value
}

/** A parsed query string with every value in NFC (values are strings or lists of strings). */
export function nfcQuery(query: Record<string, unknown>): Record<string, unknown> {
  const nfc = (v: unknown): unknown => (typeof v === 'string' ? v.normalize('NFC') : Array.isArray(v) ? v.map(nfc) : v)
  return Object.fromEntries(Object.entries(query).map(([k, v]) => [k, nfc(v)]))
}

/** An ILIKE pattern for text containing `q` literally: NFC, with the wildcards % and _ and the escape \ escaped. */
export function containsPattern(q: string): string {
  return `%${q.normalize('NFC').replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** SQL: `column` contains the pattern in parameter `param` (from containsPattern), case-insensitively, in NFC. */
export function containsSql(column: string, param: string): string {
  return `normalize(${column}, NFC) ILIKE ${param}`
}
