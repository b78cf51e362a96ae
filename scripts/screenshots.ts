// Regenerates the README screenshots from the built app: `npm run screenshots [-- <part of a file name>…]`.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { build, preview } from "vite";
import { launchBrowser, waitForMapReady } from "../tests/browser/browser.ts";

/** Drops files of the import corpus onto the page and checks them, for the import panel's shot. */
async function importCorpus(page: Page, dropped: ReadonlyArray<readonly [string, string]>): Promise<void> {
  const files = dropped.map(([name]) => ({ name: name.split("/").pop() ?? name, data: readFileSync(`tests/fixtures/import/${name}`).toString("base64") }));
  await page.evaluate((encoded) => {
    const transfer = new DataTransfer();
    for (const file of encoded) transfer.items.add(new File([Uint8Array.from(atob(file.data), (character) => character.charCodeAt(0))], file.name));
    document.body.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
  for (const [index, [, layer]] of dropped.entries()) await page.getByTestId("import-layer").nth(index).selectOption(layer);
  await page.getByTestId("import-run").click();
  await page.getByTestId(`import-report-compounds`).waitFor({ timeout: 60_000 });
}

const SHOTS = [
  { file: "docs/screenshots/explorer-province.png", path: "./", width: 1440, height: 900 },
  { file: "docs/screenshots/explorer-city.png", path: "./?data=data/kunming/tiled/manifest.json", width: 1440, height: 900 },
  { file: "docs/screenshots/explorer-core.png", path: "./#map=14.5/25.0405/102.7045", width: 1440, height: 900 },
  { file: "docs/screenshots/explorer-en.png", path: "./?lang=en#map=11.5/24.92/102.77", width: 1440, height: 900 },
  { file: "docs/screenshots/explorer-card.png", path: "./#map=14.5/25.0405/102.7045&sel=streets:530102001", width: 1440, height: 900 },
  {
    file: "docs/screenshots/explorer-choropleth.png",
    path: "./#map=11.2/25.02/102.74&layers=streets,stations,gaps&ac=communities:stationAccessRate&sel=districts:530102",
    width: 1440,
    height: 900,
  },
  {
    file: "docs/screenshots/explorer-access.png",
    path: "./#map=13.5/25.06/102.75&layers=streets,communities,compounds,stations,serviceAreas&cb=stationAccess&shp=102.72,25.04;102.77,25.04;102.77,25.08;102.72,25.08",
    width: 1440,
    height: 900,
  },
  {
    file: "docs/screenshots/explorer-laptop.png",
    path: "./#map=12.5/25.03/102.72&ac=streets:partyBranchCoverage&af=below:0.6&layers=streets,stations",
    width: 1366,
    height: 768,
  },
  { file: "docs/screenshots/wall-1920.png", path: "./?mode=wall&dwell=600", width: 1920, height: 1080 },
  {
    file: "docs/screenshots/programmes.png",
    path: "./?data=data/kunming/tiled/manifest.json#map=9.4/25.2/102.85&asof=2021-06-30&cmp=2021-03-31:streets:stationCoverage&arcs=1&sel=districts:530102",
    width: 1440,
    height: 900,
    after: async (page: Page) => {
      await page.locator('[data-target="party-branch-2026"] button').first().click();
      await page.getByTestId("progress-curve").waitFor({ timeout: 60_000 });
      await page.getByTestId("programmes-panel").scrollIntoViewIfNeeded();
    },
  },
  { file: "docs/screenshots/sandtable.png", path: "./?data=data/kunming/tiled/manifest.json#3d=1&map=9.8/25.02/102.78/-25", width: 1440, height: 900 },
  {
    file: "docs/screenshots/import.png",
    path: "./?data=data/kunming/manifest.json#map=14.5/25.0405/102.7045",
    width: 1440,
    height: 900,
    after: (page: Page) =>
      importCorpus(page, [
        ["communities-gbk.zip", "communities"],
        ["bad/problems.geojson", "compounds"],
      ]),
  },
];
const wanted = process.argv.slice(2);
const chosen = SHOTS.filter((shot) => wanted.length === 0 || wanted.some((part) => shot.file.includes(part)));

await build({ logLevel: "warn" });
const server = await preview({ preview: { host: "127.0.0.1", port: 0 } });
const address = server.httpServer.address();
if (!address || typeof address === "string") throw new Error("no preview address");
const browser = await launchBrowser();
try {
  for (const shot of chosen) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height } });
    await page.goto(new URL(shot.path, `http://127.0.0.1:${address.port}/`).href);
    await waitForMapReady(page);
    // The engine's figures and gap list arrive from the worker after the first frame (on the wall:
    // its KPI cards, ranking and the first stop of the tour); the progress line has gone.
    await page.waitForFunction(
      () => {
        const explorer =
          document.querySelector('[data-testid="gap-panel"] .gap-name') !== null &&
          !document.querySelector('[data-testid="gap-panel"] .gap-status') &&
          !document.querySelector(".chart-status");
        // Wall cards count up to their figure: wait until each shows its target.
        const cards = [...document.querySelectorAll(".wall-kpi-value")];
        const wall =
          cards.length > 0 &&
          cards.every((card) => card.textContent === card.getAttribute("data-target")) &&
          document.querySelectorAll('[data-testid="wall-ranking"] li').length > 0;
        return (explorer || wall) && !document.querySelector('[data-testid="load-status"]');
      },
      undefined,
      { timeout: 90_000 },
    );
    if ("after" in shot && shot.after) await shot.after(page);
    await page.evaluate(() => window.partyMap?.whenIdle());
    await page.screenshot({ path: shot.file });
    console.log(`wrote ${shot.file}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.httpServer.close();
}
