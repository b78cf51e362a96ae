// Node has no DOMParser; xmldom's throws on any well-formedness error, so the parse still checks every part.
import { DOMParser } from "@xmldom/xmldom";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { Gap } from "../../src/domain/gaps.ts";
import { columnName, escapeXml } from "../../src/export/gap-xlsx.ts";
import { gapsToCsv } from "../../src/views/explorer/gaps/gap-export.ts";
import { gapsToXlsx } from "../../src/views/explorer/gaps/gap-workbook.ts";
import { SAMPLE_GRID_GAP } from "../support/gap-fixture.ts";

const gap = SAMPLE_GRID_GAP;
// A street-level gap has no community; its name carries every XML-special character and a control character.
const street: Gap = Object.freeze({
  ...gap,
  id: "street-no-station:530102002",
  kind: "street-no-station",
  level: "street",
  unitId: "530102002",
  unitName: 'A&B <街道> "新"\u0007',
  communityCode: null,
  households: 5000,
  score: 15000,
});

const info = Object.freeze({
  language: "zh" as const,
  asOf: "2026-10-31",
  areaName: "五华区",
  kindLabel: "全部类型",
  note: "示意数据:街道、社区的几何为合成演示数据",
});

function unpack(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([path, data]) => [path, strFromU8(data)]));
}
const rowsOf = (sheet: string) => sheet.match(/<row r="\d+">.*?<\/row>/g) ?? [];
const cellsOf = (row: string) => row.match(/<c r="[A-Z]+\d+"[^>]*>.*?<\/c>/g) ?? [];
const textOf = (cell: string) => /<t xml:space="preserve">(.*)<\/t>/.exec(cell)?.[1];

describe("gapsToXlsx", () => {
  const files = unpack(gapsToXlsx([gap, street], info));
  const sheet = files["xl/worksheets/sheet1.xml"] ?? "";

  it("is an Office Open XML package with a workbook, two sheets and styles, every part well-formed", () => {
    const types = files["[Content_Types].xml"] ?? "";
    expect(types).toContain('PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"');
    expect(types).toContain('PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"');
    expect(Object.keys(files).toSorted()).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
    ]);
    for (const [path, xml] of Object.entries(files)) {
      const parsed = new DOMParser().parseFromString(xml, "application/xml");
      expect({ path, errors: parsed.getElementsByTagName("parsererror").length }).toEqual({ path, errors: 0 });
    }
    expect(files["xl/workbook.xml"]).toContain('<sheet name="缺口清单" sheetId="1" r:id="rId1"/><sheet name="说明" sheetId="2" r:id="rId2"/>');
  });

  it("has the CSV's Chinese headers in a bold, frozen first row and one row per gap", () => {
    const [headerRow = "", ...rows] = rowsOf(sheet);
    const csvHeader = gapsToCsv([], "zh").replace("\uFEFF", "").trim().split(",");
    expect(cellsOf(headerRow).map(textOf)).toEqual(csvHeader);
    expect(cellsOf(headerRow).every((cell) => cell.includes(' s="1"'))).toBe(true);
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(rows).toHaveLength(2);
  });

  it("writes numbers as numeric cells and codes as text", () => {
    expect(sheet).toContain('<c r="A2"><v>1</v></c>');
    expect(sheet).toContain('<c r="I2"><v>820</v></c>');
    expect(sheet).toContain('<c r="K2"><v>1640</v></c>');
    expect(sheet).toContain('<c r="M2"><v>102.7</v></c><c r="N2"><v>25.04</v></c>');
    expect(sheet).toContain('<c r="F2" t="inlineStr"><is><t xml:space="preserve">530102</t></is></c>');
  });

  it("escapes XML-special characters, drops characters XML cannot hold and leaves a missing code empty", () => {
    expect(sheet).toContain('<t xml:space="preserve">A&amp;B &lt;街道&gt; &quot;新&quot;</t>');
    expect(sheet).not.toContain("\u0007");
    expect(sheet).not.toMatch(/<c r="H3"/);
    expect(escapeXml('<a href="x">&</a>')).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
  });

  it("says on a second sheet how current the data is, for which area, and that it is synthetic", () => {
    const about = files["xl/worksheets/sheet2.xml"] ?? "";
    const pairs = rowsOf(about).map((row) => cellsOf(row).map((cell) => textOf(cell) ?? /<v>(.*)<\/v>/.exec(cell)?.[1]));
    expect(pairs).toEqual([
      ["数据截至", "2026-10-31"],
      ["区域", "五华区"],
      ["缺口类型", "全部类型"],
      ["条目数", "2"],
      ["数据说明", info.note],
    ]);
  });

  it("speaks English when asked, and an empty list is a header row only", () => {
    const english = unpack(gapsToXlsx([], { ...info, language: "en" }));
    expect(english["xl/workbook.xml"]).toContain('<sheet name="Gap list"');
    expect(rowsOf(english["xl/worksheets/sheet1.xml"] ?? "")).toHaveLength(1);
    expect(english["xl/worksheets/sheet1.xml"]).toContain(">Rank<");
  });
});

describe("columnName", () => {
  it.each([
    [0, "A"],
    [13, "N"],
    [25, "Z"],
    [26, "AA"],
    [701, "ZZ"],
    [702, "AAA"],
  ])("names column %i %s", (index, name) => expect(columnName(index)).toBe(name));
});
