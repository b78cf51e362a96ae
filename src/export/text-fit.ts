// Fitting text into frames: shortening with an ellipsis and wrapping lines. Chinese breaks
// between any two characters; Latin words stay whole unless a word alone is too wide.
import type { MeasureText } from "./scene-types.ts";

const ELLIPSIS = "…";
const TOKEN = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+|\s+/gu;

/** The text, cut and ended with "…" where it is wider than `maxWidth` sheet units. */
export function ellipsize(text: string, size: number, bold: boolean, maxWidth: number, measure: MeasureText): string {
  if (measure(text, size, bold) <= maxWidth) return text;
  const characters = Array.from(text);
  let low = 0;
  let high = characters.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measure(characters.slice(0, middle).join("") + ELLIPSIS, size, bold) <= maxWidth) low = middle;
    else high = middle - 1;
  }
  return low === 0 ? ELLIPSIS : characters.slice(0, low).join("").trimEnd() + ELLIPSIS;
}

/** Splits a token wider than the line into pieces that fit, character by character. */
function splitLong(token: string, size: number, bold: boolean, maxWidth: number, measure: MeasureText): string[] {
  const pieces: string[] = [];
  let piece = "";
  for (const character of token) {
    if (piece && measure(piece + character, size, bold) > maxWidth) {
      pieces.push(piece);
      piece = "";
    }
    piece += character;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Greedy line wrapping to `maxWidth` sheet units. */
export function wrapText(text: string, size: number, bold: boolean, maxWidth: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  let line = "";
  for (const token of text.match(TOKEN) ?? []) {
    if (/^\s+$/.test(token)) {
      if (line) line += " ";
      continue;
    }
    const candidate = line + token;
    if (measure(candidate, size, bold) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    const pieces = measure(token, size, bold) > maxWidth ? splitLong(token, size, bold, maxWidth, measure) : [token];
    lines.push(...pieces.slice(0, -1));
    line = pieces[pieces.length - 1] ?? "";
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}
