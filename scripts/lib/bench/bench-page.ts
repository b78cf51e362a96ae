// One measured visit: a fresh browser, one page, navigation to data-ready, then heap, camera
// moves and picks, in that order. The browser is closed whatever happens, so a page stuck in a
// long GPU task cannot outlive its visit or slow the next one.
import type { BrowserContext, CDPSession, Page } from "playwright-core";
import { isLocal, launchBrowser } from "../../../tests/browser/browser.ts";
import { NetworkRecorder } from "./network-recorder.ts";
import {
  PAGE_INIT_SCRIPT,
  currentCamera,
  hasPickAt,
  heapAfterGc,
  jumpAndSettle,
  panFrameIntervals,
  pickGrid,
  pickLatencies,
  waitForGapList,
  waitForReady,
  waitForWallKpis,
  whatIfLatencies,
  type CameraPlan,
  type PickSamples,
  type ReadyTime,
} from "./page-probes.ts";

export interface VisitOptions {
  url: string;
  viewport: { width: number; height: number };
  readyTimeoutMs: number;
  plan: CameraPlan;
  /** How long to wait for the app's engine worker before moving the camera; null for the baseline, which has none. */
  engineTimeoutMs: number | null;
  /** Time budget for pickAt calls; null to skip picking. */
  pickBudgetMs: number | null;
  /** What-if updates to time in the engine worker once it is ready; 0 to skip. */
  whatIfSamples?: number;
}

export interface Visit {
  /** ms from navigation start to data-ready; null if it timed out. */
  readyMs: number | null;
  /** Encoded bytes of responses finished by data-ready. */
  bytesToReady: number | null;
  /** Navigation start to data-ready in wall-clock ms, to line up with the server's own tally. */
  readyWindow: { fromMs: number; toMs: number } | null;
  /** Main-thread JS heap after a GC, right after data-ready. */
  heapBytes: number | null;
  frameIntervals: number[] | null;
  /** null when not measured; "absent" when the page has no pickAt. */
  picks: PickSamples | "absent" | null;
  /** ms since navigation start at which the gap list showed the engine's ranking; null if it did not in time. */
  engineSettledMs: number | null;
  /** ms per what-if update (indicators and gap list under a one-station plan); null when not measured. */
  whatIfMs: number[] | null;
  /** ms the engine took to ready itself for edits when what-if mode was turned on. */
  whatIfPrepareMs: number | null;
  mapSize: { width: number; height: number } | null;
  outsideRequests: string[];
  /** Page errors, console errors and steps that timed out, for the log. */
  problems: string[];
}

/** Rejects after `ms`: page.evaluate has no timeout of its own. */
async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const message = (error: unknown) => (error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error));

async function measure(page: Page, options: VisitOptions, visit: Visit, network: NetworkRecorder, session: CDPSession): Promise<void> {
  await page.goto(options.url, { waitUntil: "commit" });
  let ready: ReadyTime;
  try {
    ready = await waitForReady(page, options.readyTimeoutMs);
  } catch {
    visit.problems.push(`no data-ready within ${Math.round(options.readyTimeoutMs / 1000)} s`);
    return;
  }
  visit.readyMs = ready.sinceNavigation;
  visit.bytesToReady = network.bytesFinishedBy(ready.wallMs);
  visit.readyWindow = { fromMs: ready.navigationWallMs, toMs: ready.wallMs };
  visit.mapSize = await page.locator('[data-testid="map"]').boundingBox();
  const startCamera = await currentCamera(page);
  visit.heapBytes = await heapAfterGc(session);
  if (options.engineTimeoutMs !== null) {
    visit.engineSettledMs = await waitForGapList(page, options.engineTimeoutMs);
    if (visit.engineSettledMs === null)
      visit.problems.push(`no gap list after ${Math.round(options.engineTimeoutMs / 1000)} s; frames below include the engine's load`);
    else if (options.whatIfSamples) {
      try {
        const whatIf = await withTimeout(whatIfLatencies(page, options.whatIfSamples), 120_000, "what-if updates");
        visit.whatIfMs = whatIf.durations;
        visit.whatIfPrepareMs = whatIf.prepareMs;
      } catch (error) {
        visit.problems.push(message(error));
      }
    }
  }
  try {
    const planMs = options.plan.pans.length * options.plan.panMs + options.plan.flights.reduce((sum, flight) => sum + flight.durationMs, 0);
    visit.frameIntervals = await withTimeout(panFrameIntervals(page, options.plan), planMs + 60_000, "panning");
  } catch (error) {
    visit.problems.push(message(error));
    return;
  }
  if (options.pickBudgetMs === null) return;
  if (!(await hasPickAt(page))) {
    visit.picks = "absent";
    return;
  }
  try {
    // Picks are taken over the first view (the whole dataset), the one every visit starts from.
    await withTimeout(jumpAndSettle(page, startCamera), 45_000, "returning to the start view");
    const size = visit.mapSize ?? { width: options.viewport.width, height: options.viewport.height };
    visit.picks = await withTimeout(pickLatencies(page, pickGrid(size.width, size.height), options.pickBudgetMs), options.pickBudgetMs + 60_000, "picking");
  } catch (error) {
    visit.problems.push(message(error));
  }
}

