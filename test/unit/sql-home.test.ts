import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { describe, expect, it } from 'vitest'

// Issue 10: every SQL statement lives in a `sql.ts` (or `*.sql.ts`) of its domain, or in migrations/.
// This walks the source tree, reads every string literal and template of every .ts/.tsx file with the small
// scanner below (comments and prose outside strings are not looked at) and fails on one that reads like SQL.

const ROOT = join(__dirname, '..', '..')
const WALKED = ['server', 'client', 'shared', 'gis-data', 'tools', 'bench']

/**
 * Files that may hold SQL outside a sql.ts, each with its reason. The test fails when a listed file holds no SQL
 * any more, so the list cannot go stale.
 */
const SQL_ALLOWED: Record<string, string> = {
  // bench/: the raw-SQL baselines are the independent oracle the bench measures the services against.
  'bench/cases/cables.ts': 'raw-SQL baseline (independent oracle)',
  'bench/cases/conversions.ts': 'raw-SQL baseline (independent oracle)',
  'bench/cases/foundation.ts': 'raw-SQL baseline (independent oracle)',
  'bench/cases/plans.ts': 'raw-SQL baseline (independent oracle)',
  'bench/cases/stations.ts': 'raw-SQL baseline (independent oracle)',
  'bench/pglite-open.ts': 'raw-SQL baseline (independent oracle)',
}

// SQL-looking text, not prose: each keyword in the place SQL puts it (case-sensitive, as the house writes SQL).
const SQL_PATTERNS: RegExp[] = [
  /\bSELECT\s[\s\S]*\bFROM\s/,
  /^\s*SELECT\s/,
  /\bINSERT\s+INTO\s/,
  /\bUPDATE\s+[a-z_][a-z0-9_.]*(\s+[a-z_][a-z0-9_]*)?\s+SET\s/,
  /\bDELETE\s+FROM\s/,
  /\bWITH\s+[a-z_][a-z0-9_]*\s+AS\s+(NOT\s+)?(MATERIALIZED\s+)?\(/,
]

function looksLikeSql(text: string): boolean {
  return SQL_PATTERNS.some((p) => p.test(text))
}

function sqlHome(path: string): boolean {
  const name = path.split('/').at(-1)!
  return name === 'sql.ts' || name.endsWith('.sql.ts') || path.split('/').includes('migrations')
}

function walk(dir: string, out: string[]): string[] {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) walk(path, out)
    else if (/\.tsx?$/.test(entry)) out.push(relative(ROOT, path).split(sep).join('/'))
  }
  return out
}

const REGEX_AFTER = new Set([...'(,=:[!&|?{};+-*%<>~^'])
const REGEX_AFTER_WORD = /(^|[^\w$])(return|typeof|case|do|else|in|of|new|delete|void|throw|yield|await)$/

/**
 * The string literals and templates of TypeScript source, with their offsets; a template is read whole with
 * `{…}` standing in for each interpolation (so `SELECT ${columns} FROM t` reads as one statement), and the
 * strings inside its interpolations are read too. Comments and regular expressions are skipped. A quote or a
 * slash that does not close on its line (an apostrophe in JSX text) is not a string and is passed over.
 */
