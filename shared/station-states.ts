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

/** The workflow's steps (transitions by action; the history records them, after 'create' and 'update'). */
export const ACTIONS = [
  'submit',
  'field_check',
  'skip_field_check',
  'approve',
  'reject',
  'return',
  'report_built',
  'report_in_service',
  'pass_inspection',
  'waive_inspection',
  'decommission',
] as const
export type Action = (typeof ACTIONS)[number]

/** The shortest exception reason that lets an application failing a site rule be submitted or approved. */
export const MIN_EXCEPTION_REASON = 10

/** The shortest reason an officer gives to put a built station in service without its post-construction inspection. */
export const MIN_WAIVER_REASON = 10
