// tokml (Mapbox, ISC) ships no types: the one function the KML export calls.
declare module 'tokml' {
  interface TokmlOptions {
    documentName?: string
    documentDescription?: string
    name?: string
    description?: string
    simplestyle?: boolean
    timestamp?: string
  }
  export default function tokml(geojson: object, options?: TokmlOptions): string
}
