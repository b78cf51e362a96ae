import gcoord from "gcoord";
import proj4 from "proj4";
import { describe, expect, it } from "vitest";
import { METRES_PER_DEGREE_LATITUDE, METRES_PER_DEGREE_LONGITUDE_AT_EQUATOR } from "../earth.ts";
import { converterTo84, crsFromDefinition, detectCrs, gaussKrugerCrs, parseCrsDeclaration, type Position2 } from "./crs.ts";

/** Metres between two WGS84 positions (equirectangular, fine below a kilometre). */
const metres = ([x1, y1]: Position2, [x2, y2]: Position2) =>
  Math.hypot((x1 - x2) * METRES_PER_DEGREE_LONGITUDE_AT_EQUATOR * Math.cos((y1 * Math.PI) / 180), (y1 - y2) * METRES_PER_DEGREE_LATITUDE);

// 昆明 翠湖公园 (WGS84) and its GCJ-02 / BD-09 coordinates as 高德 and 百度 show them (gcoord's forward transforms).
const CUIHU: Position2 = [102.70446, 25.04842];
const CUIHU_GCJ = gcoord.transform(CUIHU, gcoord.WGS84, gcoord.GCJ02) as Position2;
const CUIHU_BD = gcoord.transform(CUIHU, gcoord.WGS84, gcoord.BD09) as Position2;

describe("conversion to WGS84", () => {
  it("brings a GCJ-02 point back within 1 m of the reference", () => {
    expect(metres(CUIHU_GCJ, CUIHU)).toBeGreaterThan(100);
    expect(metres(converterTo84(parseCrsDeclaration("gcj02") as never)(CUIHU_GCJ), CUIHU)).toBeLessThan(1);
  });

  it("brings a BD-09 point back within 1 m of the reference", () => {
    expect(metres(converterTo84(parseCrsDeclaration("bd09") as never)(CUIHU_BD), CUIHU)).toBeLessThan(1);
  });

  it("inverts CGCS2000 3° Gauss-Krüger zone 34 (EPSG:4522) within 1 m", () => {
    const crs = gaussKrugerCrs(4522);
    expect(crs?.label).toContain("102°E");
    const projected = proj4("+proj=tmerc +lat_0=0 +lon_0=102 +k=1 +x_0=34500000 +y_0=0 +ellps=GRS80 +units=m +no_defs", "EPSG:4326").inverse(
      CUIHU,
    ) as Position2;
    expect(metres(converterTo84(crs as never)(projected), CUIHU)).toBeLessThan(1);
  });

  it.each([
    [4491, 75],
    [4501, 135],
    [4502, 75],
    [4534, 75],
    [4543, 102],
    [4554, 135],
  ])("EPSG:%i has central meridian %i°E", (epsg, meridian) => {
    expect(gaussKrugerCrs(epsg)?.proj4).toContain(`+lon_0=${meridian} `);
  });

  it("refuses declarations it does not know, saying what it knows", () => {
    expect(parseCrsDeclaration("EPSG:2000")).toEqual({ error: expect.stringContaining("4491-4554") });
    expect(parseCrsDeclaration("mars")).toEqual({ error: expect.stringContaining("not a coordinate system") });
  });

  it("reads a projected .prj and a geographic one", () => {
    expect(
      crsFromDefinition(
        'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
      ),
    ).toMatchObject({ kind: "geographic" });
    expect(crsFromDefinition("nonsense")).toHaveProperty("error");
  });
});

const around = (centre: Position2, spread: number) =>
  Array.from({ length: 50 }, (_, index): Position2 => [centre[0] + ((index % 7) - 3) * spread, centre[1] + ((index % 5) - 2) * spread]);

/** The system a detection chose; fails the test when it refused. */
function chosen(detection: ReturnType<typeof detectCrs>) {
  if ("refuse" in detection) throw new Error(`refused: ${detection.refuse}`);
  return detection.crs;
}

