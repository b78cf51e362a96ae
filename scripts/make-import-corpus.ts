// Writes the import corpus, tests/fixtures/import/: small files in every format the import reads
// and one of each kind of bad file, made from the committed Kunming demo (public/data/kunming),
// so every expected answer is known. `npx tsx scripts/make-import-corpus.ts` rewrites them; the
// output is deterministic and committed. The 200 MB file is not here: tests generate it
// (scripts/lib/import/large-corpus.ts).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { zipSync, strToU8 } from "fflate";
import gcoord from "gcoord";
import type { Feature, FeatureCollection, Geometry, Point, Polygon, Position } from "geojson";
import proj4 from "proj4";
import { utils, write } from "xlsx";
import { encodeGbk, GK_ZONE_34_PRJ, WGS84_PRJ, writeDbf, writeShapes, type DbfField } from "./lib/import/shapefile-writer.ts";

const SOURCE = "public/data/kunming";
const OUT = "tests/fixtures/import";
/** 华山街道 (五华区): its communities, compounds and stations are the corpus. */
export const CORPUS_STREET = "530102001";

const read = <T extends Geometry>(file: string) => JSON.parse(readFileSync(join(SOURCE, file), "utf8")) as FeatureCollection<T, Record<string, unknown>>;
const round = (value: number, digits = 7) => Math.round(value * 10 ** digits) / 10 ** digits;
const toGcj = (position: Position) =>
  gcoord.transform([position[0] ?? 0, position[1] ?? 0], gcoord.WGS84, gcoord.GCJ02).map((value) => round(value)) as Position;
const toBd = (position: Position) => gcoord.transform([position[0] ?? 0, position[1] ?? 0], gcoord.WGS84, gcoord.BD09).map((value) => round(value)) as Position;
const gk34 = proj4("+proj=tmerc +lat_0=0 +lon_0=102 +k=1 +x_0=34500000 +y_0=0 +ellps=GRS80 +units=m +no_defs", "EPSG:4326");
const toGk = (position: Position) => gk34.inverse([position[0] ?? 0, position[1] ?? 0]).map((value) => round(value, 3)) as Position;
const text = (value: string) => strToU8(value);

const yesNo = (value: unknown) => (value === null ? "不详" : value ? "是" : "否");

function placemark(feature: Feature<Point, Record<string, unknown>>): string {
  const p = feature.properties;
  const data = ["id", "level", "streetCode", "communityCode", "socialWorkers", "openedOn"]
    .map((key) => `<Data name="${key}"><value>${p[key] ?? ""}</value></Data>`)
    .join("");
  return `<Placemark><name>${p.name}</name><ExtendedData>${data}</ExtendedData><Point><coordinates>${feature.geometry.coordinates.join(",")},0</coordinates></Point></Placemark>`;
}

