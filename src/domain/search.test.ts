import { LAYER_NAMES } from "../data/contract.ts";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Layers } from "./dataset.ts";
import { buildSearchIndex, searchEntriesFromLayers, type SearchEntry, type SearchGroup, type SearchIndex, type SearchLevel } from "./search.ts";
import { deepFreeze } from "../../tests/support/deep-freeze.ts";
import { demoLayers } from "../../tests/support/demo-layers.ts";

// Names, codes and ids as in public/data/kunming: districts, streets and communities are the real
// NBS 2023 names and codes; grid, compound and station names are the demo generator's. Contexts
// are what searchEntriesFromLayers builds for them; positions are placeholders.
const ROWS: ReadonlyArray<[SearchLevel, string, string, string]> = [
  ["district", "530102", "五华区", ""],
  ["district", "530103", "盘龙区", ""],
  ["street", "530102001", "华山街道", "五华区"],
  ["street", "530102002", "护国街道", "五华区"],
  ["street", "530111005", "小板桥街道", "官渡区"],
  ["street", "530126003", "板桥街道", "石林彝族自治县"],
  ["community", "530102001001", "翠湖西路社区居民委员会", "五华区 › 华山街道"],
  ["community", "530102001003", "五华山社区居民委员会", "五华区 › 华山街道"],
  ["community", "530102001007", "翠湖社区居民委员会", "五华区 › 华山街道"],
  ["community", "530102002006", "金牛街社区居民委员会", "五华区 › 护国街道"],
  ["community", "530111004006", "牛街社区居民委员会", "官渡区 › 金马街道"],
  ["community", "530112010001", "龙潭社区居委会", "西山区 › 团结街道"],
  ["community", "530113002003", "龙潭社区居民委员会", "东川区 › 碧谷街道"],
  ["community", "530124104203", "龙潭村民委员会", "富民县 › 赤鹫镇"],
  ["community", "530126003201", "龙潭村委会", "石林彝族自治县 › 板桥街道"],
  ["community", "530114006006", "龙潭山社区居民委员会", "呈贡区 › 雨花街道"],
  ["community", "530103008001", "黑龙潭社区居委会", "盘龙区 › 茨坝街道"],
  ["community", "530114002004", "白龙潭社区居民委员会", "呈贡区 › 洛龙街道"],
  ["community", "530111005001", "小板桥社区居民委员会", "官渡区 › 小板桥街道"],
  ["community", "530126003001", "板桥社区居委会", "石林彝族自治县 › 板桥街道"],
  ["grid", "530102001007-G01", "翠湖社区第1网格", "华山街道 › 翠湖社区居民委员会"],
  ["grid", "530102001007-G02", "翠湖社区第2网格", "华山街道 › 翠湖社区居民委员会"],
  ["grid", "530102001001-G01", "翠湖西路社区第1网格", "华山街道 › 翠湖西路社区居民委员会"],
  ["compound", "530102001002-C004", "翠湖公寓", "华山街道 › 水晶宫社区居民委员会"],
  ["compound", "530102001002-C007", "翠湖雅居", "华山街道 › 水晶宫社区居民委员会"],
  ["compound", "530102001007-C001", "丽苑雅居", "华山街道 › 翠湖社区居民委员会"],
  ["compound", "530102001001-C002", "金色嘉园", "华山街道 › 翠湖西路社区居民委员会"],
  ["station", "530102001-S", "华山街道社会工作服务站", "五华区 › 华山街道"],
  ["station", "530102001007-R", "翠湖社区社工室", "华山街道 › 翠湖社区居民委员会"],
  ["station", "530112010001-R", "龙潭社区社工室", "团结街道 › 龙潭社区居委会"],
];
const FIXTURE: readonly SearchEntry[] = deepFreeze(
  ROWS.map(([level, id, name, context]) => ({ level, id, name, context, position: [102.7, 25.04] as [number, number], bbox: null })),
);
const index = buildSearchIndex(FIXTURE);

/** Groups as "level: name name …", for expectations that read like the result list. */
const summary = (groups: SearchGroup[]) => groups.map((group) => `${group.level}: ${group.entries.map((hit) => hit.name).join(" ")}`);
const ids = (groups: SearchGroup[], level: SearchLevel) => groups.find((group) => group.level === level)?.entries.map((hit) => hit.id) ?? [];

