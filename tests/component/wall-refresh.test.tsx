// The wall refreshing its figures against MSW serving changing data and failures: new values
// arrive and the 数据截至 date follows; a failed refresh keeps the last values with a visible
// stale notice and is retried; recovery clears the notice. The engine runs in-process (the
// worker's own code) and fetches through MSW like the page does.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { formatIndicatorValue } from "../../src/domain/indicator-format.ts";
import { DEFAULT_WALL_OPTIONS } from "../../src/views/wall/wall-options.ts";
import { WallScreen } from "../../src/views/wall/WallScreen.tsx";
import { createEngine } from "../../src/workers/engine-api.ts";
import { cityReport, districtLayers, MANIFEST_URL, serveVersions, WATER_URL, withPartyBranches } from "./wall-harness.tsx";

vi.mock("../../src/views/map/MapView.tsx", () => import("./wall-harness.tsx").then((harness) => ({ MapView: harness.MapStandIn })));

const original = districtLayers();
const changed = withPartyBranches(original, 60);
const coverage = (layers: typeof original) => formatIndicatorValue(cityReport(layers).partyBranchCoverage, "share");
const figure = (field: string) => document.querySelector(`[data-kpi="${field}"] .wall-kpi-value`)?.textContent;
const asOf = () => screen.getByTestId("as-of").textContent;
const WAIT = { timeout: 20_000 };

function renderWall() {
  const client = new QueryClient();
  const options = { ...DEFAULT_WALL_OPTIONS, refreshSeconds: 1, dwellSeconds: 600 };
  const view = render(
    <QueryClientProvider client={client}>
      <WallScreen manifestUrl={MANIFEST_URL} waterUrl={WATER_URL} language="zh" options={options} debug={false} engine={createEngine()} />
    </QueryClientProvider>,
  );
  return { ...view, client };
}

describe("the wall's refresh", () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());

  it("shows new figures and the new 数据截至 date after the data changes", async () => {
    expect(coverage(changed)).not.toBe(coverage(original));
    const served = serveVersions({ asOf: "2026-10-31", layers: original });
    const { client, unmount } = renderWall();
    cleanup = () => {
      unmount();
      client.clear();
    };
    await waitFor(() => expect(figure("partyBranchCoverage")).toBe(coverage(original)), WAIT);
    expect(asOf()).toContain("2026-10-31");
    expect(screen.queryByTestId("wall-stale")).toBeNull();
    expect(screen.getByTestId("map").getAttribute("data-party-branches")).toBe(String(cityReport(original).compoundsWithPartyBranch));

    served.set({ asOf: "2026-11-30", layers: changed });
    await waitFor(() => expect(figure("partyBranchCoverage")).toBe(coverage(changed)), WAIT);
    expect(asOf()).toContain("2026-11-30");
    // The other figures are the engine's for the new data too, and the map reloads its files.
    expect(figure("redPropertyRate")).toBe(formatIndicatorValue(cityReport(changed).redPropertyRate, "share"));
    await waitFor(() => expect(screen.getByTestId("map").getAttribute("data-party-branches")).toBe(String(cityReport(changed).compoundsWithPartyBranch)), WAIT);
  });

  it.each(["manifest", "compounds"] as const)("keeps the last figures with a stale notice while the %s fails, and clears it on recovery", async (failing) => {
    const served = serveVersions({ asOf: "2026-10-31", layers: original });
    const { client, unmount } = renderWall();
    cleanup = () => {
      unmount();
      client.clear();
    };
    await waitFor(() => expect(figure("partyBranchCoverage")).toBe(coverage(original)), WAIT);

    served.set({ asOf: "2026-11-30", layers: changed, failing });
    const notice = await screen.findByTestId("wall-stale", {}, WAIT);
    expect(notice.textContent).toMatch(/^数据更新失败,显示的是 \d\d:\d\d 的数据\(已过 \d+ 分钟\),正在重试$/);
    // Retried with back-off while the last good figures and date stay on screen.
    await waitFor(() => expect(served.failedRequests()).toBeGreaterThanOrEqual(3), WAIT);
    expect(figure("partyBranchCoverage")).toBe(coverage(original));
    expect(asOf()).toContain("2026-10-31");

    served.set({ asOf: "2026-11-30", layers: changed });
    await waitFor(() => expect(screen.queryByTestId("wall-stale")).toBeNull(), WAIT);
    await waitFor(() => expect(figure("partyBranchCoverage")).toBe(coverage(changed)), WAIT);
    expect(asOf()).toContain("2026-11-30");
  });
});
