// The registry's indicators in words: the label each place shows and the definition with the
// thresholds in force filled in. The registry holds message keys as plain strings (domain cannot
// import views); the return types below make a key the messages lack a compile error.
import { definitionValues, INDICATORS, type IndicatorId } from "../../domain/indicator-registry.ts";
import { DEFAULT_THRESHOLDS, type Thresholds } from "../../domain/indicators.ts";
import type { MessageKey, Translate } from "../i18n/i18n.ts";

/** Where a label is shown: the map (area colouring, legend, filter) and the wall word a few apart. */
export type LabelPlace = "panel" | "map" | "wall";

export function labelKey(id: IndicatorId, place: LabelPlace = "panel"): MessageKey {
  const spec = INDICATORS[id];
  if (place === "map" && "mapLabel" in spec) return spec.mapLabel;
  if (place === "wall" && "wallLabel" in spec) return spec.wallLabel;
  return spec.label;
}

export function definitionKey(id: IndicatorId): MessageKey {
  return INDICATORS[id].definition;
}

export function indicatorLabel(t: Translate, id: IndicatorId, place: LabelPlace = "panel"): string {
  return t(labelKey(id, place));
}

/** The definition as hover text; views without thresholds of their own show the defaults'. */
export function indicatorDefinition(t: Translate, id: IndicatorId, thresholds: Thresholds = DEFAULT_THRESHOLDS): string {
  return t(definitionKey(id), definitionValues(id, thresholds));
}
