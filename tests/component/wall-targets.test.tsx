// 考核督导 on the wall (jsdom): the panel's figures for each target equal evaluateTarget computed
// here from the same served files (met of the units with data, the share, the units without data
// apart, days left, the three furthest behind); they follow a refresh and stay through a failed
// one. The laggards tour flies to the units behind a target, missed first, with the unit's value
// against the threshold on its card, and falls back to the default tour with a note.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { TargetLevel } from "../../src/data/contract.ts";
import { analyze } from "../../src/domain/analysis.ts";
import { formatIndicatorValue } from "../../src/domain/indicator-format.ts";
import type { EngineLayers } from "../../src/domain/model.ts";
import { evaluateTarget, type TargetReport } from "../../src/domain/targets.ts";
import { DEFAULT_WALL_OPTIONS, type WallOptions } from "../../src/views/wall/wall-options.ts";
import { WallScreen } from "../../src/views/wall/WallScreen.tsx";
import { createEngine } from "../../src/workers/engine-api.ts";
import { cityTargets, districtLayers, MANIFEST_URL, serveVersions, WATER_URL, withPartyBranches, type Layers } from "./wall-harness.tsx";

vi.mock("../../src/views/map/MapView.tsx", () => import("./wall-harness.tsx").then((harness) => ({ MapView: harness.MapStandIn })));

const AS_OF = "2026-10-31";
const original = districtLayers();
const changed = withPartyBranches(original, 60);
const targets = cityTargets();
const WAIT = { timeout: 20_000 };
const LEVELS: Record<TargetLevel, string> = { prefecture: "州(市)", district: "县(市、区)", street: "乡镇(街道)", community: "社区(村)" };

/** Every target as the engine defines it, computed here from the layers served. */
const expectedReports = (layers: Layers): TargetReport[] => {
  const analysis = analyze(layers as unknown as EngineLayers, undefined, AS_OF);
  return targets.targets.map((target) => evaluateTarget(analysis, target));
};
const known = (report: TargetReport) => report.tally.met + report.tally.warning + report.tally.missed;
const doneLine = (report: TargetReport) =>
  `达标 ${report.tally.met.toLocaleString("zh-CN")} / ${known(report).toLocaleString("zh-CN")} 个有数据的${LEVELS[report.target.level]}(${formatIndicatorValue(report.tally.share, "share")})`;
const panelTarget = (id: string) => {
  const element = screen.getByTestId("wall-targets").querySelector<HTMLElement>(`[data-target="${id}"]`);
  if (!element) throw new Error(`no target ${id} on the wall`);
  return element;
};
const card = () => screen.getByTestId("wall-card");
const map = () => screen.getByTestId("map");
const done = (id: string) => panelTarget(id).querySelector(".wall-target-done")?.textContent;

function renderWall(patch: Partial<WallOptions>, layers: Layers = original) {
  const served = serveVersions({ asOf: AS_OF, layers, targets });
  const client = new QueryClient();
  const view = render(
    <QueryClientProvider client={client}>
      <WallScreen
        manifestUrl={MANIFEST_URL}
        waterUrl={WATER_URL}
        language="zh"
        options={{ ...DEFAULT_WALL_OPTIONS, refreshSeconds: 600, dwellSeconds: 600, ...patch }}
        debug={false}
        engine={createEngine()}
      />
    </QueryClientProvider>,
  );
  return {
    served,
    cleanup: () => {
      view.unmount();
      client.clear();
    },
  };
}

