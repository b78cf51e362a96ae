// The permalink as a QR code matrix. qrcode-generator (MIT, ~10 KB gzip) is loaded only when a
// sheet asks for a code, so the explorer's first load does not carry it.

/** Dark modules of the QR code of `text` (ASCII), error correction M (15% damage tolerated). */
export async function qrModules(text: string): Promise<boolean[][]> {
  const { default: qrcode } = await import("qrcode-generator");
  const code = qrcode(0, "M");
  code.addData(text, "Byte");
  code.make();
  const count = code.getModuleCount();
  return Array.from({ length: count }, (_row, row) => Array.from({ length: count }, (_column, column) => code.isDark(row, column)));
}