export async function visitPage(options: VisitOptions): Promise<Visit> {
  const visit: Visit = {
    readyMs: null,
    bytesToReady: null,
    readyWindow: null,
    heapBytes: null,
    frameIntervals: null,
    picks: null,
    engineSettledMs: null,
    whatIfMs: null,
    whatIfPrepareMs: null,
    mapSize: null,
    outsideRequests: [],
    problems: [],
  };
  visit.outsideRequests = await inFreshBrowser(options.viewport, visit.problems, async (page, context) => {
    page.on("console", (entry) => {
      if (entry.type() === "error") visit.problems.push(`console error: ${entry.text().slice(0, 200)}`);
    });
    const session = await context.newCDPSession(page);
    const network = await NetworkRecorder.attach(session);
    try {
      await measure(page, options, visit, network, session);
    } catch (error) {
      // A step that fails (no window.partyMap, a crashed page) leaves its figures null; the
      // run goes on, and the request check below still runs.
      visit.problems.push(`measurement stopped: ${message(error)}`);
    }
    // CDP sees requests of workers that Playwright's events miss.
    return network.requestedUrls;
  });
  return visit;
}

/**
 * A fresh Chromium spends its first second or two on its own start-up: its WebUI renderers (the
 * omnibox popup, even headless) took about 4 s of CPU over the first 1.5 s on this 2-core machine,
 * traced. Navigating at once put that work inside every visit's load, app and baseline alike,
 * which is no part of either page's cost: a user's browser is already running when they open the
 * app. So each visit waits this long on a blank page before navigating.
 */
const BROWSER_SETTLE_MS = 3000;

/**
 * Runs `work` on a page of a browser of its own, closed whatever happens (a page stuck in a long GPU
 * task must not outlive its visit or slow the next one). Page errors go to `problems`; returns the
 * URLs requested outside 127.0.0.1, by the page or (as `work` reports them) its workers.
 */
async function inFreshBrowser(
  viewport: { width: number; height: number },
  problems: string[],
  work: (page: Page, context: BrowserContext) => Promise<readonly string[]>,
): Promise<string[]> {
  const browser = await launchBrowser();
  const seenUrls: string[] = [];
  try {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    context.on("request", (request) => seenUrls.push(request.url()));
    page.on("pageerror", (error) => problems.push(`page error: ${message(error)}`));
    await page.addInitScript(PAGE_INIT_SCRIPT);
    await page.waitForTimeout(BROWSER_SETTLE_MS);
    seenUrls.push(...(await work(page, context)));
  } finally {
    await browser.close();
  }
  return [...new Set(seenUrls)].filter((url) => !isLocal(url));
}

export interface WallVisit {
  /** ms from navigation start to the wall's map being data-ready; null if it timed out. */
  readyMs: number | null;
  /** ms from navigation start until every KPI card shows a figure; null if they did not in time. */
  kpisMs: number | null;
  outsideRequests: string[];
  problems: string[];
}

/** One visit of the wall (?mode=wall): when its map is ready, and when its KPI cards show figures. */
export async function visitWall(options: { url: string; viewport: { width: number; height: number }; timeoutMs: number }): Promise<WallVisit> {
  const visit: WallVisit = { readyMs: null, kpisMs: null, outsideRequests: [], problems: [] };
  visit.outsideRequests = await inFreshBrowser(options.viewport, visit.problems, async (page) => {
    try {
      await page.goto(options.url, { waitUntil: "commit" });
      visit.readyMs = (await waitForReady(page, options.timeoutMs)).sinceNavigation;
      visit.kpisMs = await waitForWallKpis(page, options.timeoutMs);
      if (visit.kpisMs === null) visit.problems.push(`KPI cards still empty after ${Math.round(options.timeoutMs / 1000)} s`);
    } catch (error) {
      visit.problems.push(`measurement stopped: ${message(error)}`);
    }
    return [];
  });
  return visit;
}