describe("detection", () => {
  it("takes degrees in China as WGS84 when nothing can tell, and says so", () => {
    const detection = detectCrs({ positions: around(CUIHU, 0.01) });
    expect(detection).toMatchObject({ crs: { id: "EPSG:4326" }, certainty: "assumed" });
  });

  it("finds swapped axes", () => {
    const detection = detectCrs({ positions: around(CUIHU, 0.01).map(([x, y]): Position2 => [y, x]) });
    expect(detection).toMatchObject({ crs: { id: "EPSG:4326", swapped: true } });
    expect(converterTo84(chosen(detection))([25, 102])).toEqual([102, 25]);
  });

  it("takes Baidu and GCJ-02 hints from names", () => {
    expect(detectCrs({ positions: around(CUIHU_BD, 0.01), names: ["stations.csv", "百度经度", "百度纬度"] })).toMatchObject({ crs: { id: "BD-09" } });
    expect(detectCrs({ positions: around(CUIHU_GCJ, 0.01), names: ["poi_gcj02.geojson"] })).toMatchObject({ crs: { id: "GCJ-02" } });
  });

  it("uses the loaded dataset as evidence: the conversion that puts features in their parents wins", () => {
    // Evidence: a feature is "inside" when its converted position is within 50 m of the true one.
    const truth = around(CUIHU, 0.005);
    const given = truth.map((position) => gcoord.transform(position, gcoord.WGS84, gcoord.GCJ02) as Position2);
    const evidence = (convert: (position: Position2) => Position2) =>
      given.filter((position, index) => metres(convert(position), truth[index] ?? [0, 0]) < 50).length / given.length;
    const detection = detectCrs({ positions: given, evidence });
    expect(detection).toMatchObject({
      crs: { id: "GCJ-02" },
      certainty: "detected",
      reason: expect.stringMatching(/100% .* GCJ-02, against 0% as given/),
      reasonZh: expect.stringMatching(/按 GCJ-02 转换后,抽样要素有 100% 落在其上级单位内,未转换时为 0%/),
    });
  });

  it("keeps WGS84 when the evidence says the data is already in place", () => {
    const truth = around(CUIHU, 0.005);
    const evidence = (convert: (position: Position2) => Position2) =>
      truth.filter((position) => metres(convert(position), position) < 50).length / truth.length;
    expect(detectCrs({ positions: truth, evidence })).toMatchObject({ crs: { id: "EPSG:4326" }, certainty: "detected" });
  });

  it("reads the zone number of a Gauss-Krüger easting, in either axis order", () => {
    const projected = around(CUIHU, 0.01).map(
      (position) =>
        proj4("+proj=tmerc +lat_0=0 +lon_0=102 +k=1 +x_0=34500000 +y_0=0 +ellps=GRS80 +units=m +no_defs", "EPSG:4326").inverse(position) as Position2,
    );
    expect(detectCrs({ positions: projected })).toMatchObject({ crs: { id: "EPSG:4522" } });
    expect(detectCrs({ positions: projected.map(([x, y]): Position2 => [y, x]) })).toMatchObject({ crs: { id: "EPSG:4522", swapped: true } });
  });

  it("recognises Web Mercator metres", () => {
    const mercator = around(CUIHU, 0.01).map((position) => proj4("EPSG:4326", "EPSG:3857").forward(position) as Position2);
    const detection = detectCrs({ positions: mercator });
    expect(detection).toMatchObject({ crs: { id: "EPSG:3857" } });
    expect(metres(converterTo84(chosen(detection))(mercator[0] ?? [0, 0]), around(CUIHU, 0.01)[0] ?? [0, 0])).toBeLessThan(1);
  });

  it("refuses Gauss-Krüger without a zone number and no .prj, saying why", () => {
    const plain = around(CUIHU, 0.01).map(
      (position) => proj4("+proj=tmerc +lat_0=0 +lon_0=102 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs", "EPSG:4326").inverse(position) as Position2,
    );
    expect(detectCrs({ positions: plain })).toEqual({
      refuse: expect.stringContaining("central meridian cannot be known"),
      refuseZh: expect.stringContaining("无法确定中央经线"),
    });
    expect(detectCrs({ positions: plain, declared: "EPSG:4543" })).toMatchObject({ crs: { id: "EPSG:4543" } });
  });
});
