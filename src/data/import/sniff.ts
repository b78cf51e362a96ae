// What a file is, from its first bytes and its name: the formats the import reads, and the
// usual wrong files (an HTML page saved as .json, a renamed picture, an empty file), each named
// for what it is instead of being handed to a parser that would fail with a stack trace.

export type ImportFormat = "geojson" | "zip" | "shp" | "dbf" | "shx" | "prj" | "cpg" | "csv" | "xlsx" | "xls" | "kml" | "kmz";

export type Sniffed =
  { format: ImportFormat } | { unreadable: "file-empty" | "file-html" | "file-unknown-format" } | { unreadable: "file-image"; kind: string };

const EXTENSION_FORMATS: Record<string, ImportFormat> = {
  geojson: "geojson",
  json: "geojson",
  zip: "zip",
  shp: "shp",
  dbf: "dbf",
  shx: "shx",
  prj: "prj",
  cpg: "cpg",
  csv: "csv",
  txt: "csv",
  xlsx: "xlsx",
  xls: "xls",
  kml: "kml",
  kmz: "kmz",
};

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
}

export function baseNameOf(name: string): string {
  const slash = Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\"));
  const file = name.slice(slash + 1);
  const dot = file.lastIndexOf(".");
  return dot < 0 ? file : file.slice(0, dot);
}

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((byte, index) => bytes[index] === byte);

/** First non-space text of the head, lower-cased, for text signatures. */
function textHead(head: Uint8Array): string {
  let start = 0;
  if (startsWith(head, [0xef, 0xbb, 0xbf])) start = 3;
  return new TextDecoder("utf-8", { fatal: false })
    .decode(head.subarray(start, Math.min(head.length, 512)))
    .trimStart()
    .toLowerCase();
}

/** `head` is the first bytes of the file (512 are plenty); `size` its whole length. */
export function sniff(name: string, head: Uint8Array, size: number): Sniffed {
  if (size === 0) return { unreadable: "file-empty" };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47])) return { unreadable: "file-image", kind: "PNG" };
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { unreadable: "file-image", kind: "JPEG" };
  if (startsWith(head, [0x47, 0x49, 0x46, 0x38])) return { unreadable: "file-image", kind: "GIF" };
  const extension = extensionOf(name);
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    if (extension === "xlsx") return { format: "xlsx" };
    if (extension === "kmz") return { format: "kmz" };
    return { format: "zip" };
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) return { format: "xls" };
  if (startsWith(head, [0x00, 0x00, 0x27, 0x0a])) return { format: extension === "shx" ? "shx" : "shp" };
  const text = textHead(head);
  if (text.startsWith("<!doctype html") || text.startsWith("<html") || /^<\?xml[^>]*>\s*<!doctype html/.test(text)) return { unreadable: "file-html" };
  if (text.startsWith("<?xml") || text.startsWith("<kml")) {
    if (text.includes("<kml") || extension === "kml") return { format: "kml" };
    return { unreadable: "file-unknown-format" };
  }
  if (text.startsWith("{") || text.startsWith("[")) return { format: "geojson" };
  const byExtension = EXTENSION_FORMATS[extension];
  // A dBASE table starts with its version byte (3, or 0x83/0x8B with memo) and a date.
  if (byExtension === "dbf" || byExtension === "prj" || byExtension === "cpg" || byExtension === "csv") return { format: byExtension };
  if (byExtension === "geojson") return { format: "geojson" };
  return { unreadable: "file-unknown-format" };
}
