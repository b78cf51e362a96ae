// Measurements taken inside a page: when the map became ready, frame intervals while the camera
// moves, pick latency, and the JS heap. They talk to the map through `window.partyMap` (the app's
// MapAdapter under ?debug=1; the baseline page exposes the same `{ map }` shape).
import type { Map as MapLibreMap } from "maplibre-gl";
import type { CDPSession, Page } from "playwright-core";

/** What the probes use of `window.partyMap`: the MapLibre map, and pickAt once the app has it. */
interface ProbeTarget {
  map: MapLibreMap;
  pickAt?: (x: number, y: number) => unknown;
}

interface ProbeWindow {
  partyMap?: ProbeTarget;
  benchReadyAt?: number;
}

/**
 * Runs before any page script. tsx (esbuild keepNames) rewrites named inner functions of the
 * callbacks handed to page.evaluate as `__name(fn, "fn")`, a helper that exists only in Node;
 * the identity shim makes those callbacks run in the page. The observer records
 * performance.now() (ms since navigation start) in the same task the map element turns
 * data-ready="true", so no polling delay is added to the figure.
 */
export const PAGE_INIT_SCRIPT = `
globalThis.__name ??= (target) => target;
new MutationObserver((records) => {
  for (const record of records) {
    const element = record.target;
    if (element instanceof Element && element.matches('[data-testid="map"]') && element.getAttribute("data-ready") === "true") {
      window.benchReadyAt ??= performance.now();
    }
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-ready"] });
`;

export interface ReadyTime {
  /** ms from navigation start to data-ready. */
  sinceNavigation: number;
  /** The same moment as wall-clock ms since the epoch, to line up with network events. */
  wallMs: number;
  /** Navigation start as wall-clock ms since the epoch (performance.timeOrigin). */
  navigationWallMs: number;
}

export async function waitForReady(page: Page, timeoutMs: number): Promise<ReadyTime> {
  await page.waitForFunction(() => (window as unknown as ProbeWindow).benchReadyAt !== undefined, undefined, { timeout: timeoutMs, polling: 100 });
  return page.evaluate(() => {
    const at = (window as unknown as ProbeWindow).benchReadyAt ?? Number.NaN;
    return { sinceNavigation: at, wallMs: performance.timeOrigin + at, navigationWallMs: performance.timeOrigin };
  });
}

/** JS heap of the page's main thread after a full garbage collection, in bytes. Workers are not included. */
export async function heapAfterGc(session: CDPSession): Promise<number> {
  await session.send("HeapProfiler.collectGarbage");
  await session.send("Performance.enable", {});
  const { metrics } = await session.send("Performance.getMetrics");
  const used = metrics.find((metric) => metric.name === "JSHeapUsedSize");
  if (!used) throw new Error("Performance.getMetrics returned no JSHeapUsedSize");
  return used.value;
}

export interface Flight {
  center: [number, number];
  zoom: number;
  durationMs: number;
}

export interface CameraPlan {
  /** Screen offsets in pixels, each animated over panMs. */
  pans: [number, number][];
  panMs: number;
  flights: Flight[];
}

/**
 * Moves the camera through the plan and returns the intervals between animation frames (ms).
 * MapLibre renders inside requestAnimationFrame, so a slow render shows up as a long interval.
 * Animations are time-based, so the plan takes about the same wall time however slow the frames.
 */
export async function panFrameIntervals(page: Page, plan: CameraPlan): Promise<number[]> {
  return page.evaluate(async (camera) => {
    const target = (window as unknown as ProbeWindow).partyMap;
    if (!target) throw new Error("window.partyMap is missing (is ?debug=1 in the URL?)");
    const map = target.map;
    const stamps: number[] = [];
    let running = true;
    const tick = (time: number) => {
      stamps.push(time);
      if (running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    // moveend ends each step; the timer only guards against a map that stopped answering.
    const moved = (durationMs: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, durationMs + 20_000);
        map.once("moveend", () => {
          clearTimeout(timer);
          resolve();
        });
      });
    for (const [dx, dy] of camera.pans) {
      const done = moved(camera.panMs);
      map.panBy([dx, dy], { duration: camera.panMs });
      await done;
    }
    for (const flight of camera.flights) {
      const done = moved(flight.durationMs);
      // essential: animate even if the browser asks for reduced motion.
      map.flyTo({ center: flight.center, zoom: flight.zoom, duration: flight.durationMs, essential: true });
      await done;
    }
    running = false;
    return stamps.slice(1).map((stamp, index) => stamp - (stamps[index] ?? stamp));
  }, plan);
}

export interface CameraState {
  center: [number, number];
  zoom: number;
}

export async function currentCamera(page: Page): Promise<CameraState> {
  return page.evaluate(() => {
    const map = (window as unknown as ProbeWindow).partyMap?.map;
    if (!map) throw new Error("window.partyMap is missing");
    const center = map.getCenter();
    return { center: [center.lng, center.lat] as [number, number], zoom: map.getZoom() };
  });
}

/** Jumps back to a camera and waits until the map has drawn it with everything loaded. */
export async function jumpAndSettle(page: Page, camera: CameraState): Promise<void> {
  await page.evaluate(async (state) => {
    const map = (window as unknown as ProbeWindow).partyMap?.map;
    if (!map) throw new Error("window.partyMap is missing");
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 30_000);
      map.once("idle", () => {
        clearTimeout(timer);
        resolve();
      });
      map.jumpTo({ center: state.center, zoom: state.zoom });
      map.triggerRepaint();
    });
  }, camera);
}

