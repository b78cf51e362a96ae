// Renders PDFs the way a machine with no fonts installed would: poppler's pdftoppm under a
// fontconfig that lists no font folder, so only fonts embedded in the file can draw glyphs.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";

function fontlessEnvironment(folder: string): NodeJS.ProcessEnv {
  mkdirSync(join(folder, "cache"), { recursive: true });
  const config = join(folder, "fonts.conf");
  writeFileSync(
    config,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${join(folder, "no-fonts")}</dir><cachedir>${join(folder, "cache")}</cachedir></fontconfig>\n`,
  );
  return { ...process.env, FONTCONFIG_FILE: config, FONTCONFIG_PATH: folder };
}

function poppler(tool: string, args: string[], env?: NodeJS.ProcessEnv): Buffer {
  try {
    return execFileSync(tool, args, { env, stdio: ["ignore", "pipe", "ignore"] });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      throw new Error(`${tool} is missing: install Debian's poppler-utils (scripts/ensure-browser.sh does, as root)`, { cause: error });
    throw error;
  }
}

/** Page 1 of `pdf` rasterised at `dpi` with no system fonts available. */
export function renderWithoutFonts(pdf: Uint8Array, dpi = 72): PNG {
  const folder = mkdtempSync(join(tmpdir(), "pdf-render-"));
  const file = join(folder, "sheet.pdf");
  writeFileSync(file, pdf);
  poppler("pdftoppm", ["-r", String(dpi), "-f", "1", "-l", "1", "-singlefile", "-png", file, join(folder, "page")], fontlessEnvironment(folder));
  return PNG.sync.read(readFileSync(join(folder, "page.png")));
}

/** The text a reader extracts (copy, search) from `pdf`, through the fonts' Unicode maps. */
export function extractText(pdf: Uint8Array): string {
  const folder = mkdtempSync(join(tmpdir(), "pdf-text-"));
  const file = join(folder, "sheet.pdf");
  writeFileSync(file, pdf);
  return poppler("pdftotext", ["-enc", "UTF-8", file, "-"]).toString("utf8");
}

/** Pixels darker than `threshold` (0–255, mean of RGB) inside a rectangle of the page image, in image pixels. */
export function darkPixels(image: PNG, box: { x: number; y: number; width: number; height: number }, threshold = 128): number {
  let count = 0;
  for (let y = Math.max(0, Math.floor(box.y)); y < Math.min(image.height, box.y + box.height); y += 1)
    for (let x = Math.max(0, Math.floor(box.x)); x < Math.min(image.width, box.x + box.width); x += 1) {
      const index = (y * image.width + x) * 4;
      if (((image.data[index] ?? 255) + (image.data[index + 1] ?? 255) + (image.data[index + 2] ?? 255)) / 3 < threshold) count += 1;
    }
  return count;
}
