// Serving the built app and driving its snapshot composer from headless Chromium: shared by
// `npm run snapshot` and `npm run bench:snapshot`.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { build, preview, type PreviewServer } from "vite";
import { waitForMapReady } from "../../tests/browser/browser.ts";

export interface ServedApp {
  url: string;
  close(): Promise<void>;
}

/** Builds the app into a temporary folder (or reuses dist/) and serves it on 127.0.0.1. */
export async function serveApp(options: { build: boolean }): Promise<ServedApp> {
  let outDir = resolve("dist");
  let temporary: string | undefined;
  if (options.build) {
    temporary = await mkdtemp(join(tmpdir(), "party-map-snapshot-"));
    outDir = temporary;
    await build({ logLevel: "warn", configFile: "vite.config.ts", build: { outDir, emptyOutDir: true } });
  } else if (!existsSync(join(outDir, "index.html"))) {
    throw new Error(`--no-build needs a built app in ${outDir} (run npm run build first)`);
  }
  const server: PreviewServer = await preview({
    configFile: "vite.config.ts",
    logLevel: "warn",
    build: { outDir },
    preview: { host: "127.0.0.1", port: 0, strictPort: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === "string") throw new Error("the preview server has no TCP address");
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: async () => {
      await new Promise<void>((done) => server.httpServer.close(() => done()));
      if (temporary) await rm(temporary, { recursive: true, force: true });
    },
  };
}

const COMPOSER = '[data-testid="snapshot-composer"]';

/** Opens a view with its snapshot request and waits until the composer can export it. */
export async function openComposer(page: Page, url: string, timeoutMs: number): Promise<void> {
  await page.goto(url);
  await waitForMapReady(page, timeoutMs);
  // The composer opens as soon as the map is ready; a build without it would wait for ever.
  await page.waitForSelector(COMPOSER, { timeout: 60_000 }).catch(() => {
    throw new Error("the app did not open its snapshot composer: is the served build older than the snapshot feature? (build again, or drop --no-build)");
  });
  await page.waitForSelector('[data-testid="snapshot-preview"][data-state="ready"]', { timeout: timeoutMs });
  // The KPI box shows the engine's figures, which arrive from its worker after the map.
  await page.waitForSelector(`${COMPOSER}[data-kpi-ready="true"]`, { timeout: Math.min(timeoutMs, 120_000) }).catch(() => {
    console.warn("the area's figures did not arrive; the KPI box shows —");
  });
}

export interface ExportTiming {
  /** From the click to the saved file, in milliseconds, measured here. */
  wallMs: number;
  /** The composer's own figures (data-* attributes): total, map drawing, encoding, tiles, pages. */
  reported: Record<string, string>;
}

/** Clicks an export button and saves the download to `out`. */
export async function exportTo(page: Page, button: "snapshot-export" | "snapshot-atlas-export", out: string, timeoutMs: number): Promise<ExportTiming> {
  const started = performance.now();
  const download = page.waitForEvent("download", { timeout: timeoutMs });
  await page.getByTestId(button).click();
  // A failure shown before this click is not this export's.
  await page.waitForSelector(`${COMPOSER}:not([data-status="failed"])`, { timeout: timeoutMs });
  const failed = page.waitForSelector(`${COMPOSER}[data-status="failed"]`, { timeout: timeoutMs }).then(async () => {
    throw new Error(`the export failed: ${await page.getByTestId("snapshot-status").textContent()}`);
  });
  const file = await Promise.race([download, failed]);
  await file.saveAs(out);
  const wallMs = performance.now() - started;
  const reported = await page.locator(COMPOSER).evaluate((element) => ({ ...(element as HTMLElement).dataset }) as Record<string, string>);
  return { wallMs, reported };
}

export async function newSnapshotPage(browser: Browser, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
  return page;
}