describe("search", () => {
  it.each(["", "   ", "\u3000\t"])("finds nothing for the empty query %j", (query) => {
    expect(index.search(query)).toEqual([]);
  });

  it.each([
    ["digits", "530102001"],
    ["full-width digits", "５３０１０２００１"],
    ["surrounding spaces", "  530102001 "],
  ])("finds a street and everything under it by code prefix, exact code first (%s)", (_label, query) => {
    const groups = index.search(query);
    expect(groups.map((group) => [group.level, group.total])).toEqual([
      ["street", 1],
      ["community", 3],
      ["grid", 3],
      ["compound", 4],
      ["station", 2],
    ]);
    expect(ids(groups, "street")).toEqual(["530102001"]);
    expect(ids(groups, "station")).toEqual(["530102001-S", "530102001007-R"]);
    expect(groups.every((group) => group.entries.every((hit) => hit.match === null))).toBe(true);
    expect(groups[0]?.entries[0]?.score).toBe(0);
  });

  it("finds an id by prefix, ignoring case and full width", () => {
    expect(ids(index.search("５３０１０２００１００７－ｃ００"), "compound")).toEqual(["530102001007-C001"]);
    expect(summary(index.search("530102001007"))).toEqual([
      "community: 翠湖社区居民委员会",
      "grid: 翠湖社区第1网格 翠湖社区第2网格",
      "compound: 丽苑雅居",
      "station: 翠湖社区社工室",
    ]);
  });

  it("ranks exact name, then the same name with another suffix, then prefix, then substring", () => {
    const groups = index.search("龙潭社区居委会");
    expect(summary(groups)).toEqual([
      "community: 龙潭社区居委会 龙潭村委会 龙潭村民委员会 龙潭社区居民委员会 龙潭山社区居民委员会 黑龙潭社区居委会 白龙潭社区居民委员会",
    ]);
    const scores = groups[0]?.entries.map((hit) => hit.score) ?? [];
    expect(scores[0]).toBe(0);
    expect(scores.toSorted((a, b) => a - b)).toEqual(scores);
  });

  it.each([
    ["a street without 街道", "华山", "street", ["华山街道"]],
    ["a community without its suffix", "翠湖", "community", ["翠湖社区居民委员会", "翠湖西路社区居民委员会"]],
    ["社区 for 社区居民委员会", "翠湖社区", "community", ["翠湖社区居民委员会", "翠湖西路社区居民委员会"]],
    ["社区居委会 for 社区居民委员会", "翠湖社区居委会", "community", ["翠湖社区居民委员会", "翠湖西路社区居民委员会"]],
    ["街道办事处 for 街道", "板桥街道办事处", "street", ["板桥街道", "小板桥街道"]],
    ["村委会 for 社区居民委员会", "牛街村委会", "community", ["牛街社区居民委员会", "金牛街社区居民委员会"]],
  ] as const)("tolerates %s", (_label, query, level, names) => {
    const group = index.search(query).find((candidate) => candidate.level === level);
    expect(group?.entries.map((hit) => hit.name)).toEqual(names);
  });

  it("looks for units with a suffix only when the query has one", () => {
    expect(summary(index.search("翠湖社区居委会"))).toEqual(["community: 翠湖社区居民委员会 翠湖西路社区居民委员会"]);
    expect(summary(index.search("翠湖"))).toEqual([
      "community: 翠湖社区居民委员会 翠湖西路社区居民委员会",
      "grid: 翠湖社区第1网格 翠湖社区第2网格 翠湖西路社区第1网格",
      "compound: 翠湖公寓 翠湖雅居",
      "station: 翠湖社区社工室",
    ]);
  });

  it("groups by level from district to station, whatever the input order", () => {
    const reversed = buildSearchIndex(FIXTURE.toReversed());
    expect(reversed.search("华").map((group) => group.level)).toEqual(["district", "street", "community", "station"]);
    expect(reversed.search("5").map((group) => group.level)).toEqual(["district", "street", "community", "grid", "compound", "station"]);
  });

  it.each([
    [8, 8],
    [3, 3],
    [0, 0],
  ])("caps the hits per level at %i and still counts them all", (limit, shown) => {
    const communities = index.search("社区", limit).find((group) => group.level === "community");
    // Every community name but 龙潭村民委员会 and 龙潭村委会.
    expect(communities?.total).toBe(12);
    expect(communities?.entries).toHaveLength(shown);
  });

  it("shows 8 hits per level by default", () => {
    expect(index.search("5").map((group) => [group.level, group.entries.length, group.total])).toEqual([
      ["district", 2, 2],
      ["street", 4, 4],
      ["community", 8, 14],
      ["grid", 3, 3],
      ["compound", 4, 4],
      ["station", 3, 3],
    ]);
  });

  it.each([
    ["华山", "五华山社区居民委员会", [1, 3]],
    ["华山", "华山街道", [0, 2]],
    ["翠湖社区居委会", "翠湖社区居民委员会", [0, 9]],
    ["翠湖社区居委会", "翠湖西路社区居民委员会", [0, 2]],
    ["龙潭社区居委会", "白龙潭社区居民委员会", [1, 3]],
    ["社工室", "翠湖社区社工室", [4, 7]],
  ] as const)("marks where %s matches in %s", (query, name, match) => {
    const hit = index
      .search(query)
      .flatMap((group) => group.entries)
      .find((candidate) => candidate.name === name);
    expect(hit?.match).toEqual(match);
  });

  it("marks the match in the original name when normalisation changes its length", () => {
    const entry: SearchEntry = { level: "compound", id: "X-1", name: "ＳＯＨＯ 翠湖 公寓", context: "", position: [0, 0], bbox: null };
    const [group] = buildSearchIndex([entry]).search("soho翠湖");
    expect(group?.entries[0]?.match).toEqual([0, 7]);
    expect(entry.name.slice(0, 7)).toBe("ＳＯＨＯ 翠湖");
  });

  it("normalises names when building, not per entry when searching", () => {
    const many = Array.from({ length: 40_000 }, (_, number) => ({ ...(FIXTURE[number % FIXTURE.length] as SearchEntry), id: `${number}` }));
    const normalize = vi.spyOn(String.prototype, "normalize");
    try {
      const large = buildSearchIndex(many);
      expect(normalize.mock.calls.length).toBeGreaterThanOrEqual(many.length);
      normalize.mockClear();
      const groups = large.search("翠湖社区");
      expect(normalize.mock.calls.length).toBeLessThanOrEqual(4);
      const expected = many.filter((entry) => entry.name === "翠湖社区居民委员会" || entry.name === "翠湖西路社区居民委员会").length;
      expect(groups.find((group) => group.level === "community")?.total).toBe(expected);
    } finally {
      normalize.mockRestore();
    }
  });
});

