// Writing CSV for spreadsheets, in one place: every CSV export of the API goes through here.

// OWASP "CSV injection": a spreadsheet evaluates a cell that starts with one of these as a formula
// (`-1+2`, `+1-1`, `=1`, `@SUM(1)`), and a tab or carriage return can hide one behind it.
const FORMULA_START = /^[=+\-@\t\r]/
// Text that is just a decimal number is read as that number, never as a formula.
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/
const NEEDS_QUOTES = /[",\r\n]/

/** Text a spreadsheet will not evaluate: formula-like text gets a leading apostrophe; numbers stay numbers. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value
}

/** One RFC 4180 field: empty for null, lists joined by `;`, formula-like text neutralised, quoted where needed. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number' || typeof value === 'bigint') return String(value)
  const text = neutraliseFormula(Array.isArray(value) ? value.join(';') : String(value))
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One CSV line (no line break). */
export function csvLine(values: readonly unknown[]): string {
  return values.map(csvField).join(',')
}

/** A CSV document: CRLF line ends, and a BOM so spreadsheet programs read Vietnamese text as UTF-8. */
export function csvDocument(rows: readonly (readonly unknown[])[]): string {
  return `\uFEFF${rows.map(csvLine).join('\r\n')}\r\n`
}
