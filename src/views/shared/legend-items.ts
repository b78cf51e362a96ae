// The legend of what is visible, built from the same state and palette as the map: the layer
// panel and the snapshot sheet both draw it, so neither can drift from the map.
import { formatIndicatorValue } from "../../domain/indicator-format.ts";
import { INDICATORS } from "../../domain/indicator-registry.ts";
import { classRange, type AreaColouring, type Choropleth } from "../../layers/choropleth.ts";
import { mayBeUnknown, type CompoundColouring } from "../../layers/compound-colouring.ts";
import { palette, rgbaToCss } from "../../layers/palette.ts";
import type { LayerVisibility, OverlayLayer } from "../../layers/visibility.ts";
import type { LegendItem } from "../../export/legend-scene.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import { indicatorLabel } from "./indicator-text.ts";

export interface LegendGroup {
  id: OverlayLayer | "areas" | "planned" | "changes" | "arcs";
  title: string;
  items: LegendItem[];
  /** A line under the items (the sandtable's "what height means"). */
  note?: string;
}

export interface LegendState {
  visibility: LayerVisibility;
  colouring: CompoundColouring;
  /** Service distance in metres (station access bands, service areas). */
  serviceDistance: number;
  areaColouring: AreaColouring | null;
  choropleth: Choropleth | null;
  /** Whether what-if stations are on the map. */
  planned: boolean;
  /** The sandtable's height range ([lowest, highest] value of the coloured indicator), when the areas are raised. */
  heightDomain?: [number, number] | null;
}

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

function compoundItems(colouring: CompoundColouring, metres: number, t: Translate): LegendItem[] {
  if (colouring === "stationAccess") {
    const near = Math.round(metres / 2);
    return [
      { label: t("colouring.stationAccess.near", { metres: near }), colour: rgbaToCss(palette.accessNear), shape: "fill" },
      { label: t("colouring.stationAccess.within", { near, metres }), colour: rgbaToCss(palette.accessWithin), shape: "fill" },
      { label: t("colouring.stationAccess.beyond", { metres }), colour: rgbaToCss(palette.accessBeyond), shape: "fill" },
    ];
  }
  const items: LegendItem[] = [
    { label: t(`colouring.${colouring}.yes`), colour: rgbaToCss(palette.compoundCovered), shape: "fill" },
    { label: t(`colouring.${colouring}.no`), colour: rgbaToCss(palette.compoundGap), shape: "fill" },
  ];
  if (mayBeUnknown(colouring)) items.push({ label: t("colouring.unknown"), colour: palette.choroplethMissing, shape: "fill" });
  return items;
}

function areaItems(choropleth: Choropleth, t: Translate): LegendItem[] {
  const format = INDICATORS[choropleth.indicator].format;
  const items = choropleth.classes.map((entry): LegendItem => ({ label: classRange(entry, format), colour: entry.colour, shape: "fill" }));
  if (choropleth.missing.length > 0) items.push({ label: t("legend.missing"), colour: palette.choroplethMissing, shape: "fill" });
  return items;
}

/** Legend groups for the visible layers, top to bottom in map order (points first). */
export function legendGroups(state: LegendState, t: Translate): LegendGroup[] {
  const { visibility } = state;
  const groups: LegendGroup[] = [];
  if (state.planned)
    groups.push({ id: "planned", title: t("legend.planned"), items: [{ label: t("legend.planned"), colour: palette.selection, shape: "ring" }] });
  if (visibility.gaps) {
    groups.push({
      id: "gaps",
      title: t("layer.gaps"),
      items: [
        { label: t("severity.high"), colour: palette.gapHigh, shape: "dot" },
        { label: t("severity.medium"), colour: palette.gapMedium, shape: "dot" },
        { label: t("severity.low"), colour: palette.gapLow, shape: "dot" },
      ],
    });
  }
  if (visibility.stations) {
    groups.push({
      id: "stations",
      title: t("layer.stations"),
      items: [
        { label: t("legend.station"), colour: rgbaToCss(palette.station), shape: "dot" },
        { label: t("legend.stationRoom"), colour: rgbaToCss(palette.stationRoom), shape: "dot" },
      ],
    });
  }
  if (visibility.serviceAreas) {
    groups.push({
      id: "serviceAreas",
      title: t("layer.serviceAreas"),
      items: [{ label: t("legend.serviceArea", { metres: state.serviceDistance }), colour: rgbaToCss(palette.serviceAreaLine), shape: "ring" }],
    });
  }
  if (visibility.compounds)
    groups.push({ id: "compounds", title: t(`colouring.${state.colouring}`), items: compoundItems(state.colouring, state.serviceDistance, t) });
  if (visibility.grids)
    groups.push({ id: "grids", title: t("layer.grids"), items: [{ label: t("layer.grids"), colour: rgbaToCss(palette.gridLine), shape: "line" }] });
  if (visibility.communities)
    groups.push({
      id: "communities",
      title: t("layer.communities"),
      items: [{ label: t("layer.communities"), colour: rgbaToCss(palette.communityLine), shape: "line" }],
    });
  if (visibility.streets)
    groups.push({ id: "streets", title: t("layer.streets"), items: [{ label: t("layer.streets"), colour: rgbaToCss(palette.streetLine), shape: "line" }] });
  if (state.areaColouring && state.choropleth) {
    const level = t(`layer.${state.areaColouring.level}`);
    const indicator = state.areaColouring.indicator;
    const domain = state.heightDomain;
    const format = INDICATORS[indicator].format;
    const note = domain
      ? t("sandtable.height", {
          indicator: indicatorLabel(t, indicator, "map"),
          low: formatIndicatorValue(domain[0], format),
          high: formatIndicatorValue(domain[1], format),
        })
      : undefined;
    groups.push({ id: "areas", title: `${level} · ${indicatorLabel(t, indicator, "map")}`, items: areaItems(state.choropleth, t), ...(note ? { note } : {}) });
  }
  return groups;
}
