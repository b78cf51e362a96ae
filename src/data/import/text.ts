// Text files as offices save them: UTF-8 with or without a byte-order mark, or GBK (Excel's
// "CSV" on a Chinese Windows). UTF-8 is tried strictly first; a file that is not valid UTF-8 is
// read as GBK, and the report says so.

export interface DecodedText {
  text: string;
  encoding: "utf-8" | "gbk";
  bom: boolean;
}

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = hasUtf8Bom(bytes);
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8", bom };
  } catch {
    return { text: new TextDecoder("gbk").decode(body), encoding: "gbk", bom: false };
  }
}
