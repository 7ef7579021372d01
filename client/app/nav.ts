import type { Role } from '../api/types'
import type { MessageKey } from '../i18n'
import type { IconName } from '../ui/icons'

/** A section of the app: where it lives, what the menu calls it. */
export interface Section {
  id: SectionId
  path: string
  label: MessageKey
  icon: IconName
}

export type SectionId =
  | 'map'
  | 'planning'
  | 'conversions'
  | 'stations'
  | 'applications'
  | 'queue'
  | 'cables'
  | 'cableSummary'
  | 'reports'
  | 'users'
  | 'carriers'
  | 'boundaries'
  | 'audit'
  | 'apiTokens'
  | 'plans'
  | 'inspections'
  | 'campaigns'
  | 'field'
  | 'tickets'

export const SECTIONS: Record<SectionId, Section> = {
  map: { id: 'map', path: '/map', label: 'nav.map', icon: 'map' },
  stations: { id: 'stations', path: '/stations', label: 'nav.stations', icon: 'tower' },
  applications: { id: 'applications', path: '/applications', label: 'nav.applications', icon: 'building' },
  queue: { id: 'queue', path: '/queue', label: 'nav.queue', icon: 'inbox' },
  conversions: { id: 'conversions', path: '/conversions', label: 'nav.conversions', icon: 'convert' },
  cables: { id: 'cables', path: '/cables', label: 'nav.cables', icon: 'cable' },
  cableSummary: { id: 'cableSummary', path: '/cable-summary', label: 'nav.cableSummary', icon: 'chart' },
  reports: { id: 'reports', path: '/reports', label: 'nav.reports', icon: 'chart' },
  planning: { id: 'planning', path: '/planning', label: 'nav.planning', icon: 'layers' },
  users: { id: 'users', path: '/users', label: 'nav.users', icon: 'users' },
  carriers: { id: 'carriers', path: '/carriers', label: 'nav.carriers', icon: 'building' },
  boundaries: { id: 'boundaries', path: '/boundaries', label: 'nav.boundaries', icon: 'layers' },
  audit: { id: 'audit', path: '/audit', label: 'nav.audit', icon: 'history' },
  apiTokens: { id: 'apiTokens', path: '/api-tokens', label: 'nav.apiTokens', icon: 'key' },
  plans: { id: 'plans', path: '/plans', label: 'nav.plans', icon: 'layers' },
  inspections: { id: 'inspections', path: '/inspections', label: 'nav.inspections', icon: 'crosshair' },
  campaigns: { id: 'campaigns', path: '/campaigns', label: 'nav.campaigns', icon: 'clipboard' },
  field: { id: 'field', path: '/field', label: 'nav.field', icon: 'crosshair' },
  tickets: { id: 'tickets', path: '/tickets', label: 'nav.tickets', icon: 'inbox' },
}

/**
 * Which sections each role sees, in menu order. The server checks access on every route; this table
 * only decides what the menu offers and which pages the client will open.
 */
export const NAV_BY_ROLE: Record<Role, SectionId[]> = {
  admin: [
    'map',
    'stations',
    'conversions',
    'cables',
    'cableSummary',
    'inspections',
    'campaigns',
    'reports',
    'planning',
    'plans',
    'tickets',
    'users',
    'carriers',
    'boundaries',
    'apiTokens',
    'audit',
  ],
  officer: [
    'map',
    'queue',
    'stations',
    'conversions',
    'cables',
    'cableSummary',
    'inspections',
    'campaigns',
    'reports',
    'planning',
    'plans',
    'tickets',
    'audit',
  ],
  inspector: [
    'map',
    'inspections',
    'field',
    'queue',
    'stations',
    'conversions',
    'cables',
    'cableSummary',
    'campaigns',
    'reports',
    'planning',
    'plans',
    'tickets',
  ],
  carrier: [
    'map',
    'applications',
    'stations',
    'conversions',
    'cables',
    'cableSummary',
    'inspections',
    'plans',
    'tickets',
  ],
}

/** The menu of a role. */
export function sectionsFor(role: Role): Section[] {
  return NAV_BY_ROLE[role].map((id) => SECTIONS[id])
}

/** The section a path opens for a role, or undefined when the role has no such page. */
export function sectionAt(role: Role, path: string): Section | undefined {
  return sectionsFor(role).find((s) => path === s.path || path.startsWith(`${s.path}/`))
}
