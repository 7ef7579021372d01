import type { Api } from '../http/api'

/** Filled in by the coords work. */
export function coordinateRoutes(_api: Api): void {}
