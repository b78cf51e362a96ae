// What every reader produces: raw features (geometry as found, properties as found) with their
// place in the file, before coordinate conversion and column mapping. Inputs are an interface so
// that the browser (File) and node (fs) feed the same readers.

export interface ImportInput {
  name: string;
  size: number;
  /** The first bytes (up to 512), to tell what the file is. */
  head(): Promise<Uint8Array>;
  /** The whole file. */
  bytes(): Promise<Uint8Array>;
  /** The file in chunks, for streaming readers. */
  chunks(): AsyncIterable<Uint8Array>;
}

export interface RawFeature {
  geometry: unknown;
  properties: Record<string, unknown>;
  /** Feature index (0-based) or spreadsheet row (1-based). */
  index: number;
}

export interface RawSource {
  file: string;
  featureKind: "feature" | "row";
  features: RawFeature[];
  /** Features that could not even be parsed (reported already), counted in the total. */
  unreadable?: number;
  /** Property names seen, in file order. */
  columns: string[];
  /** A .prj definition that came with the file. */
  prj?: string;
  /** Column names that held the coordinates (hints for the coordinate system). */
  coordinateColumns?: string[];
}

/** An input over bytes already in memory (tests, unzipped members). */
export function memoryInput(name: string, data: Uint8Array, chunkSize = 1 << 20): ImportInput {
  return {
    name,
    size: data.length,
    head: async () => data.subarray(0, 512),
    bytes: async () => data,
    chunks: async function* () {
      for (let offset = 0; offset < data.length; offset += chunkSize) yield data.subarray(offset, offset + chunkSize);
    },
  };
}

export function columnsOf(features: readonly RawFeature[]): string[] {
  const seen = new Set<string>();
  for (const feature of features) for (const key of Object.keys(feature.properties)) seen.add(key);
  return [...seen];
}

export class ImportCancelled extends Error {
  constructor() {
    super("import cancelled");
    this.name = "ImportCancelled";
  }
}
