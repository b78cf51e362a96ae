import { describe, expect, it } from "vitest";
import { SAMPLE_GRID_GAP } from "../support/gap-fixture.ts";
import { gapsToCsv } from "../../src/views/explorer/gaps/gap-export.ts";

const gap = SAMPLE_GRID_GAP;

describe("gapsToCsv", () => {
  it("writes a BOM, Chinese headers and one quoted-where-needed row per gap", () => {
    const csv = gapsToCsv([gap], "zh");
    expect(csv.startsWith("\uFEFF排名,缺口类型,严重程度,单位名称")).toBe(true);
    const [, row] = csv.trim().split("\r\n");
    expect(row).toBe(
      '1,网格无网格员,高,翠湖社区第1网格,530102001001-G01,530102,530102001,530102001001,820,"网格无网格员,涉及 820 户",1640,"820 × 2 = 1,640",102.7,25.04',
    );
  });
  it("speaks English when asked", () => {
    expect(gapsToCsv([gap], "en")).toContain("Grid without a worker,High");
  });

  it("ends with the notes after a blank line, quoted where they hold a comma", () => {
    const csv = gapsToCsv([gap], "zh", ["数据截至 2026-10-31", "示意数据:街道、社区,网格"]);
    expect(csv.split("\r\n").slice(-4)).toEqual(["", "数据截至 2026-10-31", '"示意数据:街道、社区,网格"', ""]);
  });

  it("writes a unit name that looks like a formula as text, and leaves numbers alone", () => {
    const csv = gapsToCsv([{ ...gap, unitName: '=HYPERLINK("http://127.0.0.1/x")' }], "zh");
    const [, row] = csv.trim().split("\r\n");
    expect(row).toContain(`"'=HYPERLINK(""http://127.0.0.1/x"")"`);
    expect(row).toMatch(/,102\.7,25\.04$/);
  });
});