function main() {
  mkdirSync(OUT, { recursive: true });
  const communities = read<Polygon>("communities.geojson").features.filter((feature) => feature.properties.streetCode === CORPUS_STREET);
  const codes = new Set(communities.map((feature) => feature.properties.code));
  const compounds = read<Polygon>("compounds.geojson").features.filter((feature) => codes.has(feature.properties.communityCode as string));
  const stations = read<Point>("stations.geojson").features.filter((feature) => feature.properties.streetCode === CORPUS_STREET);
  const files: Record<string, Uint8Array> = {};

  // Communities as a zipped Shapefile, GBK attributes, no .cpg, codes stored as numbers, and
  // households doubled so an import visibly changes the KPIs.
  const communityFields: DbfField[] = [
    { name: "编码", type: "N", length: 12 },
    { name: "名称", type: "C", length: 60 },
    { name: "街道编码", type: "N", length: 9 },
    { name: "类型", type: "C", length: 10 },
    { name: "户数", type: "N", length: 8 },
    { name: "人口", type: "N", length: 8 },
    { name: "党组织类型", type: "C", length: 10 },
    { name: "党员数", type: "N", length: 6 },
    { name: "大党委", type: "C", length: 4 },
    { name: "报到党员数", type: "N", length: 6 },
  ];
  const communityRecords = communities.map((feature) => {
    const p = feature.properties;
    return [
      Number(p.code),
      p.name as string,
      Number(p.streetCode),
      p.kind === "居委会" ? "社区居委会" : "村委会",
      (p.households as number) * 2,
      (p.population as number) * 2,
      (p.partyOrgType as string | null) ?? "",
      p.partyMembers as number,
      p.bigPartyCommittee === null ? "" : p.bigPartyCommittee ? "是" : "否",
      p.dualRegisteredMembers as number,
    ];
  });
  const communityShapes = writeShapes(communities.map((feature) => feature.geometry.coordinates));
  const communityDbf = writeDbf(communityFields, communityRecords, "gbk");
  files["communities-gbk.zip"] = zipSync(
    { "华山街道社区.shp": communityShapes.shp, "华山街道社区.shx": communityShapes.shx, "华山街道社区.dbf": communityDbf, "华山街道社区.prj": text(WGS84_PRJ) },
    { mtime: new Date("2026-12-05T00:00:00Z") },
  );
  // The same as loose files, with a .cpg that names the code page.
  files["loose/communities.shp"] = communityShapes.shp;
  files["loose/communities.shx"] = communityShapes.shx;
  files["loose/communities.dbf"] = communityDbf;
  files["loose/communities.prj"] = text(WGS84_PRJ);
  files["loose/communities.cpg"] = text("936");

  // Compounds in GCJ-02 (as copied from 高德), every one with a party branch.
  const gcjCompounds: FeatureCollection = {
    type: "FeatureCollection",
    features: compounds.map((feature) => ({
      ...feature,
      properties: { ...feature.properties, partyBranch: true },
      geometry: { type: "Polygon", coordinates: feature.geometry.coordinates.map((ring) => ring.map(toGcj)) },
    })),
  };
  files["compounds-gcj02.geojson"] = text(JSON.stringify(gcjCompounds));

  // Compounds as a zipped Shapefile in CGCS2000 3° Gauss-Krüger zone 34, with and without a .prj.
  const compoundFields: DbfField[] = [
    { name: "id", type: "C", length: 24 },
    { name: "name", type: "C", length: 60 },
    { name: "commcode", type: "C", length: 12 },
    { name: "hh", type: "N", length: 6 },
    { name: "buildings", type: "N", length: 4 },
    { name: "branch", type: "L", length: 1 },
  ];
  const compoundRecords = compounds.map((feature) => {
    const p = feature.properties;
    return [p.id as string, p.name as string, p.communityCode as string, p.households as number, p.buildings as number, p.partyBranch as boolean | null];
  });
  const gkShapes = writeShapes(compounds.map((feature) => feature.geometry.coordinates.map((ring) => ring.map(toGk))));
  const compoundDbf = writeDbf(compoundFields, compoundRecords, "utf-8");
  files["compounds-gk34.zip"] = zipSync(
    {
      "compounds.shp": gkShapes.shp,
      "compounds.shx": gkShapes.shx,
      "compounds.dbf": compoundDbf,
      "compounds.prj": text(GK_ZONE_34_PRJ),
      "compounds.cpg": text("UTF-8"),
    },
    { mtime: new Date("2026-12-05T00:00:00Z") },
  );
  const plainShapes = writeShapes(
    compounds.map((feature) =>
      feature.geometry.coordinates.map((ring) =>
        ring.map((position) => {
          const [x = 0, y = 0] = toGk(position);
          return [round(x - 34_000_000, 3), y];
        }),
      ),
    ),
  );
  files["compounds-gk-no-prj.zip"] = zipSync(
    { "compounds.shp": plainShapes.shp, "compounds.shx": plainShapes.shx, "compounds.dbf": compoundDbf },
    { mtime: new Date("2026-12-05T00:00:00Z") },
  );

  // Stations as a GBK CSV from a Chinese Excel: a title row, 百度 coordinates, a 合计 row.
  const stationRows = [
    ["华山街道社工站(室)台账"],
    ["编号", "站点名称", "级别", "街道编码", "社区编码", "社工人数", "建站日期", "百度经度", "百度纬度"],
    ...stations.map((feature) => {
      const p = feature.properties;
      const [x, y] = toBd(feature.geometry.coordinates);
      return [
        p.id,
        p.name,
        p.level === "街道" ? "街道(乡镇)" : "社区",
        p.streetCode,
        p.communityCode ?? "",
        `${p.socialWorkers}人`,
        (p.openedOn as string).replaceAll("-", "/"),
        x,
        y,
      ];
    }),
    ["合计", "", "", "", "", stations.reduce((sum, feature) => sum + (feature.properties.socialWorkers as number), 0), "", "", ""],
  ];
  const csv = stationRows
    .map((row) => row.map((cell) => (typeof cell === "string" && /[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : String(cell ?? ""))).join(","))
    .join("\r\n");
  files["stations-bd09-gbk.csv"] = encodeGbk(csv);

  // Stations whose x column holds the latitude and y the longitude, UTF-8 with a BOM.
  const swapped = [
    "id,name,level,streetCode,communityCode,socialWorkers,openedOn,x,y",
    ...stations.map((feature) => {
      const p = feature.properties;
      const [x, y] = feature.geometry.coordinates;
      return [p.id, p.name, p.level, p.streetCode, p.communityCode ?? "", p.socialWorkers, p.openedOn, y, x].join(",");
    }),
  ];
  files["stations-swapped.csv"] = new Uint8Array([0xef, 0xbb, 0xbf, ...text(swapped.join("\n"))]);

  // Compounds in an XLSX: two title rows, Chinese headers, 户 units, 是/否, WKT geometry, a total row.
  const sheetRows = [
    ["华山街道小区党组织覆盖情况统计表"],
    ["填报单位:华山街道党工委", null, null, "填报日期:2026年11月"],
    ["小区编号", "小区名称", "所属社区编码", "户数", "楼栋数", "是否建立党支部", "红色物业", "业委会", "WKT"],
    ...compounds.slice(0, 40).map((feature) => {
      const p = feature.properties;
      const ring = feature.geometry.coordinates[0] ?? [];
      return [
        p.id,
        p.name,
        Number(p.communityCode),
        `${p.households}户`,
        p.buildings,
        yesNo(p.partyBranch),
        yesNo(p.redProperty),
        yesNo(p.ownersCommittee),
        `POLYGON ((${ring.map((position) => position.join(" ")).join(", ")}))`,
      ];
    }),
    ["合计", null, null, compounds.slice(0, 40).reduce((sum, feature) => sum + (feature.properties.households as number), 0)],
  ];
  const book = utils.book_new();
  utils.book_append_sheet(book, utils.aoa_to_sheet(sheetRows), "小区");
  files["compounds.xlsx"] = new Uint8Array(write(book, { type: "buffer", bookType: "xlsx", compression: true }) as Buffer);
  // Stations in an old XLS, points as 经度/纬度 (WGS84).
  const xlsBook = utils.book_new();
  utils.book_append_sheet(
    xlsBook,
    utils.aoa_to_sheet([
      ["编号", "名称", "级别", "街道编码", "社区编码", "社工人数", "启用日期", "经度", "纬度"],
      ...stations.map((feature) => {
        const p = feature.properties;
        const [x, y] = feature.geometry.coordinates;
        return [p.id, p.name, p.level, p.streetCode, p.communityCode ?? "", p.socialWorkers, p.openedOn, x, y];
      }),
    ]),
    "Sheet1",
  );
  files["stations.xls"] = new Uint8Array(write(xlsBook, { type: "buffer", bookType: "biff8" }) as Buffer);

  // KML and KMZ.
  const kml = `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>社工站</name>${stations.map(placemark).join("\n")}</Document></kml>\n`;
  files["stations.kml"] = text(kml);
  files["stations.kmz"] = zipSync({ "doc.kml": text(kml) }, { mtime: new Date("2026-12-05T00:00:00Z") });

  // Files that cannot be read, each for its own reason.
  const whole = JSON.stringify({ type: "FeatureCollection", features: compounds.slice(0, 10) });
  files["bad/truncated.geojson"] = text(whole.slice(0, Math.floor(whole.length * 0.6)));
  files["bad/page.json"] = text("<!DOCTYPE html>\n<html><head><title>登录</title></head><body>请先登录</body></html>\n");
  files["bad/picture.geojson"] = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  files["bad/empty.geojson"] = new Uint8Array();
  files["bad/no-shapefile.zip"] = zipSync({ "说明.txt": text("数据见附件") }, { mtime: new Date("2026-12-05T00:00:00Z") });
  files["bad/not-json.geojson"] = text('{"type": "FeatureCollection", "features": [ {"type": "Feature", properties: {}} ] }');
  files["bad/problems.geojson"] = text(JSON.stringify(problemCompounds(compounds, communities), null, 1));
  files["bad/grids-problems.geojson"] = text(JSON.stringify(problemGrids(communities[0] as Feature<Polygon, Record<string, unknown>>)));
  files["bad/stations-outside.geojson"] = text(
    JSON.stringify({
      type: "FeatureCollection",
      features: [{ ...stations[0], properties: { ...stations[0]?.properties }, geometry: { type: "Point", coordinates: [103.5, 26.3] } }],
    }),
  );

  for (const [name, bytes] of Object.entries(files)) {
    mkdirSync(join(OUT, name, ".."), { recursive: true });
    writeFileSync(join(OUT, name), bytes);
  }
  console.log(`wrote ${Object.keys(files).length} files to ${OUT}`);
}

/** One compound per kind of problem, each named in its id, plus two good ones. */
function problemCompounds(compounds: Feature<Polygon, Record<string, unknown>>[], communities: Feature<Polygon, Record<string, unknown>>[]): FeatureCollection {
  const [good, second, template = good] = compounds;
  if (!good || !second || !template) throw new Error("the corpus street has too few compounds");
  const ring = template.geometry.coordinates[0] ?? [];
  const make = (id: string, geometry: unknown, changes: Record<string, unknown> = {}) => ({
    type: "Feature" as const,
    properties: { ...template.properties, id, name: `问题小区 ${id}`, ...changes },
    geometry,
  });
  const [x0 = 0, y0 = 0] = ring[0] ?? [];
  const far = communities.find((community) => community.properties.code !== template.properties.communityCode);
  const farRing = far?.geometry.coordinates[0] ?? ring;
  return {
    type: "FeatureCollection",
    features: [
      good,
      second,
      make("null-geometry", null),
      make("empty-geometry", { type: "Polygon", coordinates: [] }),
      make("wrong-type", { type: "LineString", coordinates: ring }),
      make("collection", { type: "GeometryCollection", geometries: [template.geometry] }),
      make("bowtie", {
        type: "Polygon",
        coordinates: [
          [
            [x0, y0],
            [x0 + 0.002, y0 + 0.002],
            [x0 + 0.002, y0],
            [x0, y0 + 0.002],
            [x0, y0],
          ],
        ],
      }),
      make("unclosed", { type: "Polygon", coordinates: [ring.slice(0, -1)] }),
      make("three-d", { type: "Polygon", coordinates: [ring.map((position) => [...position, 1890])] }),
      make("out-of-range", { type: "Polygon", coordinates: [ring.map(([x = 0, y = 0]) => [x + 200, y])] }),
      { ...second, properties: { ...second.properties, name: "重复编号的小区" } },
      make("negative", template.geometry, { households: -5 }),
      make("invisible", template.geometry, { name: "\u200b翠湖\u00a0花园 \u200d" }),
      make("blank-name", template.geometry, { name: "   " }),
      make("formula", template.geometry, { name: '=HYPERLINK("http://example.com")' }),
      make("unknown-community", template.geometry, { communityCode: "530102999999" }),
      make("outside", { type: "Polygon", coordinates: [farRing] }),
      make("bad-flag", template.geometry, { partyBranch: "可能" }),
    ] as unknown as Feature[],
  };
}

/** Three grids in one community: two overlapping squares and a third far corner, leaving gaps. */
function problemGrids(community: Feature<Polygon, Record<string, unknown>>): unknown {
  const ring = community.geometry.coordinates[0] ?? [];
  const xs = ring.map((position) => position[0] ?? 0);
  const ys = ring.map((position) => position[1] ?? 0);
  const [minX, minY, maxX, maxY] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  const width = (maxX - minX) / 4;
  const height = (maxY - minY) / 4;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const square = (x: number, y: number): Position[][] => [
    [
      [x, y],
      [x + width, y],
      [x + width, y + height],
      [x, y + height],
      [x, y],
    ].map(([a = 0, b = 0]) => [round(a), round(b)]),
  ];
  const grid = (id: string, coordinates: Position[][]) => ({
    type: "Feature",
    properties: { id, name: `网格 ${id}`, communityCode: community.properties.code, workers: 1, households: 300, buildingLeaders: 4 },
    geometry: { type: "Polygon", coordinates },
  });
  return { type: "FeatureCollection", features: [grid("G1", square(cx - width / 2, cy - height / 2)), grid("G2", square(cx - width / 4, cy - height / 4))] };
}

main();
