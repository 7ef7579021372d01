// `npm run gen:types`: writes client/api/types.gen.ts from the routes' zod schemas (the /api/openapi.json document).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { API_INFO, buildApi } from '../server/app'
import { generateTypes } from './openapi-types'

/** Where the generated client types live. */
export const TYPES_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'client', 'api', 'types.gen.ts')

/** The generated module's text for the current routes. */
export const currentTypes = (): string => generateTypes(buildApi().openapi(API_INFO))

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  fs.writeFileSync(TYPES_FILE, currentTypes())
  console.log(`wrote ${path.relative(process.cwd(), TYPES_FILE)}`)
}
