// Writes the print resolution into a PNG (a pHYs chunk), so layout and print programs place a
// 300 dpi sheet at its paper size instead of treating it as 72 or 96 dpi.

const CRC_TABLE = Array.from({ length: 256 }, (_, index) => {
  let value = index;
  for (let bit = 0; bit < 8; bit += 1) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
  return value >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Offset just past the IHDR chunk: signature (8) + length, type, 13 data bytes, CRC (25). */
const AFTER_HEADER = 33;

/** The PNG with a pHYs chunk saying `dpi` pixels per inch; other chunks are kept as they are. */
export function withPngDpi(png: Uint8Array, dpi: number): Uint8Array {
  const type = String.fromCharCode(...png.subarray(12, 16));
  if (png.length < AFTER_HEADER || type !== "IHDR") throw new Error("not a PNG with a header chunk");
  const pixelsPerMetre = Math.round(dpi / 0.0254);
  const chunk = new Uint8Array(21);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, 9);
  chunk.set([0x70, 0x48, 0x59, 0x73], 4);
  view.setUint32(8, pixelsPerMetre);
  view.setUint32(12, pixelsPerMetre);
  chunk[16] = 1;
  view.setUint32(17, crc32(chunk.subarray(4, 17)));
  const result = new Uint8Array(png.length + chunk.length);
  result.set(png.subarray(0, AFTER_HEADER), 0);
  result.set(chunk, AFTER_HEADER);
  result.set(png.subarray(AFTER_HEADER), AFTER_HEADER + chunk.length);
  return result;
}
