// The units of an atlas: every county, township or community inside the chosen area, with the
// outline and bounds its page is framed on and the figures its KPI box shows. Read from the
// engine's model, so a tiled dataset (outlines from its attribute table) makes an atlas as a
// GeoJSON one does. Pure.
import type { MultiPolygon, Polygon } from "geojson";
import type { LayerName } from "../data/contract.ts";
import { unitReport, type Analysis, type UnitReport } from "./analysis.ts";
import type { Totals } from "./indicators.ts";
import type { Bbox } from "./model.ts";

export const ATLAS_SCOPES = ["districts", "streets", "communities"] as const;
export type AtlasScope = (typeof ATLAS_SCOPES)[number];

export interface AtlasUnit {
  layer: AtlasScope;
  code: string;
  name: string;
  bbox: Bbox;
  geometry: Polygon | MultiPolygon;
  report: UnitReport;
}

/** The area the explorer shows: a selected prefecture, district, street or community, or the whole dataset. */
export interface AtlasArea {
  layer: LayerName | null;
  code: string | null;
}

const byCode = (a: AtlasUnit, b: AtlasUnit) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** Units of `scope` inside `area`, in code order. */
export function atlasUnits(analysis: Pick<Analysis, "model" | "rollup">, scope: AtlasScope, area: AtlasArea): AtlasUnit[] {
  const { model, rollup } = analysis;
  // The chain of codes above each unit, so any selected level can contain it.
  const districtChain = (index: number) => {
    const district = model.districts[index];
    return [district?.code, model.prefectures[district?.prefectureIndex ?? -1]?.code];
  };
  const streetChain = (index: number) => {
    const street = model.streets[index];
    return [street?.code, ...districtChain(street?.districtIndex ?? -1)];
  };
  // The selected unit's own chain: a community selected gives an atlas of its township, not of nothing.
  const areaChain: ReadonlyArray<string | undefined> = (() => {
    if (area.layer === "districts") return districtChain(model.districts.findIndex((row) => row.code === area.code));
    if (area.layer === "streets") return streetChain(model.streets.findIndex((row) => row.code === area.code));
    if (area.layer === "communities") {
      const community = model.communities.find((row) => row.code === area.code);
      return community ? [community.code, ...streetChain(community.streetIndex)] : [];
    }
    return [area.code ?? undefined];
  })();
  const bounded = area.code !== null && ["prefectures", "districts", "streets", "communities"].includes(area.layer ?? "");
  const inArea = (chain: ReadonlyArray<string | undefined>) =>
    !bounded || chain.includes(area.code ?? undefined) || (chain[0] !== undefined && areaChain.includes(chain[0]));
  const unit = (
    layer: AtlasScope,
    row: { code: string; name: string; bbox: Bbox; geometry: Polygon | MultiPolygon },
    parent: string | null,
    totals: Totals | undefined,
  ): AtlasUnit | null =>
    totals
      ? { layer, code: row.code, name: row.name, bbox: row.bbox, geometry: row.geometry, report: unitReport(LEVEL[layer], row.code, row.name, parent, totals) }
      : null;
  const units =
    scope === "districts"
      ? model.districts.map((row, index) =>
          inArea(districtChain(index)) ? unit(scope, row, model.prefectures[row.prefectureIndex]?.code ?? null, rollup.districts[index]) : null,
        )
      : scope === "streets"
        ? model.streets.map((row, index) =>
            inArea(streetChain(index)) ? unit(scope, row, model.districts[row.districtIndex]?.code ?? null, rollup.streets[index]) : null,
          )
        : model.communities.map((row, index) =>
            inArea([row.code, ...streetChain(row.streetIndex)])
              ? unit(scope, row, model.streets[row.streetIndex]?.code ?? null, rollup.communities[index])
              : null,
          );
  return units.filter((entry): entry is AtlasUnit => entry !== null).toSorted(byCode);
}

const LEVEL = { districts: "district", streets: "street", communities: "community" } as const;
