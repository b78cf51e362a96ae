import { describe, expect, it } from "vitest";
import { DEFAULT_WALL_OPTIONS, isWallMode, parseWallOptions, serializeWallOptions, type WallOptions } from "./wall-options.ts";

describe("wall options", () => {
  it.each([
    ["?mode=wall", true],
    ["?lang=en&mode=wall&dwell=5", true],
    ["?mode=explore", false],
    ["", false],
  ])("%s is wall mode: %s", (search, expected) => {
    expect(isWallMode(search)).toBe(expected);
  });

  it("defaults to a 15 s dwell, a street tour, a minute's refresh, masked names and the dark basemap", () => {
    expect(parseWallOptions("?mode=wall")).toEqual(DEFAULT_WALL_OPTIONS);
  });

  it.each<[string, WallOptions]>([
    ["defaults", { ...DEFAULT_WALL_OPTIONS }],
    ["a short dwell and quiet period", { ...DEFAULT_WALL_OPTIONS, dwellSeconds: 2, quietSeconds: 5 }],
    ["a fractional dwell", { ...DEFAULT_WALL_OPTIONS, dwellSeconds: 1.5 }],
    ["one street's communities", { ...DEFAULT_WALL_OPTIONS, tour: "530102001" }],
    ["one prefecture's counties", { ...DEFAULT_WALL_OPTIONS, tour: "5301" }],
    ["every township", { ...DEFAULT_WALL_OPTIONS, tour: "streets" }],
    ["a slow refresh, names unmasked, light basemap", { ...DEFAULT_WALL_OPTIONS, refreshSeconds: 600, maskNames: false, basemap: "light" }],
    ["the 3D sandtable", { ...DEFAULT_WALL_OPTIONS, sandtable: true }],
    ["the laggards of the first target behind", { ...DEFAULT_WALL_OPTIONS, laggards: { targetId: null } }],
    ["the laggards of one target", { ...DEFAULT_WALL_OPTIONS, laggards: { targetId: "party-branch-2026" } }],
  ])("round-trips %s", (_label, options) => {
    expect(parseWallOptions(serializeWallOptions(options))).toEqual(options);
  });

  it("writes only what differs from the defaults", () => {
    expect(serializeWallOptions({ ...DEFAULT_WALL_OPTIONS, dwellSeconds: 8, maskNames: false })).toBe("?mode=wall&dwell=8&mask=0");
  });

  it.each([
    ["tour=laggards", { targetId: null }],
    ["tour=laggards:grid-staffing-2025", { targetId: "grid-staffing-2025" }],
  ])("reads %s as the laggards tour, not an area tour", (query, laggards) => {
    expect(parseWallOptions(`?mode=wall&${query}`)).toMatchObject({ tour: null, laggards });
  });

  it.each([
    ["dwell=0", "dwellSeconds", 15],
    ["dwell=-3", "dwellSeconds", 15],
    ["dwell=abc", "dwellSeconds", 15],
    ["dwell=", "dwellSeconds", 15],
    ["dwell=99999", "dwellSeconds", 15],
    ["quiet=0.5", "quietSeconds", 30],
    ["refresh=1", "refreshSeconds", 60],
    ["refresh=Infinity", "refreshSeconds", 60],
    ["tour=53010", "tour", null],
    ["tour=530102001001", "tour", null],
    ["tour=53010200a", "tour", null],
    ["tour=communities", "tour", null],
    ["tour=laggards:", "laggards", null],
    ["tour=laggards:Party_Branch", "laggards", null],
    ["tour=laggard", "laggards", null],
    ["mask=no", "maskNames", true],
    ["basemap=satellite", "basemap", "dark"],
    ["3d=yes", "sandtable", false],
  ] as const)("falls back to the default for %s", (query, field, expected) => {
    expect(parseWallOptions(`?mode=wall&${query}`)[field]).toBe(expected);
  });
});
