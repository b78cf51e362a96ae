// Regenerates the README screenshots from the built app: `npm run screenshots`.
import { build, preview } from "vite";
import { launchBrowser, waitForMapReady } from "../tests/browser/browser.ts";

const SHOTS = [
  { file: "docs/screenshots/explorer-province.png", path: "./?data=data/yunnan/manifest.json", width: 1440, height: 900 },
  { file: "docs/screenshots/explorer-city.png", path: "./", width: 1440, height: 900 },
  { file: "docs/screenshots/explorer-core.png", path: "./#map=14.5/25.0405/102.7045", width: 1440, height: 900 },
  { file: "docs/screenshots/explorer-en.png", path: "./?lang=en#map=11.5/24.92/102.77", width: 1440, height: 900 },
  { file: "docs/screenshots/explorer-card.png", path: "./#map=14.5/25.0405/102.7045&sel=streets:530102001", width: 1440, height: 900 },
  { file: "docs/screenshots/explorer-choropleth.png", path: "./#map=11.2/25.02/102.74&layers=streets,stations,gaps&ac=communities:stationAccessRate&sel=districts:530102", width: 1440, height: 900 },
  { file: "docs/screenshots/explorer-access.png", path: "./#map=13.5/25.06/102.75&layers=streets,communities,compounds,stations,serviceAreas&cb=stationAccess&shp=102.72,25.04;102.77,25.04;102.77,25.08;102.72,25.08", width: 1440, height: 900 },
  { file: "docs/screenshots/explorer-laptop.png", path: "./#map=12.5/25.03/102.72&ac=streets:partyBranchCoverage&af=below:0.6&layers=streets,stations", width: 1366, height: 768 },
];

await build({ logLevel: "warn" });
const server = await preview({ preview: { host: "127.0.0.1", port: 0 } });
const address = server.httpServer.address();
if (!address || typeof address === "string") throw new Error("no preview address");
const browser = await launchBrowser();
try {
  for (const shot of SHOTS) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height } });
    await page.goto(new URL(shot.path, `http://127.0.0.1:${address.port}/`).href);
    await waitForMapReady(page);
    // The engine's figures arrive from the worker after the first frame.
    await page.waitForFunction(() => !document.querySelector('[data-testid="kpi-panel"]')?.textContent?.includes("…"), undefined, { timeout: 60_000 });
    await page.screenshot({ path: shot.file });
    console.log(`wrote ${shot.file}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.httpServer.close();
}
