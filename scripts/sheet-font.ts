// Builds the font that snapshot PDFs embed: a subset of Noto Sans CJK SC Regular (SIL OFL 1.1)
// holding ASCII, Latin-1, the GB 2312 repertoire (7,445 characters: every common place-name
// character) and every non-ASCII character in the sources, the messages and the demo data. The
// output is committed in public/fonts; PDF export subsets it again to the glyphs on the page.
//
// Run after adding messages or names with characters outside it (the font-coverage unit test
// lists them): `npx tsx scripts/sheet-font.ts`. Needs the system's Noto CJK (Debian
// fonts-noto-cjk) and fontTools (Debian python3-fonttools); the app itself needs neither.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";

const SOURCE = process.env.NOTO_CJK_REGULAR ?? "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
/** Index of Noto Sans CJK SC in the collection (jp, kr, sc, tc, hk, then the mono faces). */
const SC_INDEX = 2;
export const SHEET_FONT_FILE = "public/fonts/NotoSansCJKsc-Regular-sheet.otf";
/** Folders whose text files may carry characters a sheet shows: interface text, names, generators. */
const SCANNED = ["src", "data/sources", "data/scripts", "public/data/kunming"];
const TEXT_FILES = new Set([".ts", ".tsx", ".csv", ".geojson", ".json"]);

function gb2312(): string[] {
  const decoder = new TextDecoder("gbk", { fatal: true });
  const characters: string[] = [];
  for (let lead = 0xa1; lead <= 0xf7; lead += 1)
    for (let trail = 0xa1; trail <= 0xfe; trail += 1) {
      try {
        const character = decoder.decode(new Uint8Array([lead, trail]));
        // GBK fills GB 2312's unassigned codes with private-use characters.
        if (!/\p{Co}/u.test(character)) characters.push(character);
      } catch {
        // An unassigned code point in GB 2312.
      }
    }
  return characters;
}

function* textFiles(folder: string): Generator<string> {
  for (const entry of readdirSync(folder)) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) {
      if (entry !== "tiled" && entry !== "generated") yield* textFiles(path);
    } else if (TEXT_FILES.has(extname(entry))) yield path;
  }
}

/** Every character the shipped font is built to hold (those Noto Sans CJK SC has). */
export function sheetCharacters(root = "."): Set<string> {
  const characters = new Set<string>();
  for (let code = 0x20; code <= 0x7e; code += 1) characters.add(String.fromCharCode(code));
  for (let code = 0xa0; code <= 0xff; code += 1) characters.add(String.fromCharCode(code));
  for (const character of gb2312()) characters.add(character);
  for (const folder of SCANNED)
    for (const file of textFiles(join(root, folder)))
      for (const character of readFileSync(file, "utf8")) if (character.codePointAt(0)! > 0x7f && /\P{C}/u.test(character)) characters.add(character);
  return characters;
}

/** A Python that has fontTools: $PYTHON, else the first of python3 on the PATH and Debian's own. */
function pythonWithFontTools(): string {
  const candidates = [process.env.PYTHON, "python3", "/usr/bin/python3"].filter((candidate): candidate is string => Boolean(candidate));
  for (const candidate of candidates) {
    try {
      execFileSync(candidate, ["-c", "import fontTools.subset"], { stdio: "ignore" });
      return candidate;
    } catch {
      // Not this one.
    }
  }
  throw new Error("fontTools is missing: apt-get install python3-fonttools (or pip install fonttools), or set PYTHON");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const characters = sheetCharacters();
  const folder = mkdtempSync(join(tmpdir(), "sheet-font-"));
  const list = join(folder, "characters.txt");
  writeFileSync(list, [...characters].join(""));
  execFileSync(
    pythonWithFontTools(),
    [
      "-m",
      "fontTools.subset",
      SOURCE,
      `--font-number=${SC_INDEX}`,
      `--text-file=${list}`,
      `--output-file=${SHEET_FONT_FILE}`,
      // Only what a PDF needs: outlines, advances and the character map.
      "--layout-features=",
      "--no-hinting",
      "--name-IDs=0,1,2,3,4,5,6,13,14",
      "--notdef-outline",
    ],
    { stdio: "inherit" },
  );
  console.log(`${SHEET_FONT_FILE}: ${characters.size} characters requested, ${statSync(SHEET_FONT_FILE).size.toLocaleString("en")} bytes`);
}
