// shpjs ships JavaScript only; these are the two functions the import uses.
declare module "shpjs" {
  /** Geometries of a .shp file, in its own coordinates when no projection is passed. */
  export function parseShp(shp: Uint8Array | ArrayBuffer, projection?: unknown): unknown[];
  /** Records of a .dbf file, decoded with the given encoding (a .cpg's text). */
  export function parseDbf(dbf: Uint8Array | ArrayBuffer, encoding?: string): Record<string, unknown>[];
}
