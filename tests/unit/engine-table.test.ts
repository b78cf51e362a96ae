// The engine worker's two-step start on a tiled dataset: fetchTable() reads the manifest and the
// attribute table (download, unpack, model) while the page draws; load() then only analyses.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createEngine } from "../../src/workers/engine-api.ts";

const ROOT = "http://127.0.0.1:4173/";
const MANIFEST = `${ROOT}data/kunming/tiled/manifest.json`;
const TABLE = `${ROOT}data/kunming/tiled/attributes.bin.gz`;
const PUBLIC = join(import.meta.dirname, "../../public");

/** Serves public/ as the app's origin; `fail` answers chosen URLs with an error the first `times` times. */
function serve(fail: Record<string, { times: number; answer: () => Promise<Response> }> = {}) {
  const asked: string[] = [];
  const network = vi.fn<(input: URL | string) => Promise<Response>>((input) => {
    const url = String(input);
    asked.push(url);
    const rule = fail[url];
    if (rule && rule.times > 0) {
      rule.times -= 1;
      return rule.answer();
    }
    return Promise.resolve(new Response(readFileSync(join(PUBLIC, new URL(url).pathname))));
  });
  vi.stubGlobal("fetch", network);
  return { count: (url: string) => asked.filter((each) => each === url).length };
}

describe("the engine's attribute table, begun before the map is drawn", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("is read once: load() analyses what fetchTable() read, and a later load reads the files again", async () => {
    const files = serve();
    const engine = createEngine();
    engine.fetchTable(MANIFEST);
    const summary = await engine.load(MANIFEST);
    expect(summary.city.households).toBeGreaterThan(0);
    expect({ manifest: files.count(MANIFEST), table: files.count(TABLE) }).toEqual({ manifest: 1, table: 1 });
    await engine.load(MANIFEST);
    expect({ manifest: files.count(MANIFEST), table: files.count(TABLE) }).toEqual({ manifest: 2, table: 2 });
  });

  it("reads nothing for a dataset it has already loaded, when a view comes back to it", async () => {
    const files = serve();
    const engine = createEngine();
    engine.fetchTable(MANIFEST);
    await engine.load(MANIFEST);
    engine.fetchTable(MANIFEST);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect({ manifest: files.count(MANIFEST), table: files.count(TABLE) }).toEqual({ manifest: 1, table: 1 });
    // Without an earlier load it reads, as before.
    const other = createEngine();
    other.fetchTable(MANIFEST);
    await other.load(MANIFEST);
    expect({ manifest: files.count(MANIFEST), table: files.count(TABLE) }).toEqual({ manifest: 2, table: 2 });
  });

  it("reads both again when the early manifest failed, instead of failing with its stale error", async () => {
    const files = serve({ [MANIFEST]: { times: 1, answer: () => Promise.reject(new TypeError("network changed")) } });
    const engine = createEngine();
    engine.fetchTable(MANIFEST);
    const summary = await engine.load(MANIFEST);
    expect(summary.city.households).toBeGreaterThan(0);
    expect({ manifest: files.count(MANIFEST), table: files.count(TABLE) }).toEqual({ manifest: 2, table: 1 });
  });

  it("reports a table that failed to download with its file, and does not download it twice", async () => {
    const files = serve({ [TABLE]: { times: 1, answer: () => Promise.resolve(new Response("gone", { status: 503, statusText: "Service Unavailable" })) } });
    const engine = createEngine();
    engine.fetchTable(MANIFEST);
    await expect(engine.load(MANIFEST)).rejects.toThrow(/attributes\.bin\.gz[\s\S]*HTTP 503/);
    expect(files.count(TABLE)).toBe(1);
  });
});
