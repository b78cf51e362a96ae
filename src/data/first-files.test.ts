import { afterEach, describe, expect, it, vi } from "vitest";
import { fetchJson } from "./fetch-json.ts";
import { DEFAULT_DATASET, SESSION_PREFIX, WATER_URL, firstFilesScript, takeFirstFile } from "./first-files.ts";

const PAGE = "http://127.0.0.1:4173/app/";

/** Runs the inline script as a page would, with `fetch` answering from `files` (absolute URL → JSON). */
async function runScript(search: string, files: Record<string, unknown>, fetchImpl?: (url: string) => Promise<Response>) {
  const requested: string[] = [];
  const fetchStub = vi.fn<(url: string) => Promise<Response>>((url: string) => {
    requested.push(url);
    if (fetchImpl) return fetchImpl(url);
    return Promise.resolve(url in files ? Response.json(files[url]) : new Response("missing", { status: 404 }));
  });
  const window: Record<string, unknown> = {};
  const location = { href: `${PAGE}${search}`, search };
  new Function("window", "location", "fetch", firstFilesScript())(window, location, fetchStub);
  // Let the manifest's response be read and the indicators' request go out.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return { requested, slot: (window.partyFirstFiles as { files: Record<string, Promise<Response>> } | undefined)?.files };
}

describe("the first-files inline script", () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).partyFirstFiles;
  });

  it("requests the named dataset's manifest, its indicators and the water, all relative to the page", async () => {
    const manifest = `${PAGE}data/kunming/tiled/manifest.json`;
    const { requested, slot } = await runScript("?data=data/kunming/tiled/manifest.json", { [manifest]: { indicators: "indicators.json" } });
    const indicators = `${PAGE}data/kunming/tiled/indicators.json`;
    expect(requested).toEqual([`${PAGE}${WATER_URL}`, manifest, indicators]);
    expect(Object.keys(slot ?? {}).toSorted()).toEqual([`${PAGE}${WATER_URL}`, indicators, manifest].toSorted());
  });

  it("opens the default dataset when the URL names none, and asks for no indicators a manifest does not list", async () => {
    const { requested } = await runScript("", {});
    expect(requested).toEqual([`${PAGE}${WATER_URL}`, `${PAGE}${DEFAULT_DATASET}`]);
  });

  it("leaves import sessions alone: they open from IndexedDB", async () => {
    const { requested, slot } = await runScript(`?data=${SESSION_PREFIX}abc`, {});
    expect(requested).toEqual([]);
    expect(slot).toBeUndefined();
  });

  it("swallows a failed request: the app asks again and reports it", async () => {
    const { requested } = await runScript("?data=x/manifest.json", {}, () => Promise.reject(new TypeError("Failed to fetch")));
    expect(requested).toHaveLength(2);
  });
});

/** A promise and its resolve, for a script still reading the manifest. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: (() => void) | undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve: () => resolve?.() };
}

/** A fresh slot where the inline script leaves its responses, with every request already made. */
function freshSlot(): Record<string, Promise<Response>> {
  const files: Record<string, Promise<Response>> = {};
  (globalThis as Record<string, unknown>).partyFirstFiles = { files, ready: Promise.resolve() };
  return files;
}

describe("fetchJson with the inline script's responses", () => {
  const url = "http://127.0.0.1:4173/data/manifest.json";

  afterEach(() => {
    delete (globalThis as Record<string, unknown>).partyFirstFiles;
    vi.unstubAllGlobals();
  });

  it("takes the early response once, and fetches the file itself the next time", async () => {
    freshSlot()[url] = Promise.resolve(Response.json({ from: "early" }));
    const network = vi.fn<() => Promise<Response>>(() => Promise.resolve(Response.json({ from: "network" })));
    vi.stubGlobal("fetch", network);
    expect(await fetchJson(url)).toEqual({ from: "early" });
    expect(network).not.toHaveBeenCalled();
    await expect(takeFirstFile(url)).resolves.toBeUndefined();
    expect(await fetchJson(url)).toEqual({ from: "network" });
    expect(network).toHaveBeenCalledTimes(1);
  });

  it("waits until the script has asked for every file, so it does not ask for the indicators first", async () => {
    const ready = deferred();
    const files: Record<string, Promise<Response>> = {};
    (globalThis as Record<string, unknown>).partyFirstFiles = { files, ready: ready.promise };
    const network = vi.fn<() => Promise<Response>>(() => Promise.resolve(Response.json({ from: "network" })));
    vi.stubGlobal("fetch", network);
    const pending = fetchJson(url);
    // The script reads the manifest, then asks for the indicators.
    files[url] = Promise.resolve(Response.json({ from: "early" }));
    ready.resolve();
    expect(await pending).toEqual({ from: "early" });
    expect(network).not.toHaveBeenCalled();
  });

  it.each([
    ["failed", () => Promise.reject(new TypeError("Failed to fetch"))],
    ["answered 500", () => Promise.resolve(new Response("oops", { status: 500 }))],
  ])("asks again when the early request %s, so errors read as usual", async (_, early) => {
    freshSlot()[url] = early();
    vi.stubGlobal(
      "fetch",
      vi.fn(() => Promise.resolve(new Response("nope", { status: 404, statusText: "Not Found" }))),
    );
    await expect(fetchJson(url)).rejects.toThrow(/HTTP 404 Not Found/);
  });
});
