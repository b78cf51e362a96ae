// The gap list's exports: each button downloads a Blob of its format, built from the full list the
// engine returns. The engine worker is replaced by a stub (jsdom has no Worker); no network is involved.
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { strFromU8, unzipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Gap } from "../../../domain/gaps.ts";
import { SAMPLE_GRID_GAP } from "../../../../tests/support/gap-fixture.ts";
import { GapListPanel } from "./GapListPanel.tsx";

const gap = SAMPLE_GRID_GAP;

const engineGaps = vi.hoisted(() => vi.fn<(filter: unknown, limit: number) => Promise<{ total: number; items: Gap[] }>>());
vi.mock("../../data/engine-client.ts", () => ({
  engineClient: () => ({ gaps: engineGaps }),
  useGaps: () => ({ data: { total: 1, items: [gap] }, isPending: false }),
}));

let downloads: Array<{ blob: Blob; name: string }> = [];
const { createObjectURL, revokeObjectURL } = URL;

beforeEach(() => {
  engineGaps.mockResolvedValue({ total: 1, items: [gap] });
  downloads = [];
  let pending: Blob | undefined;
  // jsdom implements neither object URLs nor navigation on an anchor click: record both instead.
  URL.createObjectURL = vi.fn<(blob: Blob) => string>((blob) => {
    pending = blob;
    return "blob:test";
  });
  URL.revokeObjectURL = vi.fn<(url: string) => void>();
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    if (pending) downloads.push({ blob: pending, name: this.download });
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  Object.assign(URL, { createObjectURL, revokeObjectURL });
});

function renderPanel() {
  render(
    <GapListPanel
      manifestUrl="data/kunming/manifest.json"
      areaCode="530102"
      areaName="五华区"
      enabled
      computing={false}
      language="zh"
      asOf="2026-10-31"
      kind="all"
      onKindChange={() => undefined}
      onChoose={() => undefined}
      synthetic={{ geometry: ["streets", "grids"], attributes: ["grids"] }}
    />,
  );
}

describe("GapListPanel exports", () => {
  it("downloads an XLSX workbook of the whole list, with its note sheet", async () => {
    renderPanel();
    fireEvent.click(screen.getByRole("button", { name: "导出 XLSX" }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const [download] = downloads;
    expect(download?.name).toBe("缺口清单-五华区-2026-10-31.xlsx");
    expect(download?.blob.type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(engineGaps).toHaveBeenCalledWith({ areaCode: "530102" }, Number.MAX_SAFE_INTEGER, null);
    const files = unzipSync(new Uint8Array(await (download?.blob ?? new Blob()).arrayBuffer()));
    expect(strFromU8(files["xl/worksheets/sheet1.xml"] ?? new Uint8Array())).toContain("翠湖社区第1网格");
    expect(strFromU8(files["xl/worksheets/sheet2.xml"] ?? new Uint8Array())).toContain(
      "示意数据:网格的几何与属性(户数、党组织、网格、社工等)均为合成演示数据;乡镇(街道)的几何为合成演示数据",
    );
  });

  it("still downloads the CSV", async () => {
    renderPanel();
    fireEvent.click(screen.getByRole("button", { name: "导出 CSV" }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]?.name).toBe("缺口清单-五华区-2026-10-31.csv");
    expect(downloads[0]?.blob.type).toBe("text/csv;charset=utf-8");
    expect(await downloads[0]?.blob.text()).toContain("翠湖社区第1网格");
  });
});
