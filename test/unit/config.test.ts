import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../server/config'
import { checkDemoSetting } from '../../server/users/demo-accounts'

describe('configuration', () => {
  it('keeps the demo on for the embedded database and off on DATABASE_URL unless DEMO=on', () => {
    expect(loadConfig({}).demo).toBe(true)
    expect(loadConfig({ DATABASE_URL: 'postgres://db/telgis' }).demo).toBe(false)
    expect(loadConfig({ DATABASE_URL: 'postgres://db/telgis', DEMO: 'on' }).demo).toBe(true)
    expect(loadConfig({ DEMO: 'off' }).demo).toBe(false)
    expect(() => loadConfig({ DEMO: 'yes' })).toThrow(/DEMO must be on or off/)
  })

  it('counts NODE_ENV=production or a trusted proxy as production, where the demo is off and DEMO=on refused', () => {
    expect(loadConfig({}).production).toBe(false)
    for (const env of [{ NODE_ENV: 'production' }, { TRUST_PROXY: '1' }]) {
      const config = loadConfig(env)
      expect(config).toMatchObject({ production: true, demo: false })
      expect(() => checkDemoSetting(config)).not.toThrow()
      expect(() => checkDemoSetting(loadConfig({ ...env, DEMO: 'on' }))).toThrow(/DEMO=on is refused in production/)
    }
  })

  it('takes TRUST_PROXY as a number of hops, never "trust everything"', () => {
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxyHops).toBe(2)
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxyHops).toBe(0)
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/number of reverse proxies/)
  })
})
