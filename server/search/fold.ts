// Folding text for search: Vietnamese letters with marks to their base letter, in one table the server's
// JavaScript and its SQL (translate()) share, so both sides of a comparison fold alike on either database.

const MARKED = 'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ'

const base = (c: string): string => (c === 'đ' ? 'd' : c.normalize('NFD').replace(/\p{M}/gu, ''))

const LOWER = [...MARKED]
const UPPER = LOWER.map((c) => c.toUpperCase())

/** The letters translate() replaces (lower and upper case) and, position for position, their base letters. */
export const FOLD_FROM = [...LOWER, ...UPPER].join('')
export const FOLD_TO = [...LOWER.map(base), ...UPPER.map((c) => base(c.toLowerCase()))].join('')

const TABLE = new Map([...FOLD_FROM].map((c, i) => [c, FOLD_TO[i]!]))

/** Text as the search compares it: NFC, marks removed from Vietnamese letters, lower case (ASCII, as SQL lower()). */
export function fold(text: string): string {
  return [...text.normalize('NFC')]
    .map((c) => TABLE.get(c) ?? c)
    .join('')
    .replace(/[A-Z]/g, (c) => c.toLowerCase())
}

/** A LIKE pattern for folded text containing `q` literally (%, _ and \ escaped). */
export function foldedPattern(q: string): string {
  return `%${fold(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}
