// MapLibre's page-wide set-up, done once when the map module loads: its tile workers (where their
// script comes from, how many, started early) and the pmtiles:// protocol on the main thread and
// in the workers.
import { addProtocol, importScriptInWorkers, prewarm, setWorkerCount, setWorkerUrl } from "maplibre-gl";
import { Protocol } from "pmtiles";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
// Vite bundles the worker and gives its URL as the default export; the linter sees only the source module.
// oxlint-disable-next-line import/default
import pmtilesWorkerUrl from "./pmtiles-worker.ts?worker&url";

setWorkerUrl(workerUrl);
// MapLibre parses tiles on one worker by default. The page leaves cores idle while tiles are cut
// and parsed (measured: 0.7 s of 3 s idle on 2 cores), so two workers at least, more on a big machine.
setWorkerCount(Math.min(4, Math.max(2, (globalThis.navigator?.hardwareConcurrency ?? 2) - 1)));
// Where there are workers (not in node or jsdom), the tile workers start now, while the app
// renders, not when the map is made: their 0.5 MB script then compiled only after React's first
// commit (traced), and the first tiles waited for it.
const hasWorkers = typeof Worker !== "undefined";
if (hasWorkers) prewarm();
// Tiled datasets: `pmtiles://` sources read the archive with HTTP range requests. The main thread
// reads the archive's header for the source's TileJSON; the tile workers read the tiles themselves
// (pmtiles-worker.ts), so a tile no longer waits for a main thread that is busy drawing. A tile a
// worker asks for before its script has loaded is read here, as it was before.
const mainThreadProtocol = new Protocol();
let mainThreadTileReads = 0;
addProtocol("pmtiles", (params, abortController) => {
  if (params.type !== "json") mainThreadTileReads += 1;
  return mainThreadProtocol.tile(params, abortController);
});
// MapLibre's workers import a script with import() when its name ends in .mjs (vite.config.ts names
// the built one so); any other script they fetch and eval, which a strict Content-Security-Policy
// forbids. Vite's dev server serves it as TypeScript that neither way can run: dev reads tiles here.
if (hasWorkers && pmtilesWorkerUrl.endsWith(".mjs"))
  importScriptInWorkers(pmtilesWorkerUrl).catch((error: unknown) => console.warn("PMTiles in the tile workers:", error));

/** How many tiles the main thread has read from a PMTiles archive, rather than a tile worker: one count for the page. */
export function tilesReadOnMainThread(): number {
  return mainThreadTileReads;
}
