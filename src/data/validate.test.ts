import { describe, expect, it } from "vitest";
import { DataError, describeIssue, parseLayer, parseManifest } from "./validate.ts";

const square = [
  [
    [102.7, 25.0],
    [102.71, 25.0],
    [102.71, 25.01],
    [102.7, 25.01],
    [102.7, 25.0],
  ],
];
const compound = (overrides: Record<string, unknown> = {}, geometry: unknown = { type: "Polygon", coordinates: square }) =>
  Object.freeze({
    type: "Feature",
    geometry,
    properties: {
      id: "530102001001-C001",
      name: "翠湖花园",
      communityCode: "530102001001",
      gridId: "530102001001-G01",
      households: 320,
      buildings: 6,
      partyBranch: true,
      redProperty: false,
      ownersCommittee: true,
      ...overrides,
    },
  });
const collection = (...features: unknown[]) => ({ type: "FeatureCollection", features });

const community = (overrides: Record<string, unknown>) => ({
  type: "Feature",
  geometry: { type: "Polygon", coordinates: square },
  properties: {
    code: "530102001001",
    name: "翠湖社区",
    streetCode: "530102001",
    kind: "居委会",
    households: 3000,
    population: 8000,
    partyOrgType: "党委",
    partyMembers: 200,
    bigPartyCommittee: true,
    dualRegisteredMembers: 60,
    ...overrides,
  },
});

const street = (overrides: Record<string, unknown>) => ({
  type: "Feature",
  geometry: { type: "Polygon", coordinates: square },
  properties: { code: "530102001", name: "华山街道", districtCode: "530102", ...overrides },
});

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof DataError) return error.issues.map(describeIssue);
    throw error;
  }
  return [];
}

