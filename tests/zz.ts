import type { Page } from "playwright-core";
import { launchBrowser, waitForMapReady } from "./browser/browser.ts";
import { centre, largest, readLayer } from "./browser/demo-data.ts";
async function dropFiles(page: Page, paths: string[]): Promise<void> {
  await page.evaluate(async (names) => {
    const transfer = new DataTransfer();
    for (const name of names) transfer.items.add(new File([await (await fetch(`fixtures/import/${name}`)).blob()], name.split("/").pop() ?? name));
    document.body.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, paths);
}
interface Compound { id: string; communityCode: string; partyBranch: boolean | null }
const compound = largest(readLayer<Compound>("compounds").features, (p) => p.communityCode.startsWith("530102001") && p.partyBranch === false);
const [lon, lat] = centre(compound);
console.log(compound.properties.id, lon, lat);
const camera = `#map=17/${lat}/${lon}&layers=compounds`;
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
page.on("console", (m) => console.log("console:", m.text()));
page.on("pageerror", (e) => console.log("pageerror:", e.message));
await page.goto(`http://127.0.0.1:4180/?data=data/kunming/manifest.json&debug=1${camera}`);
await waitForMapReady(page);
await page.screenshot({ path: "/tmp/imp/before.png" });
await dropFiles(page, ["communities-gbk.zip", "compounds-gcj02.geojson"]);
await page.getByTestId("import-run").click();
await page.getByTestId("import-report-compounds").waitFor({ timeout: 60_000 });
await page.getByTestId("import-apply").click();
await page.waitForURL(/import/);
await page.goto(`${page.url().split("#")[0]}${camera}`);
await waitForMapReady(page);
await page.waitForTimeout(3000);
await page.screenshot({ path: "/tmp/imp/after.png" });
console.log(await page.evaluate(() => { const m = window.partyMap; const size = document.querySelector('[data-testid="map"]')?.getBoundingClientRect(); return m ? JSON.stringify(m.pickAt((size?.width ?? 0) / 2, (size?.height ?? 0) / 2)) : "no map"; }));
console.log(page.url());
await browser.close();
