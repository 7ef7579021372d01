/** The application form's fields as typed, and their conversion to the API's body with the checks a form can make. */
import { parseNumber } from '../i18n/format'
import { vietnamToday } from '../time'
import type { LngLat } from '../map/MapView'
import type { CamouflageKind, MastClass, Station, StationInput, Technology } from './types'

export interface FormFields {
  siteCode: string
  name: string
  address: string
  mastClass: MastClass
  camouflageKind: CamouflageKind | ''
  mastHeightM: string
  buildingHeightM: string
  /** How far the structure reaches beyond the building edge (A1: at most the province's limit, 0,5 m). */
  reachBeyondEdgeM: string
  technologies: Technology[]
  sharedOperators: string[]
  temporary: boolean
  mobile: boolean
  validFrom: string
  validTo: string
}

export const EMPTY_FORM: FormFields = {
  siteCode: '',
  name: '',
  address: '',
  mastClass: 'A2a',
  camouflageKind: '',
  mastHeightM: '',
  buildingHeightM: '',
  reachBeyondEdgeM: '',
  technologies: ['4G'],
  sharedOperators: [],
  temporary: false,
  mobile: false,
  validFrom: '',
  validTo: '',
}

/** Classes that stand on a building (and so need its height). */
export const ON_BUILDING: readonly MastClass[] = ['A1', 'A2a']

/** The form filled from a stored station. */
export function fieldsOf(s: Station): FormFields {
  return {
    siteCode: s.siteCode,
    name: s.name ?? '',
    address: s.address ?? '',
    mastClass: s.mastClass,
    camouflageKind: s.camouflageKind ?? '',
    mastHeightM: String(s.mastHeightM).replace('.', ','),
    buildingHeightM: s.buildingHeightM === null ? '' : String(s.buildingHeightM).replace('.', ','),
    reachBeyondEdgeM: s.reachBeyondEdgeM == null ? '' : String(s.reachBeyondEdgeM).replace('.', ','),
    technologies: s.technologies,
    sharedOperators: s.sharedOperators,
    temporary: s.temporary,
    mobile: s.mobile,
    validFrom: s.validFrom ?? '',
    validTo: s.validTo ?? '',
  }
}

export type FormErrorKey = 'required' | 'number' | 'position'

/**
 * The body of the application, or the fields the form can already tell are wrong (keyed like the server's
 * errors: "siteCode", "mastHeightM", "position"). The server checks everything again and may name more.
 */
export function toInput(
  f: FormFields,
  at: LngLat | null,
): { input: StationInput | null; errors: Record<string, FormErrorKey> } {
  const errors: Record<string, FormErrorKey> = {}
  if (!at) errors.position = 'position'
  if (!f.siteCode.trim()) errors.siteCode = 'required'
  const number = (key: 'mastHeightM' | 'buildingHeightM' | 'reachBeyondEdgeM', required: boolean): number | null => {
    const text = f[key].trim()
    if (!text) {
      if (required) errors[key] = 'required'
      return null
    }
    const n = parseNumber(text)
    if (n === null) errors[key] = 'number'
    return n
  }
  const mastHeightM = number('mastHeightM', true)
  const onBuilding = ON_BUILDING.includes(f.mastClass)
  const buildingHeightM = onBuilding || f.mastClass === 'A1c' ? number('buildingHeightM', onBuilding) : null
  // The reach is asked where the structure is on a building; A1 must give it (its reach limit is checked).
  const reachBeyondEdgeM = f.mastClass === 'A2b' ? null : number('reachBeyondEdgeM', f.mastClass === 'A1')
  if (reachBeyondEdgeM !== null && reachBeyondEdgeM < 0) errors.reachBeyondEdgeM = 'number'
  if (f.mastClass === 'A1c' && !f.camouflageKind) errors.camouflageKind = 'required'
  if (f.temporary && !f.validFrom) errors.validFrom = 'required'
  if (f.temporary && !f.validTo) errors.validTo = 'required'
  if (Object.keys(errors).length > 0 || !at || mastHeightM === null) return { input: null, errors }
  return {
    input: {
      siteCode: f.siteCode.trim(),
      name: f.name.trim() || null,
      address: f.address.trim() || null,
      position: { crs: 'wgs84', lon: at[0], lat: at[1] },
      mastClass: f.mastClass,
      camouflageKind: f.mastClass === 'A1c' ? (f.camouflageKind as CamouflageKind) : null,
      mastHeightM,
      buildingHeightM,
      reachBeyondEdgeM,
      technologies: f.technologies,
      sharedOperators: f.sharedOperators,
      temporary: f.temporary,
      mobile: f.mobile,
      validFrom: f.temporary ? f.validFrom : null,
      validTo: f.temporary ? f.validTo : null,
    },
    errors,
  }
}

/** The body of an approval; the decision date defaults to today in Vietnam (the date the officer sees). */
export function approveBody(
  version: number,
  f: Record<string, string>,
): { action: 'approve'; version: number } & Record<string, unknown> {
  return {
    action: 'approve',
    version,
    decisionNo: f.decisionNo ?? '',
    decisionDate: f.decisionDate || vietnamToday(),
    ...(f.note ? { note: f.note } : {}),
  }
}
