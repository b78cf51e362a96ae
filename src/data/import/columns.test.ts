import { describe, expect, it } from "vitest";
import { autoMapping, coerceValue, emptyValueOf, normaliseHeader, requiredFields, type CoercionCounts } from "./columns.ts";

const counts = (): CoercionCounts => ({ boolean: 0, number: 0, code: 0, date: 0 });

describe("column mapping", () => {
  it("normalises headers: case, spaces, underscores and bracketed units", () => {
    expect(normaliseHeader(" 户数(户) ")).toBe("户数");
    expect(normaliseHeader("Community_Code")).toBe("communitycode");
  });

  it("maps Chinese headers to the compounds layer", () => {
    expect(autoMapping("compounds", ["小区编号", "小区名称", "所属社区编码", "户数(户)", "楼栋数", "是否建立党支部", "红色物业", "业委会", "备注"])).toEqual({
      id: "小区编号",
      name: "小区名称",
      communityCode: "所属社区编码",
      households: "户数(户)",
      buildings: "楼栋数",
      partyBranch: "是否建立党支部",
      redProperty: "红色物业",
      ownersCommittee: "业委会",
    });
  });

  it("prefers a column named exactly like the field", () => {
    expect(autoMapping("communities", ["code", "编码", "name"])).toMatchObject({ code: "code", name: "name" });
  });

  it("knows which fields are required and how each takes an empty cell", () => {
    expect(requiredFields("compounds")).toEqual([
      "id",
      "name",
      "communityCode",
      "gridId",
      "households",
      "buildings",
      "partyBranch",
      "redProperty",
      "ownersCommittee",
    ]);
    expect(emptyValueOf("compounds", "partyBranch")).toBe("null");
    expect(emptyValueOf("compounds", "kind")).toBe("omit");
    expect(emptyValueOf("compounds", "households")).toBe("required");
  });
});

describe("value coercion", () => {
  it.each([
    ["是", true],
    ["有", true],
    ["Y", true],
    ["否", false],
    ["无", false],
    ["n", false],
    ["不详", null],
    ["", null],
  ])("reads %j as %j for a yes/no field", (raw, expected) => {
    expect(coerceValue("compounds", "partyBranch", raw, counts())).toEqual({ value: expected });
  });

  it("counts the yes/no words it converted and refuses others", () => {
    const tally = counts();
    coerceValue("compounds", "partyBranch", "是", tally);
    coerceValue("compounds", "partyBranch", true, tally);
    expect(tally.boolean).toBe(1);
    expect(coerceValue("compounds", "partyBranch", "可能", tally)).toMatchObject({ invalid: "可能" });
  });

  it.each([
    ["120户", 120],
    ["1,200", 1200],
    ["1，200 户", 1200],
    [35, 35],
  ])("reads the count %j as %j", (raw, expected) => {
    expect(coerceValue("compounds", "households", raw, counts())).toEqual({ value: expected });
  });

  it("refuses fractions and words as counts, and lets negatives through for the range check", () => {
    expect(coerceValue("compounds", "households", "12.5", counts())).toHaveProperty("invalid");
    expect(coerceValue("compounds", "households", "很多", counts())).toHaveProperty("invalid");
    expect(coerceValue("compounds", "households", -5, counts())).toEqual({ value: -5 });
  });

  it("restores codes stored as numbers when the digits are all there", () => {
    const tally = counts();
    expect(coerceValue("compounds", "communityCode", 530102001001, tally)).toEqual({ value: "530102001001" });
    expect(coerceValue("compounds", "communityCode", "530102001001.0", tally)).toEqual({ value: "530102001001" });
    expect(coerceValue("compounds", "communityCode", "5.30102001001E+11", tally)).toEqual({ value: "530102001001" });
    expect(tally.code).toBe(3);
    expect(coerceValue("compounds", "communityCode", 5301020, tally)).toHaveProperty("invalid");
  });

  it("reads dates as offices write them", () => {
    expect(coerceValue("stations", "openedOn", "2021/6/30", counts())).toEqual({ value: "2021-06-30" });
    expect(coerceValue("stations", "openedOn", "2021年6月30日", counts())).toEqual({ value: "2021-06-30" });
    expect(coerceValue("stations", "openedOn", 44377, counts())).toEqual({ value: "2021-06-30" });
    expect(coerceValue("stations", "openedOn", new Date(Date.UTC(2021, 5, 30)), counts())).toEqual({ value: "2021-06-30" });
    expect(coerceValue("stations", "openedOn", "六月", counts())).toHaveProperty("invalid");
  });

  it("normalises the usual spellings of the contract's kinds", () => {
    expect(coerceValue("communities", "kind", "社区居委会", counts())).toEqual({ value: "居委会" });
    expect(coerceValue("communities", "kind", "村民委员会", counts())).toEqual({ value: "村委会" });
    expect(coerceValue("stations", "level", "街道(乡镇)", counts())).toEqual({ value: "街道" });
  });
});
