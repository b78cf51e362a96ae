// Size of the JavaScript a first visit downloads before the app can run: the entry chunk that
// index.html loads and, transitively, its static imports, read from Vite's build manifest
// (`build.manifest: true`). Lazily imported chunks and web workers (the MapLibre worker, the
// engine) load later or off the main thread, so they are not counted.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { z } from "zod";

const chunkSchema = z.object({
  file: z.string(),
  src: z.string().optional(),
  isEntry: z.boolean().optional(),
  imports: z.array(z.string()).optional(),
  dynamicImports: z.array(z.string()).optional(),
});
const manifestSchema = z.record(z.string(), chunkSchema);
export type ViteManifest = z.infer<typeof manifestSchema>;

export interface BundleFile {
  file: string;
  rawBytes: number;
  gzipBytes: number;
}

export interface BundleSize {
  files: BundleFile[];
  rawBytes: number;
  gzipBytes: number;
}

/** Output files of the HTML entry's chunk and its static imports, entry first. */
export function initialChunkFiles(manifest: ViteManifest, htmlEntry = "index.html"): string[] {
  const entry = manifest[htmlEntry];
  if (!entry?.isEntry) throw new Error(`the Vite manifest has no entry for ${htmlEntry}`);
  const files: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the Vite manifest names ${key} as an import but has no entry for it`);
    if (chunk.file.endsWith(".js") || chunk.file.endsWith(".mjs")) files.push(chunk.file);
    // `imports` are static imports only; `dynamicImports` are left out on purpose.
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(htmlEntry);
  return files;
}

/** Reads a built app folder (with .vite/manifest.json) and gzips each initial file (zlib level 9, like `gzip -9`). */
export function initialBundleSize(outDir: string): BundleSize {
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(outDir, ".vite", "manifest.json"), "utf8")));
  const names = initialChunkFiles(manifest);
  // Cross-check against what the page really loads, so a manifest/HTML mismatch cannot go unnoticed.
  const html = readFileSync(join(outDir, "index.html"), "utf8");
  const entryFile = names[0];
  if (!entryFile || !html.includes(entryFile)) throw new Error(`index.html does not load the manifest's entry chunk ${entryFile ?? "(none)"}`);
  const files = names.map((file) => {
    const bytes = readFileSync(join(outDir, file));
    return { file, rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
  return {
    files,
    rawBytes: files.reduce((sum, file) => sum + file.rawBytes, 0),
    gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0),
  };
}
