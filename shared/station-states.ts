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
