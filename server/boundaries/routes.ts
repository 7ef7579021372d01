import type { Api } from '../http/api'

/** Filled in by the boundaries work. */
export function boundaryRoutes(_api: Api): void {}
