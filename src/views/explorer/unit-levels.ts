// Unit levels as search hits, gaps and chart bars name them, and the layers that draw them:
// every way of choosing a unit (a hit, a gap, a bar) selects it in its layer.
import type { LayerName } from "../../data/contract.ts";
import type { SearchLevel } from "../../domain/search.ts";
import { levelLabel } from "../shared/field-labels.ts";
import type { Language } from "../i18n/i18n.ts";

export const LEVEL_LAYER: Readonly<Record<SearchLevel, LayerName>> = {
  prefecture: "prefectures",
  district: "districts",
  street: "streets",
  community: "communities",
  grid: "grids",
  compound: "compounds",
  station: "stations",
};

/** Layers of areas: a click drills down into one, and the gap list, charts and KPIs follow it. */
export const AREA_LAYERS: readonly LayerName[] = ["prefectures", "districts", "streets", "communities"];

export function isAreaLayer(layer: LayerName): boolean {
  return AREA_LAYERS.includes(layer);
}

/** Each level's heading in the search list, in the layer panel's words. */
export function levelLabels(language: Language): Record<SearchLevel, string> {
  return Object.fromEntries(Object.entries(LEVEL_LAYER).map(([level, layer]) => [level, levelLabel(layer, language)])) as Record<SearchLevel, string>;
}