export async function hasPickAt(page: Page): Promise<boolean> {
  return page.evaluate(() => typeof (window as unknown as ProbeWindow).partyMap?.pickAt === "function");
}

export interface PickSamples {
  /** ms per pickAt call at each point (awaited, so a pick that returns a promise is timed to its result). */
  durations: number[];
  /** Points where pickAt returned a feature rather than null. */
  hits: number;
}

/**
 * Calls pickAt at each point (pixels relative to the map element) until the points or the time
 * budget run out. Without cross-origin isolation Chromium rounds performance.now() to 0.1 ms,
 * and a CPU pick (a spatial index lookup) is faster than that; so each point is picked
 * repeatedly until at least 2 ms have passed (at most 200 times) and the mean is its duration.
 * A slow pick (a GPU read-back) is called once.
 */
export async function pickLatencies(page: Page, points: readonly [number, number][], budgetMs: number): Promise<PickSamples> {
  return page.evaluate(
    async ({ positions, budget }) => {
      const target = (window as unknown as ProbeWindow).partyMap;
      const pickAt = target?.pickAt;
      if (!target || typeof pickAt !== "function") throw new Error("window.partyMap.pickAt is missing");
      const durations: number[] = [];
      let hits = 0;
      const started = performance.now();
      for (const [x, y] of positions) {
        if (performance.now() - started > budget) break;
        const before = performance.now();
        let calls = 0;
        let picked: unknown = null;
        do {
          const result = pickAt.call(target, x, y);
          // Awaited only if it is a promise: awaiting a plain value would time a microtask too.
          picked = result instanceof Promise ? await result : result;
          calls += 1;
        } while (performance.now() - before < 2 && calls < 200);
        durations.push((performance.now() - before) / calls);
        if (picked !== null && picked !== undefined) hits += 1;
      }
      return { durations, hits };
    },
    { positions: points, budget: budgetMs },
  );
}

/** A grid of columns × rows points over a width × height element, away from its edges. */
export function pickGrid(width: number, height: number, columns = 6, rows = 5): [number, number][] {
  const points: [number, number][] = [];
  for (let row = 0; row < rows; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      points.push([Math.round(((column + 0.5) / columns) * width), Math.round(((row + 0.5) / rows) * height)]);
    }
  }
  return points;
}

/**
 * Waits until the explorer's gap list shows ranked items and no status line: the engine worker
 * has the whole dataset analysed (indicators, access, roll-ups, gaps). Returns ms since
 * navigation start, or null on timeout. A tiled dataset shows precomputed KPIs at once, so the
 * KPI panel alone does not tell that the engine is done.
 */
export async function waitForGapList(page: Page, timeoutMs: number): Promise<number | null> {
  try {
    await page.waitForFunction(
      () => {
        const panel = document.querySelector('[data-testid="gap-panel"]');
        return panel !== null && panel.querySelector(".gap-status") === null && panel.querySelector(".gap-name") !== null;
      },
      undefined,
      { timeout: timeoutMs, polling: 50 },
    );
  } catch {
    return null;
  }
  return page.evaluate(() => performance.now());
}

/** What the probe uses of the engine worker the app exposes under ?debug=1 (Comlink: every call is async). */
interface EngineProbe {
  gaps(filter: object, limit?: number, scenario?: object | null): Promise<{ items: Array<{ location: [number, number] }> }>;
  whatIf(scenario: object): Promise<unknown>;
  prepareWhatIf(): Promise<void>;
}

/**
 * Times what-if updates as the explorer makes them: what-if mode is turned on (the engine readies
 * itself for edits: `prepareMs`), then each sample plans one new station at the place of a ranked
 * gap (a different place each time, so nothing is cached) and waits for both answers the explorer
 * asks for on an edit, the indicators and the gap list under the plan. Worker round trips included.
 */
export async function whatIfLatencies(page: Page, samples: number): Promise<{ prepareMs: number; durations: number[] }> {
  return page.evaluate(async (count) => {
    const engine = (window as unknown as { partyEngine?: EngineProbe }).partyEngine;
    if (!engine) throw new Error("window.partyEngine is missing (is ?debug=1 in the URL?)");
    const places = (await engine.gaps({}, count)).items.map((gap) => gap.location);
    const preparing = performance.now();
    await engine.prepareWhatIf();
    const prepareMs = performance.now() - preparing;
    const durations: number[] = [];
    for (const [longitude, latitude] of places) {
      const scenario = { edits: [{ type: "add", id: "planned-1", name: "规划站点 1", longitude, latitude }], thresholds: { serviceDistanceMetres: 1000 } };
      const started = performance.now();
      await Promise.all([engine.whatIf(scenario), engine.gaps({}, 50, scenario)]);
      durations.push(performance.now() - started);
    }
    return { prepareMs, durations };
  }, samples);
}

/** Waits until every KPI card of the wall shows a figure (not "…"). Returns ms since navigation start, or null on timeout. */
export async function waitForWallKpis(page: Page, timeoutMs: number): Promise<number | null> {
  try {
    await page.waitForFunction(
      () => {
        const values = [...document.querySelectorAll(".wall-kpi-value")];
        return values.length > 0 && values.every((value) => value.textContent !== null && value.textContent.trim() !== "…");
      },
      undefined,
      { timeout: timeoutMs, polling: 50 },
    );
  } catch {
    return null;
  }
  return page.evaluate(() => performance.now());
}
