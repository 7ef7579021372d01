// shpjs ships no types; only the zip reader is used (server/readers/shapefile.ts).
declare module 'shpjs' {
  export function parseZip(buffer: ArrayBuffer | Uint8Array, whiteList?: string[]): Promise<unknown>
}