describe("searchEntriesFromLayers on the demo data", () => {
  let entries: SearchEntry[] = [];
  let demo: SearchIndex;
  beforeAll(() => {
    entries = searchEntriesFromLayers(demoLayers() as unknown as Layers);
    demo = buildSearchIndex(entries);
  });

  it("has one entry per unit, with its place and its parents", () => {
    const layers = demoLayers();
    const units = LAYER_NAMES.reduce((sum, layer) => sum + (layers[layer]?.features.length ?? 0), 0);
    expect(entries).toHaveLength(units);
    const community = entries.find((entry) => entry.id === "530102001007");
    expect(community).toMatchObject({ level: "community", name: "翠湖社区居民委员会", context: "五华区 › 华山街道" });
    const [west = 0, south = 0, east = 0, north = 0] = community?.bbox ?? [];
    const [longitude = 0, latitude = 0] = community?.position ?? [];
    expect(longitude).toBeGreaterThan(west);
    expect(longitude).toBeLessThan(east);
    expect(latitude).toBeGreaterThan(south);
    expect(latitude).toBeLessThan(north);
    expect(entries.find((entry) => entry.id === "530102001007-C001")?.context).toBe("华山街道 › 翠湖社区居民委员会");
    expect(entries.find((entry) => entry.id === "530102001")?.context).toBe("五华区");
    expect(entries.find((entry) => entry.level === "station")?.bbox).toBeNull();
  });

  it("finds communities and compounds by 翠湖", () => {
    const groups = demo.search("翠湖");
    expect(ids(groups, "community")[0]).toBe("530102001007");
    expect(groups.find((group) => group.level === "compound")?.total).toBeGreaterThan(8);
    expect(groups.find((group) => group.level === "compound")?.entries.every((hit) => hit.name.includes("翠湖"))).toBe(true);
  });

  it("finds exactly that community first by its 12-digit code", () => {
    const groups = demo.search("530102001007");
    expect(groups[0]?.level).toBe("community");
    expect(groups[0]?.total).toBe(1);
    expect(groups[0]?.entries[0]).toMatchObject({ id: "530102001007", name: "翠湖社区居民委员会", score: 0 });
  });
});
