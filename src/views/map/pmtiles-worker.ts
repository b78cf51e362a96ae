// Loaded into each of MapLibre's tile workers (tile-workers.ts, importScriptInWorkers): the workers
// read tiles from a PMTiles archive themselves. Without it every tile request went from the worker
// to the main thread, which read the archive there and sent the bytes back; on a cold start the
// main thread was blocked on the GPU for 0.1-0.8 s at a time and the tiles waited with it.
import type { WorkerGlobalScopeInterface } from "maplibre-gl";
import { Protocol } from "pmtiles";

(self as unknown as WorkerGlobalScopeInterface).addProtocol("pmtiles", new Protocol().tile);
