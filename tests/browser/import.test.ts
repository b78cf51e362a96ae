// Import in the app, as an office would do it: drop a zipped Shapefile of communities (GBK, codes
// as numbers) and a GeoJSON of compounds in GCJ-02 onto the GeoJSON Kunming demo. The report
// appears, the compounds are drawn where they really are (pixels: a compound without a party
// branch turns to the covered colour in place, not 500 m off), the KPIs change as the engine
// computes, and the session survives a reload until it is discarded.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { palette } from "../../src/layers/palette.ts";
import { cityUrl, mapCentre, over, Screenshot, waitForMapReady } from "./browser.ts";
import { centre, largest, readLayer } from "./demo-data.ts";
import { useBrowser } from "./use-browser.ts";

const baseUrl = inject("baseUrl");
const browser = useBrowser();
const GEOJSON_DATASET = "data/kunming/manifest.json";
/** The street of the import corpus (scripts/make-import-corpus.ts). */
const CORPUS_STREET = "530102001";

/** Drops fixture files (served under fixtures/import/) onto the page, as a drag from the desktop would. */
async function dropFiles(page: Page, paths: string[]): Promise<void> {
  await page.evaluate(async (names) => {
    const transfer = new DataTransfer();
    for (const name of names) {
      const response = await fetch(`fixtures/import/${name}`);
      transfer.items.add(new File([await response.blob()], name.split("/").pop() ?? name));
    }
    document.body.dispatchEvent(new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    document.body.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, paths);
}

const kpi = (page: Page, field: string) => page.locator(`[data-kpi="${field}"] dd`).textContent();
const settledKpis = (page: Page) =>
  page.waitForFunction(
    () => {
      const panel = document.querySelector('[data-testid="kpi-panel"]');
      return panel !== null && !panel.textContent?.includes("…");
    },
    undefined,
    { timeout: 90_000 },
  );

describe("import in the app", () => {
  it("checks dropped files, draws them in the right place, recomputes the KPIs and keeps them across a reload", async () => {
    // A compound of the corpus street with no party branch: the GCJ-02 file gives it one.
    interface Compound {
      id: string;
      communityCode: string;
      partyBranch: boolean | null;
    }
    const compound = largest(
      readLayer<Compound>("compounds").features,
      (properties) => properties.communityCode.startsWith(CORPUS_STREET) && properties.partyBranch === false,
    );
    const [longitude, latitude] = centre(compound);
    const camera = `#map=17/${latitude}/${longitude}&layers=compounds`;
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(new URL(`./?data=${GEOJSON_DATASET}${camera}`, baseUrl).href);
    await waitForMapReady(page);
    await settledKpis(page);
    const before = { coverage: await kpi(page, "partyBranchCoverage"), households: await page.getByTestId("kpi-panel").textContent() };
    const { x, y } = mapCentre(page);
    expect((await Screenshot.of(page)).shareNear(x, y, 3, over(palette.compoundGap), 30)).toBeGreaterThan(0.6);

    await dropFiles(page, ["communities-gbk.zip", "compounds-gcj02.geojson"]);
    await page.getByTestId("import-panel").waitFor();
    await expect
      .poll(() => page.getByTestId("import-layer").evaluateAll((selects) => selects.map((select) => (select as HTMLSelectElement).value)))
      .toEqual(["communities", "compounds"]);
    await page.getByTestId("import-run").click();
    await page.getByTestId("import-report-compounds").waitFor({ timeout: 60_000 });
    const communities = await page.getByTestId("import-report-communities").textContent();
    const compounds = await page.getByTestId("import-report-compounds").textContent();
    expect(communities).toMatch(/可载入 10 个,未载入 0 个/);
    expect(communities).toMatch(/GBK/);
    expect(compounds).toMatch(/可载入 111 个,未载入 0 个/);
    expect(compounds).toMatch(/坐标系:GCJ-02/);
    expect(compounds).toMatch(/GCJ-02/);

    await page.getByTestId("import-apply").click();
    await page.waitForURL(/data=import%3A|data=import:/, { timeout: 30_000 });
    await waitForMapReady(page);
    await page.getByTestId("import-session").waitFor();
    // Reload with the camera on the compound: the session comes back from IndexedDB.
    await page.goto(`${page.url().split("#")[0]}${camera}`);
    await page.reload();
    await waitForMapReady(page);
    await settledKpis(page);
    expect(await page.getByTestId("kpi-panel").textContent()).not.toBe(before.households);
    expect(await kpi(page, "partyBranchCoverage")).not.toBe(before.coverage);
    await expect.poll(async () => (await Screenshot.of(page)).shareNear(x, y, 3, over(palette.compoundCovered), 30), { timeout: 20_000 }).toBeGreaterThan(0.6);
    expect(await page.getByTestId("source-note").textContent()).toContain("导入数据");

    // Discarding goes back to the dataset as it was.
    await page.getByTestId("import-discard").click();
    await page.waitForURL(new RegExp(`data=${GEOJSON_DATASET.replaceAll("/", "(/|%2F)")}`), { timeout: 30_000 });
    await waitForMapReady(page);
    await settledKpis(page);
    expect(await kpi(page, "partyBranchCoverage")).toBe(before.coverage);
    await page.close();
  });

  it("names each unreadable file for what it is and still loads the valid features beside them", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(new URL(`./?data=${GEOJSON_DATASET}`, baseUrl).href);
    await waitForMapReady(page);
    const files = [
      "bad/page.json",
      "bad/picture.geojson",
      "bad/empty.geojson",
      "bad/no-shapefile.zip",
      "bad/not-json.geojson",
      "bad/truncated.geojson",
      "bad/problems.geojson",
    ];
    await dropFiles(page, files);
    const layers = page.getByTestId("import-layer");
    await expect.poll(() => layers.count()).toBe(files.length);
    for (let index = 0; index < files.length; index++) await layers.nth(index).selectOption("compounds");
    await page.getByTestId("import-run").click();
    const report = page.getByTestId("import-report-compounds");
    await report.waitFor({ timeout: 60_000 });
    const text = await report.textContent();
    for (const words of ["page.json", "这是一个网页(HTML)", "这是一张图片(PNG)", "文件是空的", "压缩包里没有 Shapefile", "不是有效的 JSON", "文件不完整"])
      expect(text).toContain(words);
    // The valid features of problems.geojson and those before the cut in truncated.geojson load.
    expect(text).toMatch(/可载入 [1-9]\d* 个/);
    // A name that looks like a formula is shown as text.
    expect(text).toContain('=HYPERLINK("http://example.com")');
    expect(await report.locator("a").count()).toBe(0);
    await page.close();
  });

  it("parses a large file in a worker with a progress bar, stays responsive, and cancels", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(new URL(`./?data=${GEOJSON_DATASET}`, baseUrl).href);
    await waitForMapReady(page);
    // About 30 MB: the demo's compounds three times over, under new ids.
    const bytes = await page.evaluate(async () => {
      const source = (await (await fetch("data/kunming/compounds.geojson")).json()) as { features: { properties: Record<string, unknown> }[] };
      const features = [0, 1, 2].flatMap((copy) =>
        source.features.map((feature) => ({ ...feature, properties: { ...feature.properties, id: `${String(feature.properties.id)}-${copy}` } })),
      );
      const file = new File([JSON.stringify({ type: "FeatureCollection", features })], "小区-大文件.geojson");
      const transfer = new DataTransfer();
      transfer.items.add(file);
      document.body.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
      return file.size;
    });
    expect(bytes).toBeGreaterThan(25_000_000);
    await page.getByTestId("import-run").click();
    const progress = page.getByTestId("import-progress");
    await progress.waitFor({ timeout: 10_000 });
    await expect
      .poll(() => page.locator('[data-testid="import-progress"] progress').evaluate((element) => (element as HTMLProgressElement).value), { timeout: 30_000 })
      .toBeGreaterThan(0);
    // The page answers while the worker parses.
    const started = Date.now();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(Date.now() - started).toBeLessThan(1000);
    await page.getByTestId("import-cancel").click();
    await progress.waitFor({ state: "detached", timeout: 10_000 });
    expect(await page.getByTestId("import-report-compounds").count()).toBe(0);
    expect(await page.getByTestId("import-run").isEnabled()).toBe(true);
    await page.close();
  });

  it("checks an import against a tiled dataset's own units (from its engine), and says how to draw it", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(cityUrl("./", baseUrl));
    await waitForMapReady(page);
    await settledKpis(page);
    await dropFiles(page, ["compounds-gcj02.geojson"]);
    await page.getByTestId("import-panel").waitFor();
    expect(await page.getByTestId("import-panel").textContent()).toContain("npm run tiles");
    await page.getByTestId("import-run").click();
    const report = page.getByTestId("import-report-compounds");
    await report.waitFor({ timeout: 60_000 });
    // GCJ-02 can only be told from WGS84 by checking features against their communities.
    expect(await report.textContent()).toMatch(/按 GCJ-02 转换后,抽样要素有 100% 落在其上级单位内/);
    expect(await page.getByTestId("import-apply").isDisabled()).toBe(true);
    await page.close();
  });
});
