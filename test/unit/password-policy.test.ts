import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../server/auth/password-policy'
import { checkAdminPassword } from '../../server/auth/bootstrap'
import { generatePassword } from '../../server/auth/passwords'
import { DEMO_PASSWORD, DEMO_USERS } from '../../gis-data/demo'

describe('password policy', () => {
  it(`refuses passwords shorter than ${MIN_PASSWORD_LENGTH} characters, spaces at the ends not counting`, () => {
    expect(passwordProblem('Tq7#mZ2&pX9', 'anna')).toMatch(/at least 12/)
    expect(passwordProblem('   Tq7#mZ2&pX9   ', 'anna')).toMatch(/at least 12/)
    expect(passwordProblem('Tq7#mZ2&pX9!', 'anna')).toBeNull()
  })

  it('refuses a password of one repeated character, spaces included', () => {
    expect(passwordProblem(' '.repeat(20), 'anna')).not.toBeNull()
    expect(passwordProblem('a'.repeat(14), 'anna')).toMatch(/distinct/)
    expect(passwordProblem('7'.repeat(30), 'anna')).toMatch(/distinct/)
  })

  it('refuses the username and anything containing it, in any case', () => {
    expect(passwordProblem('nguyen.van.an', 'nguyen.van.an')).toMatch(/username/)
    expect(passwordProblem('My-NGUYEN.VAN.AN-2026', 'nguyen.van.an')).toMatch(/username/)
    expect(passwordProblem('correct horse battery', 'nguyen.van.an')).toBeNull()
  })

  it('refuses common passwords from the shipped list, also with digits or symbols around them', () => {
    expect(passwordProblem('qwerty123456', 'anna')).toMatch(/common/)
    expect(passwordProblem('1qaz2wsx3edc', 'anna')).toMatch(/common/)
    expect(passwordProblem('Password2024!', 'anna')).toMatch(/common/)
    expect(passwordProblem('2026sunshine!!', 'anna')).toMatch(/common/)
    expect(passwordProblem('FinalFantasy', 'anna')).toMatch(/common/)
  })

  it('refuses runs of digits or keys', () => {
    expect(passwordProblem('1234567890', 'anna')).not.toBeNull()
    expect(passwordProblem('123456789012', 'anna')).toMatch(/run/)
    expect(passwordProblem('210987654321', 'anna')).toMatch(/run/)
    expect(passwordProblem('qwertyuiopas', 'anna')).toMatch(/run/)
  })

  it('ships a real list of thousands of common passwords', () => {
    const file = new URL('../../server/auth/common-passwords.txt', import.meta.url)
    const lines = fs.readFileSync(file, 'utf8').split('\n')
    const entries = lines.filter((l) => l !== '' && !l.startsWith('#'))
    expect(entries.length).toBeGreaterThanOrEqual(10_000)
    expect(entries.slice(0, 3)).toEqual(['123456', 'password', '12345678'])
  })

  it('accepts generated passwords and the published demo password for every demo account', () => {
    for (let i = 0; i < 50; i++) expect(passwordProblem(generatePassword(), 'admin')).toBeNull()
    for (const u of DEMO_USERS) expect(passwordProblem(DEMO_PASSWORD, u.username), u.username).toBeNull()
  })
})

describe('ADMIN_PASSWORD', () => {
  it('is refused at start when the policy refuses it, saying why', () => {
    expect(() => checkAdminPassword('x')).toThrow(/ADMIN_PASSWORD is not accepted: Use at least 12/)
    expect(() => checkAdminPassword('my-admin-password')).toThrow(/ADMIN_PASSWORD.*username/)
    expect(() => checkAdminPassword('qwerty123456')).toThrow(/ADMIN_PASSWORD.*common/)
  })
  it('is accepted when strong, and may be unset', () => {
    expect(() => checkAdminPassword('vững-chãi-như-núi-2026')).not.toThrow()
    expect(() => checkAdminPassword(undefined)).not.toThrow()
  })
})
