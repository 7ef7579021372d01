import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The shortest password accepted, counted in characters after trimming surrounding spaces. */
export const MIN_PASSWORD_LENGTH = 12

const LIST_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'common-passwords.txt')

let common: Set<string> | undefined
/** The shipped list of common passwords (see the file's header for its source), read once. */
function commonPasswords(): Set<string> {
  common ??= new Set(
    fs
      .readFileSync(LIST_FILE, 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => line.toLowerCase()),
  )
  return common
}

// Keyboard rows and counting runs: "123456789012" or "qwertyuiopas" are as guessable as any listed password.
const RUNS = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm'].flatMap((run) => [
  run.repeat(4),
  [...run].reverse().join('').repeat(4),
])

/** Why a password is refused for a user, or null when it is acceptable; used wherever a password is set. */
export function passwordProblem(password: string, username: string): string | null {
  const trimmed = password.trim()
  if ([...trimmed].length < MIN_PASSWORD_LENGTH) {
    return `Use at least ${MIN_PASSWORD_LENGTH} characters (spaces at the ends do not count).`
  }
  if (new Set(trimmed).size === 1) return 'Use more than one distinct character.'
  const lower = trimmed.toLowerCase()
  const name = username.trim().toLowerCase()
  if (name !== '' && lower.includes(name)) return 'The password must not contain the username.'
  // "password2024!" is "password" with a suffix: strip digits and symbols at both ends before the list look-up.
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')
  if (commonPasswords().has(lower) || commonPasswords().has(core)) {
    return 'This password is on the list of the most common passwords.'
  }
  if (RUNS.some((run) => run.includes(lower))) return 'A run of consecutive keys or digits is too easy to guess.'
  return null
}
