// The units of an atlas: every street (or community) inside the chosen area, with the geometry
// and bounds its page is framed on and the figures its KPI box shows.
import type { MultiPolygon, Polygon } from "geojson";
import type { LayerName } from "../../data/contract.ts";
import type { UnitReport } from "../../domain/analysis.ts";
import type { Layers } from "../../domain/dataset.ts";
import { bboxOf, type Bbox } from "../../domain/model.ts";
import type { AtlasScope } from "./snapshot-query.ts";

export interface AtlasUnit {
  layer: AtlasScope;
  code: string;
  name: string;
  bbox: Bbox;
  geometry: Polygon | MultiPolygon;
  report: UnitReport | undefined;
}

/** The area the explorer shows: a selected district, street or community, or the whole dataset. */
export interface AtlasArea {
  layer: LayerName | null;
  code: string | null;
}

export interface AtlasReports {
  streets?: readonly UnitReport[];
  communities?: readonly UnitReport[];
}

function inArea(area: AtlasArea, codes: { district: string; street: string; community?: string }): boolean {
  if (!area.code) return true;
  if (area.layer === "districts") return codes.district === area.code;
  if (area.layer === "streets") return codes.street === area.code;
  if (area.layer === "communities") return codes.community === undefined ? codes.street === area.code.slice(0, 9) : codes.community === area.code;
  return true;
}

const byCode = (list: readonly UnitReport[] | undefined) => new Map((list ?? []).map((report) => [report.code, report]));

/** Units of `scope` inside `area`, in code order; units without usable geometry are left out. */
export function atlasUnits(layers: Pick<Layers, "streets" | "communities">, scope: AtlasScope, area: AtlasArea, reports: AtlasReports = {}): AtlasUnit[] {
  const streetDistrict = new Map(layers.streets.features.map((feature) => [feature.properties.code, feature.properties.districtCode]));
  if (scope === "streets") {
    const found = byCode(reports.streets);
    return layers.streets.features
      .filter((feature) => feature.geometry && inArea(area, { district: feature.properties.districtCode, street: feature.properties.code }))
      .map((feature) => ({ layer: scope, code: feature.properties.code, name: feature.properties.name, bbox: bboxOf(feature.geometry), geometry: feature.geometry, report: found.get(feature.properties.code) }))
      .toSorted((a, b) => a.code.localeCompare(b.code));
  }
  const found = byCode(reports.communities);
  return layers.communities.features
    .filter((feature) => {
      const { code, streetCode } = feature.properties;
      return feature.geometry && inArea(area, { district: streetDistrict.get(streetCode) ?? "", street: streetCode, community: code });
    })
    .map((feature) => ({ layer: scope, code: feature.properties.code, name: feature.properties.name, bbox: bboxOf(feature.geometry), geometry: feature.geometry, report: found.get(feature.properties.code) }))
    .toSorted((a, b) => a.code.localeCompare(b.code));
}