function stringsOf(src: string): { start: number; text: string }[] {
  const found: { start: number; text: string }[] = []
  let prev = '' // the source before the current token, trimmed, to tell a regex from a division
  const lineEnd = (i: number) => {
    const n = src.indexOf('\n', i)
    return n === -1 ? src.length : n
  }
  // Scans code from i; inside an interpolation it stops after the } that closes it. Answers the index reached.
  const code = (i: number, inTemplate: boolean): number => {
    let depth = 0
    while (i < src.length) {
      const c = src[i]!
      const next = src[i + 1]
      if (c === '/' && next === '/') {
        i = lineEnd(i)
        continue
      }
      if (c === '/' && next === '*') {
        const end = src.indexOf('*/', i + 2)
        i = end === -1 ? src.length : end + 2
        continue
      }
      if (c === "'" || c === '"') {
        let j = i + 1
        while (j < src.length && src[j] !== c && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1
        if (src[j] === c) {
          found.push({ start: i, text: src.slice(i + 1, j) })
          prev = 'x'
          i = j + 1
        } else {
          i += 1
        }
        continue
      }
      if (c === '`') {
        i = template(i)
        prev = 'x'
        continue
      }
      if (c === '/') {
        const before = prev.trimEnd()
        if (before === '' || REGEX_AFTER.has(before.at(-1)!) || REGEX_AFTER_WORD.test(before)) {
          let j = i + 1
          let inClass = false
          while (j < src.length && src[j] !== '\n' && (inClass || src[j] !== '/')) {
            if (src[j] === '[') inClass = true
            else if (src[j] === ']') inClass = false
            j += src[j] === '\\' ? 2 : 1
          }
          if (src[j] === '/') {
            i = j + 1
            prev = 'x'
            continue
          }
        }
      }
      if (inTemplate && c === '{') depth += 1
      if (inTemplate && c === '}') {
        if (depth === 0) return i + 1
        depth -= 1
      }
      prev = (/\s/.test(c) ? (prev.endsWith(' ') ? prev : `${prev} `) : prev + c).slice(-12)
      i += 1
    }
    return i
  }
  // Reads the template opening at i; answers the index after its closing backquote.
  const template = (i: number): number => {
    const start = i
    let text = ''
    let j = i + 1
    while (j < src.length && src[j] !== '`') {
      if (src[j] === '\\') {
        text += src.slice(j, j + 2)
        j += 2
      } else if (src[j] === '$' && src[j + 1] === '{') {
        text += '{…}'
        prev = '{'
        j = code(j + 2, true)
      } else {
        text += src[j]
        j += 1
      }
    }
    found.push({ start, text })
    return j + 1
  }
  code(0, false)
  return found.sort((x, y) => x.start - y.start)
}

/** The SQL-looking strings of a source file: line and the first characters of each. */
function sqlStrings(source: string): { line: number; text: string }[] {
  return stringsOf(source)
    .filter((s) => looksLikeSql(s.text))
    .map((s) => ({
      line: source.slice(0, s.start).split('\n').length,
      text: s.text.trim().replace(/\s+/g, ' ').slice(0, 60),
    }))
}

/** Source text for the scanner's own tests, with #{ for an interpolation's opening. */
const js = (src: string) => src.replaceAll('#{', '$' + '{')

describe('SQL lives in sql.ts and migrations/ only', () => {
  const files = WALKED.flatMap((d) => walk(join(ROOT, d), [])).sort()

  it('recognises SQL and leaves prose alone', () => {
    const strings = (src: string) => sqlStrings(src).length
    expect(strings(js('const a = `SELECT #{cols} FROM users WHERE id = $1`'))).toBe(1)
    expect(strings("db.exec('INSERT INTO audit_log (a) VALUES ($1)')")).toBe(1)
    expect(strings("db.exec('UPDATE users SET active = false')")).toBe(1)
    expect(strings("db.exec('UPDATE stations s SET version = 2')")).toBe(1)
    expect(strings("db.exec('DELETE FROM sessions WHERE user_id = $1')")).toBe(1)
    expect(strings('q(`WITH pts AS (SELECT 1) INSERT INTO t SELECT * FROM pts`)')).toBe(1)
    expect(strings("q('SELECT 1')")).toBe(1)
    // prose, a comment, lower-case words
    expect(strings("const m = 'Select a station from the list, then update its state.'")).toBe(0)
    expect(strings('// SELECT id FROM users\nconst x = 1')).toBe(0)
    expect(strings("const m = 'Pick an UPDATE to review'")).toBe(0)
  })

  it('reads strings past comments, regular expressions, divisions, JSX apostrophes and nested templates', () => {
    const texts = (src: string) => stringsOf(src).map((s) => s.text)
    expect(texts("const r = /['\"`]/g; const s = 'a'")).toEqual(['a'])
    expect(texts("const x = a / b / c; const s = 'a'")).toEqual(['a'])
    expect(texts('// it\'s a comment\n/* don\'t */ const s = "b"')).toEqual(['b'])
    expect(texts("const e = <p>Don't stop</p>\nconst s = 'c'")).toEqual(['c'])
    expect(texts(js('const t = `x #{f(`y #{"z"}`)} w`'))).toEqual(['x {…} w', 'y {…}', 'z'])
    expect(texts("if (ok) return /a'b/.test(s)\nconst s = 'd'")).toEqual(['d'])
  })

  it('finds no SQL string in a .ts/.tsx file outside sql.ts, *.sql.ts and migrations/ (allow-list apart)', () => {
    expect(files.length).toBeGreaterThan(100)
    const offenders: string[] = []
    for (const path of files) {
      if (sqlHome(path) || path in SQL_ALLOWED) continue
      for (const s of sqlStrings(readFileSync(join(ROOT, path), 'utf8'))) {
        offenders.push(`${path}:${s.line} ${s.text}`)
      }
    }
    expect(offenders, 'move these statements to the domain’s sql.ts').toEqual([])
  })

  it('lists only files that still hold SQL (an emptied file must leave the allow-list)', () => {
    const stale = Object.keys(SQL_ALLOWED).filter(
      (path) => !files.includes(path) || sqlStrings(readFileSync(join(ROOT, path), 'utf8')).length === 0,
    )
    expect(stale, 'remove these entries from SQL_ALLOWED').toEqual([])
  })
})
