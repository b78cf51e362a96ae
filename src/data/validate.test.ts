import { describe, expect, it } from "vitest";
import { DataError, describeIssue, parseLayer, parseManifest } from "./validate.ts";

const square = [[[102.7, 25.0], [102.71, 25.0], [102.71, 25.01], [102.7, 25.01], [102.7, 25.0]]];
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
    ["projected coordinates", collection(compound({}, { type: "Polygon", coordinates: [[[11434000, 2878000], [11435000, 2878000], [11435000, 2879000], [11434000, 2878000]]] })), /looks projected/],
    ["unclosed ring", collection(compound({}, { type: "Polygon", coordinates: [[[102.7, 25], [102.71, 25], [102.71, 25.01], [102.7, 25.01]]] })), /not closed/],
    ["NaN coordinate", collection(compound({}, { type: "Polygon", coordinates: [[[102.7, 25], [Number.NaN, 25], [102.71, 25.01], [102.7, 25]]] })), /finite numbers/],
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

  it("accepts a MultiPolygon with a hole", () => {
    const withHole = [
      [[102.0, 25.0], [102.1, 25.0], [102.1, 25.1], [102.0, 25.1], [102.0, 25.0]],
      [[102.04, 25.04], [102.04, 25.06], [102.06, 25.06], [102.06, 25.04], [102.04, 25.04]],
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
  it("accepts a valid manifest", () => {
    expect(parseManifest("manifest.json", manifest).id).toBe("kunming");
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
