// useDataset against MSW serving the real demo files: every layer loads once and validates,
// and a failing layer is reported while the others still arrive.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { http, HttpResponse } from "msw";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { publicRoot, requestCounts } from "../../../tests/setup/handlers.ts";
import { server } from "../../../tests/setup/msw.ts";
import { countFeatures } from "../../domain/dataset.ts";
import { useDataset } from "./use-dataset.ts";

const MANIFEST = "/data/kunming/manifest.json";
const WATER = "/basemap/water.geojson";

function Probe() {
  const state = useDataset(MANIFEST, WATER);
  if (state.loading) return <p>loading</p>;
  return (
    <div>
      <p data-testid="counts">{state.dataset ? JSON.stringify(countFeatures(state.dataset.layers)) : "none"}</p>
      <p data-testid="errors">{state.errors.map((error) => error.message).join("\n")}</p>
    </div>
  );
}

function renderWithQuery(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}>{children}</QueryClientProvider>);
}

function featureCount(layer: string): number {
  const text = readFileSync(join(publicRoot, "data", "kunming", `${layer}.geojson`), "utf8");
  return (JSON.parse(text) as { features: unknown[] }).features.length;
}

describe("useDataset", () => {
  it("loads and validates every layer of the demo dataset, one request per file", async () => {
    renderWithQuery(<Probe />);
    await waitFor(() => expect(screen.getByTestId("counts").textContent).not.toBe("none"), { timeout: 20_000 });
    const counts = JSON.parse(screen.getByTestId("counts").textContent ?? "{}") as Record<string, number>;
    for (const layer of ["districts", "streets", "communities", "grids", "compounds", "stations"]) {
      expect(counts[layer]).toBe(featureCount(layer));
      expect(requestCounts.get(`data/kunming/${layer}.geojson`)).toBe(1);
    }
    expect(counts.districts).toBe(14);
    expect(screen.getByTestId("errors").textContent).toBe("");
  });

  it("reports a failing layer and still loads the others", async () => {
    server.use(http.get(/\/data\/kunming\/grids\.geojson$/, () => new HttpResponse("boom", { status: 500, statusText: "Server Error" })));
    renderWithQuery(<Probe />);
    await waitFor(() => expect(screen.getByTestId("errors").textContent).toMatch(/grids\.geojson.*HTTP 500/), { timeout: 20_000 });
    const counts = JSON.parse(screen.getByTestId("counts").textContent ?? "{}") as Record<string, number>;
    expect(counts.grids).toBe(0);
    expect(counts.stations).toBe(featureCount("stations"));
  });
});
