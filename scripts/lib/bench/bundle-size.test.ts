import { describe, expect, it } from "vitest";
import { initialChunkFiles, type ViteManifest } from "./bundle-size.ts";

// Shaped like Vite 8's .vite/manifest.json for this app: an entry with a shared static import,
// a lazily imported chunk and a worker asset.
const MANIFEST: ViteManifest = Object.freeze({
  "index.html": { file: "assets/index-A.js", src: "index.html", isEntry: true, imports: ["_shared-B.js"], dynamicImports: ["src/lazy.ts"] },
  "_shared-B.js": { file: "assets/shared-B.js", imports: ["index.html"] },
  "src/lazy.ts": { file: "assets/lazy-C.js", imports: ["_shared-B.js"] },
  "src/workers/engine.worker.ts": { file: "assets/engine.worker-D.js" },
});

describe("initial chunk files", () => {
  it("follows static imports from the HTML entry, once each, and skips lazy chunks and workers", () => {
    expect(initialChunkFiles(MANIFEST)).toEqual(["assets/index-A.js", "assets/shared-B.js"]);
  });

  it("refuses a manifest without the entry", () => {
    expect(() => initialChunkFiles(MANIFEST, "other.html")).toThrow(/no entry for other.html/);
  });
});
