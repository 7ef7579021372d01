// The package ships no types; only the one check we call is declared.
declare module 'geojson-validation' {
  /** With `trace` true, answers the list of problems found (empty when the feature is valid). */
  export function isFeature(feature: unknown, trace: true): string[]
}