describe("the wall's 考核督导 panel", () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());

  it("shows each target's figures as evaluateTarget computes them", async () => {
    const expected = expectedReports(original);
    // The fixture exercises every path: a target with units behind, and one whose level has no data.
    expect(expected.some((report) => report.tally.missed + report.tally.warning > 0)).toBe(true);
    expect(expected.some((report) => known(report) === 0)).toBe(true);
    ({ cleanup } = renderWall({}));
    await waitFor(() => expect(screen.getByTestId("wall-targets").querySelectorAll("[data-target]")).toHaveLength(expected.length), WAIT);
    for (const report of expected) {
      const element = panelTarget(report.target.id);
      expect(element.querySelector("h3")?.textContent).toBe(report.target.title);
      // Met out of the units with a known value, the denominator named; unknown units never counted as missed.
      expect(done(report.target.id)).toBe(known(report) > 0 ? doneLine(report) : `${LEVELS[report.target.level]}均无数据,不计算达标比例`);
      const counts = [...element.querySelectorAll(".wall-target-counts li")].map((item) => item.textContent);
      expect(counts).toEqual([`达标 ${report.tally.met}`, `预警 ${report.tally.warning}`, `未达标 ${report.tally.missed}`, `无数据 ${report.tally.unknown}`]);
      expect(element.querySelectorAll(".wall-target-bar span")).toHaveLength(
        [report.tally.met, report.tally.warning, report.tally.missed, report.tally.unknown].filter((count) => count > 0).length,
      );
      expect(element.textContent).toContain(
        report.daysLeft >= 0 ? `距截止 ${report.daysLeft.toLocaleString("zh-CN")} 天` : `已过截止日 ${(-report.daysLeft).toLocaleString("zh-CN")} 天`,
      );
      const behind = report.units.filter((unit) => unit.status === "missed" || unit.status === "warning").slice(0, 3);
      const laggards = [...element.querySelectorAll(".wall-target-laggards li")];
      expect(laggards.map((item) => item.querySelector(".wall-rank-name")?.textContent)).toEqual(behind.map((unit) => unit.name));
    }
    // A share's distance is in percentage points, not a percentage.
    const party = expected.find((report) => report.target.id === "party-branch-2026")?.units[0];
    expect(panelTarget("party-branch-2026").querySelector(".wall-target-laggards li")?.textContent).toContain(
      `差 ${((party?.distance ?? Number.NaN) * 100).toFixed(1)} 个百分点`,
    );
    expect(screen.getByTestId("wall-targets").textContent).toContain("考核目标、日期与报到单位为合成演示数据");
  });

  it("follows a refresh and keeps its figures while a refresh fails", async () => {
    const before = expectedReports(original).find((report) => report.target.id === "party-branch-2026");
    const after = expectedReports(changed).find((report) => report.target.id === "party-branch-2026");
    if (!before || !after) throw new Error("no party-branch target");
    expect(doneLine(after)).not.toBe(doneLine(before));
    const wall = renderWall({ refreshSeconds: 1 });
    cleanup = wall.cleanup;
    await waitFor(() => expect(done("party-branch-2026")).toBe(doneLine(before)), WAIT);

    wall.served.set({ asOf: "2026-11-30", layers: changed, targets, failing: "compounds" });
    await screen.findByTestId("wall-stale", {}, WAIT);
    await waitFor(() => expect(wall.served.failedRequests()).toBeGreaterThanOrEqual(2), WAIT);
    expect(done("party-branch-2026")).toBe(doneLine(before));

    wall.served.set({ asOf: AS_OF, layers: changed, targets });
    await waitFor(() => expect(done("party-branch-2026")).toBe(doneLine(after)), WAIT);
  });
});

describe("the laggards tour", () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());

  it("flies to the units behind a target, missed first, with the unit's value against the threshold", async () => {
    const report = expectedReports(original).find((candidate) => candidate.target.id === "party-branch-2026");
    const first = report?.units[0];
    if (!report || !first?.bbox) throw new Error("no unit behind the party-branch target");
    expect(first.status).toBe("missed");
    const count = report.units.filter((unit) => unit.status === "missed" || unit.status === "warning").length;
    ({ cleanup } = renderWall({ laggards: { targetId: "party-branch-2026" } }));
    await waitFor(() => expect(map().getAttribute("data-selection")).toBe(`communities:${first.code}`), WAIT);
    expect(map().getAttribute("data-fly")).toBe(first.bbox.join(","));
    expect(card().querySelector("h2")?.textContent).toBe(first.name);
    expect(card().textContent).toContain(`导览 1 / ${count}`);
    const standing = within(card()).getByTestId("wall-card-target");
    expect(standing.querySelector("[data-value]")?.textContent).toBe(formatIndicatorValue(first.value, "share"));
    expect(standing.querySelector("[data-threshold]")?.textContent).toBe("80.0%");
    expect(standing.textContent).toContain("未达标");
    expect(screen.getByTestId("wall-tour-note").textContent).toBe("考核导览:小区(自然村)党组织覆盖率达80% · 未达标与预警的社区(村)");
  });

  it("falls back to the default tour with a note when the target does not exist", async () => {
    ({ cleanup } = renderWall({ laggards: { targetId: "no-such-target" } }));
    await waitFor(() => expect(map().getAttribute("data-selection")).toBe("streets:530102001"), WAIT);
    expect(screen.getByTestId("wall-tour-note").textContent).toBe("没有编号为 no-such-target 的考核目标,导览按默认路线进行");
  });
});