describe("parseLayer", () => {
  it("accepts a valid compound and keeps extra flat properties", () => {
    const parsed = parseLayer("compounds", "compounds.geojson", collection(compound({ note: "ok" })));
    expect(parsed.collection.features).toHaveLength(1);
    expect(parsed.collection.features[0]?.properties).toHaveProperty("note", "ok");
    expect(parsed.warnings).toEqual([]);
  });

  it("warns, without rejecting, on an empty layer", () => {
    const parsed = parseLayer("grids", "grids.geojson", collection());
    expect(parsed.warnings[0]).toMatch(/no features/);
  });

  const rejected: Array<[string, unknown, RegExp]> = [
    ["not a FeatureCollection", { type: "Feature" }, /compounds\.geojson, type: not a GeoJSON FeatureCollection/],
    ["null geometry", collection(compound({}, null)), /feature #0 \(530102001001-C001\), geometry: geometry is null/],
    ["GeometryCollection", collection(compound({}, { type: "GeometryCollection", geometries: [] })), /GeometryCollection is not allowed/],
    ["point where an area is expected", collection(compound({}, { type: "Point", coordinates: [102.7, 25] })), /Point is not allowed/],
    [
      "projected coordinates",
      collection(
        compound(
          {},
          {
            type: "Polygon",
            coordinates: [
              [
                [11434000, 2878000],
                [11435000, 2878000],
                [11435000, 2879000],
                [11434000, 2878000],
              ],
            ],
          },
        ),
      ),
      /looks projected/,
    ],
    [
      "unclosed ring",
      collection(
        compound(
          {},
          {
            type: "Polygon",
            coordinates: [
              [
                [102.7, 25],
                [102.71, 25],
                [102.71, 25.01],
                [102.7, 25.01],
              ],
            ],
          },
        ),
      ),
      /not closed/,
    ],
    [
      "NaN coordinate",
      collection(
        compound(
          {},
          {
            type: "Polygon",
            coordinates: [
              [
                [102.7, 25],
                [Number.NaN, 25],
                [102.71, 25.01],
                [102.7, 25],
              ],
            ],
          },
        ),
      ),
      /finite numbers/,
    ],
    ["numeric code", collection(compound({ communityCode: 530102001001 })), /properties\.communityCode: .*string/],
    ["short code", collection(compound({ communityCode: "5301020010" })), /properties\.communityCode: must be a string of 12 digits/],
    ["negative households", collection(compound({ households: -3 })), /properties\.households/],
    ["string boolean", collection(compound({ partyBranch: "yes" })), /properties\.partyBranch/],
    ["nested property", collection(compound({ extra: { a: 1 } })), /properties\.extra: nested objects/],
    ["duplicate id", collection(compound(), compound()), /feature #1 .*duplicate identifier/],
  ];
  it.each(rejected)("rejects %s, naming file, feature and field", (_label, input, expected) => {
    const messages = issuesOf(() => parseLayer("compounds", "compounds.geojson", input));
    expect(messages.join("\n")).toMatch(expected);
  });

  const acceptedV2: Array<[string, Record<string, unknown>]> = [
    ["an unknown party branch (null)", { partyBranch: null }],
    ["unknown red property and owners' committee", { redProperty: null, ownersCommittee: null }],
    ["a natural village (自然村)", { kind: "自然村", redProperty: null, ownersCommittee: null }],
    ["an explicit 小区", { kind: "小区" }],
    ["no kind at all (contract 1: read as 小区)", {}],
  ];
  it.each(acceptedV2)("accepts %s", (_label, overrides) => {
    expect(parseLayer("compounds", "compounds.geojson", collection(compound(overrides))).collection.features).toHaveLength(1);
  });

  it.each([
    ["an unknown residential kind", { kind: "村庄" }, /properties\.kind/],
    ["a party branch of 0 for unknown", { partyBranch: 0 }, /properties\.partyBranch/],
    ["the string null", { partyBranch: "null" }, /properties\.partyBranch/],
  ])("rejects %s", (_label, overrides, expected) => {
    expect(issuesOf(() => parseLayer("compounds", "compounds.geojson", collection(compound(overrides)))).join("\n")).toMatch(expected);
  });

  it.each([
    ["known to have no party organisation (无)", { partyOrgType: "无", bigPartyCommittee: false }, true],
    ["an unknown party organisation (null)", { partyOrgType: null }, true],
    ["an unknown big party committee", { bigPartyCommittee: null }, true],
    ["a party organisation type outside the list", { partyOrgType: "党小组" }, false],
  ])("communities: %s", (_label, overrides, accepted) => {
    const messages = issuesOf(() => parseLayer("communities", "communities.geojson", collection(community(overrides))));
    expect(messages.length === 0).toBe(accepted);
  });

  it.each([
    ["a township kind", { kind: "乡" }, true],
    ["a development zone outside the target", { kind: "其他", stationTarget: false }, true],
    ["a prison counted in the target because the dataset says so", { kind: "其他", stationTarget: true }, true],
    ["no kind (from the code)", {}, true],
    ["a kind outside the list", { kind: "开发区" }, false],
    ["a string target flag", { stationTarget: "是" }, false],
  ])("streets: %s", (_label, overrides, accepted) => {
    expect(issuesOf(() => parseLayer("streets", "streets.geojson", collection(street(overrides)))).length === 0).toBe(accepted);
  });

  it("reads the prefecture level: 4-digit codes, and counties that name theirs", () => {
    const prefecture = { type: "Feature", geometry: { type: "Polygon", coordinates: square }, properties: { code: "5301", name: "昆明市" } };
    expect(parseLayer("prefectures", "prefectures.geojson", collection(prefecture)).collection.features).toHaveLength(1);
    expect(
      issuesOf(() => parseLayer("prefectures", "prefectures.geojson", collection({ ...prefecture, properties: { code: "530100", name: "昆明市" } }))).join(
        "\n",
      ),
    ).toMatch(/4 digits/);
    const county = {
      type: "Feature",
      geometry: { type: "Polygon", coordinates: square },
      properties: { code: "530102", name: "五华区", prefectureCode: "5301" },
    };
    expect(parseLayer("districts", "districts.geojson", collection(county)).collection.features).toHaveLength(1);
  });

  it("accepts a MultiPolygon with a hole", () => {
    const withHole = [
      [
        [102.0, 25.0],
        [102.1, 25.0],
        [102.1, 25.1],
        [102.0, 25.1],
        [102.0, 25.0],
      ],
      [
        [102.04, 25.04],
        [102.04, 25.06],
        [102.06, 25.06],
        [102.06, 25.04],
        [102.04, 25.04],
      ],
    ];
    const input = collection(compound({}, { type: "MultiPolygon", coordinates: [withHole, square] }));
    expect(parseLayer("compounds", "compounds.geojson", input).collection.features).toHaveLength(1);
  });

  it("caps the listed issues but keeps the total", () => {
    const many = Array.from({ length: 80 }, (_, index) => compound({ id: `c${index}`, households: -1 }));
    let caught: unknown;
    try {
      parseLayer("compounds", "compounds.geojson", collection(...many));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DataError);
    expect((caught as DataError).issues).toHaveLength(50);
    expect((caught as DataError).totalIssues).toBe(80);
  });
});

describe("parseManifest", () => {
  const manifest = Object.freeze({
    id: "kunming",
    title: "昆明市",
    crs: "EPSG:4326",
    asOf: "2026-10-31",
    synthetic: ["streets"],
    sources: [{ name: "NBS", licence: "public" }],
    layers: { districts: "districts.geojson" },
  });
  it("reads a contract 1 manifest as contract 2, saying what it assumed", () => {
    const read = parseManifest("manifest.json", manifest);
    expect(read).toMatchObject({
      id: "kunming",
      contract: 2,
      synthetic: { geometry: ["streets"], attributes: [] },
      area: { name: "昆明市", level: "prefecture" },
    });
    expect(read.notes?.join("\n")).toMatch(/contract version 1/);
    expect(read.notes?.join("\n")).toMatch(/whether any attributes are synthetic is not stated/);
  });
  it("accepts a contract 2 manifest as it is, with no notes", () => {
    const v2 = {
      ...manifest,
      contract: 2,
      area: { name: "云南省", level: "province", code: "53" },
      synthetic: { geometry: ["streets"], attributes: ["communities"] },
    };
    const read = parseManifest("manifest.json", v2);
    expect(read.notes).toBeUndefined();
    expect(read.synthetic.attributes).toEqual(["communities"]);
  });
  it.each([
    ["an unknown contract version", { contract: 3 }, /contract/],
    ["synthetic as a v1 list in a v2 file", { contract: 2, area: { name: "x", level: "county" }, synthetic: ["streets"] }, /synthetic/],
    ["an area level not in the hierarchy", { contract: 2, area: { name: "x", level: "country" } }, /area.level/],
    ["an area code of 5 digits", { contract: 2, area: { name: "x", level: "county", code: "53010" } }, /area.code/],
  ])("rejects %s", (_label, patch, expected) => {
    expect(issuesOf(() => parseManifest("manifest.json", { ...manifest, ...patch })).join("\n")).toMatch(expected);
  });
  it.each([
    ["GCJ-02 crs", { crs: "GCJ-02" }, /crs: must be "EPSG:4326"/],
    ["bad date", { asOf: "31/10/2026" }, /asOf/],
    ["unknown layer", { layers: { roads: "roads.geojson" } }, /layers/],
    ["no sources", { sources: [] }, /sources/],
  ])("rejects %s", (_label, patch, expected) => {
    expect(issuesOf(() => parseManifest("manifest.json", { ...manifest, ...patch })).join("\n")).toMatch(expected);
  });
});
