// The wall's tour and panels in jsdom: it steps through the streets (or one street's
// communities) with the card and the map's selection following, pauses while someone touches
// the screen, ranks areas by gaps as the engine counts them, and masks grid workers' names
// unless told not to.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { analyze } from "../../src/domain/analysis.ts";
import type { EngineLayers } from "../../src/domain/model.ts";
import { DEFAULT_WALL_OPTIONS, type WallOptions } from "../../src/views/wall/wall-options.ts";
import { WallScreen } from "../../src/views/wall/WallScreen.tsx";
import { createEngine } from "../../src/workers/engine-api.ts";
import { districtLayers, MANIFEST_URL, mapClicks, serveVersions, WATER_URL } from "./wall-harness.tsx";

vi.mock("../../src/views/map/MapView.tsx", () => import("./wall-harness.tsx").then((harness) => ({ MapView: harness.MapStandIn })));

const layers = districtLayers();
const WAIT = { timeout: 20_000 };
const selection = () => screen.getByTestId("map").getAttribute("data-selection");
const card = () => screen.getByTestId("wall-card");

function renderWall(patch: Partial<WallOptions>) {
  serveVersions({ asOf: "2026-10-31", layers });
  const client = new QueryClient();
  const view = render(
    <QueryClientProvider client={client}>
      <WallScreen
        manifestUrl={MANIFEST_URL}
        waterUrl={WATER_URL}
        language="zh"
        options={{ ...DEFAULT_WALL_OPTIONS, refreshSeconds: 600, ...patch }}
        debug={false}
        engine={createEngine()}
      />
    </QueryClientProvider>,
  );
  return () => {
    view.unmount();
    client.clear();
  };
}

describe("the wall's tour", () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    cleanup?.();
    mapClicks.next = null;
  });

  it("steps through the streets in code order, selecting each and showing its card", async () => {
    cleanup = renderWall({ dwellSeconds: 1 });
    await waitFor(() => expect(selection()).toBe("streets:530102001"), WAIT);
    expect(card().querySelector("h2")?.textContent).toBe("华山街道");
    expect(card().textContent).toContain("导览 1 / 11");
    expect(screen.getByTestId("map").getAttribute("data-fly")).not.toBe("");
    await waitFor(() => expect(selection()).toBe("streets:530102002"), WAIT);
    expect(card().querySelector("h2")?.textContent).toBe("护国街道");
    expect(card().textContent).toContain("导览 2 / 11");
  });

  it("pauses while someone touches the screen and resumes at the next stop after the quiet period", async () => {
    cleanup = renderWall({ dwellSeconds: 1, quietSeconds: 2 });
    await waitFor(() => expect(selection()).toBe("streets:530102001"), WAIT);
    fireEvent.pointerDown(window);
    await screen.findByTestId("wall-paused", {}, WAIT);
    // Longer than a dwell: still on the first stop.
    await act(() => new Promise((resolve) => setTimeout(resolve, 1500)));
    expect(selection()).toBe("streets:530102001");
    await waitFor(() => expect(selection()).toBe("streets:530102002"), WAIT);
    expect(screen.queryByTestId("wall-paused")).toBeNull();
  });

  it("tours the communities of the street named in the link", async () => {
    cleanup = renderWall({ dwellSeconds: 600, tour: "530102001" });
    const first = layers.communities.features
      .map((feature) => String(feature.properties.code))
      .filter((code) => code.startsWith("530102001"))
      .toSorted()[0];
    await waitFor(() => expect(selection()).toBe(`communities:${first}`), WAIT);
    expect(screen.getByTestId("wall-ranking").querySelector("h2")?.textContent).toBe("缺口最多的社区");
  });
});

describe("the wall's panels", () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    cleanup?.();
    mapClicks.next = null;
  });

  it("ranks the streets by the engine's gap count", async () => {
    const counts = new Map<string, number>();
    for (const gap of analyze(layers as unknown as EngineLayers).gaps) counts.set(gap.streetCode, (counts.get(gap.streetCode) ?? 0) + 1);
    const [topCode, topCount] = [...counts].toSorted((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? ["", 0];
    cleanup = renderWall({ dwellSeconds: 600 });
    const ranking = screen.getByTestId("wall-ranking");
    await waitFor(() => expect(ranking.querySelector("li")?.getAttribute("data-code")).toBe(topCode), WAIT);
    expect(ranking.querySelector("li .wall-rank-count")?.textContent).toBe(topCount.toLocaleString("zh-CN"));
  });

  it.each([
    [true, "郑*宇"],
    [false, "郑滇宇"],
  ])("shows a clicked grid's worker (masking %s) as %s", async (maskNames, shown) => {
    const grid = layers.grids.features.find((feature) => feature.properties.workerName === "郑滇宇");
    if (!grid) throw new Error("the demo grid of 郑滇宇 is missing");
    cleanup = renderWall({ dwellSeconds: 600, maskNames });
    await waitFor(() => expect(selection()).toBe("streets:530102001"), WAIT);
    mapClicks.next = { layer: "grids", id: String(grid.properties.id), name: String(grid.properties.name), properties: grid.properties };
    fireEvent.click(screen.getByRole("button", { name: "click the map" }));
    await waitFor(() => expect(card().querySelector("h2")?.textContent).toBe(grid.properties.name), WAIT);
    expect(card().querySelector('[data-field="workerName"]')?.textContent).toBe(shown);
    expect(selection()).toBe(`grids:${String(grid.properties.id)}`);
    expect(card().textContent).toContain("已选中");
  });
});
