import type { TestProject } from 'vitest/node'
import { removeRunTemplates } from '../../helpers/templates'
import { buildE2eTemplate, type E2eTemplate } from './server'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's demo-loaded database that every e2e server starts from (server.ts). */
    e2eTemplate: E2eTemplate
  }
}

/**
 * Loads the demo once per run instead of once per spec file: one server start on an empty database leaves the
 * template every spec's server copies (embedded) or clones (PostgreSQL); it is removed at the end of the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.TEST_DATABASE_URL ?? ''
  await removeRunTemplates(process.pid, 'e2e', url)
  project.provide('e2eTemplate', await buildE2eTemplate(process.pid))
  return () => removeRunTemplates(process.pid, 'e2e', url)
}
