// Loads the font snapshot PDFs embed, once per page session and only when a PDF is made: the
// font file is served with the app (no outside host) and the subsetter is a lazy chunk.
import type { SheetFont } from "../../export/pdf-font.ts";

/** The shipped font, relative to the app's base URL (see scripts/sheet-font.ts). */
export const SHEET_FONT_PATH = "fonts/NotoSansCJKsc-Regular-sheet.otf";

export type LoadedSheetFont = { font: SheetFont; problem: null } | { font: null; problem: string };

let loading: Promise<LoadedSheetFont> | null = null;

async function load(): Promise<LoadedSheetFont> {
  const url = `${import.meta.env.BASE_URL}${SHEET_FONT_PATH}`;
  try {
    const [response, module] = await Promise.all([fetch(url), import("../../export/pdf-font.ts")]);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return { font: module.parseSheetFont(new Uint8Array(await response.arrayBuffer())), problem: null };
  } catch (error) {
    // Not fatal: the PDF names a system font instead, as it did before fonts were embedded.
    return { font: null, problem: error instanceof Error ? error.message : String(error) };
  }
}

/** The sheet font, or why it is missing. A failure is not cached: the next export tries again. */
export function loadSheetFont(): Promise<LoadedSheetFont> {
  loading ??= load().then((loaded) => {
    if (!loaded.font) loading = null;
    return loaded;
  });
  return loading;
}
