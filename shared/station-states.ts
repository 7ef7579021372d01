/** Workflow states of a station application (column stations.state), in workflow order: server and client read it. */
export const STATES = [
  'draft',
  'submitted',
  'field_checked',
  'returned',
  'approved',
  'rejected',
  'built',
  'in_service',
  'decommissioned',
] as const
export type State = (typeof STATES)[number]

/** The shortest exception reason that lets an application failing a site rule be submitted or approved. */
export const MIN_EXCEPTION_REASON = 10

/** The shortest reason an officer gives to put a built station in service without its post-construction inspection. */
export const MIN_WAIVER_REASON = 10
