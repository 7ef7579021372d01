// The one CSV reader: csv-parse with the delimiter Excel used (',' ';' or tab) and the BOM it writes.
import { parse } from 'csv-parse/sync'
import { invalid } from '../http/problems'

/** One record of a CSV file with the 1-based line it starts on. */
export interface CsvRow {
  line: number
  cells: string[]
}

const DELIMITERS = [',', ';', '\t'] as const
export type Delimiter = (typeof DELIMITERS)[number]

/**
 * The delimiter of the header line: the candidate it holds most often (',' when none). Excel under
 * Vietnamese regional settings writes ';' and a decimal comma, so the data lines cannot be the judge.
 */
export function detectDelimiter(text: string): Delimiter {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]))
  let quoted = false
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const ch = text[i]!
    if (ch === '"') quoted = !quoted
    else if (!quoted && (ch === '\n' || ch === '\r')) break
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1)
  }
  return DELIMITERS.reduce((best, d) => (counts.get(d)! > counts.get(best)! ? d : best), ',' as Delimiter)
}

/** A CSV file that cannot be read, with the line where reading stopped. */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(message)
  }
}

/** Reads CSV text into records (blank lines skipped); throws CsvError naming the line when it is malformed. */
export function parseCsv(text: string, maxRecordSize = 1_000_000): CsvRow[] {
  try {
    const records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: maxRecordSize,
      info: true,
    }) as unknown as { info: { lines: number }; record: string[] }[]
    return records
      .filter((r) => r.record.some((c) => c.trim() !== ''))
      .map((r) => ({ line: r.info.lines - newlinesIn(r.record), cells: r.record }))
  } catch (err) {
    const e = err as Error & { lines?: number }
    throw new CsvError(`The CSV cannot be read: ${e.message}`, e.lines)
  }
}

// info.lines is the line a record ends on; a quoted cell may span several.
const newlinesIn = (cells: string[]) => cells.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0)

/** `parseCsv` for a request body: a malformed file is a 422 naming the line where reading stopped. */
export function parseCsvBody(text: string, path: string): CsvRow[] {
  try {
    return parseCsv(text)
  } catch (err) {
    if (!(err instanceof CsvError)) throw err
    throw invalid('csv.unreadable', [{ path: err.line ? `line ${err.line}` : path, message: err.message }])
  }
}
