// Shareable view state in the URL. Configuration (language, dataset) sits in the query string;
// the view (camera, visible layers) in the hash, updated as the user moves. Pure and round-trip tested.
import { DEFAULT_VISIBILITY, OVERLAY_LAYERS, type LayerVisibility, type OverlayLayer } from "../layers/visibility.ts";
import { LAYER_NAMES, type LayerName } from "../data/contract.ts";
import { GAP_KINDS, type GapKind } from "../domain/gaps.ts";
import { COMPOUND_COLOURINGS, type CompoundColouring } from "../layers/compound-colouring.ts";
import { DEFAULT_THRESHOLDS } from "../domain/indicators.ts";
import type { Camera } from "../views/map/map-adapter.ts";
import type { Language } from "../views/i18n/i18n.ts";
import { AREA_INDICATORS, type AreaColouring, type AreaLevel } from "../layers/choropleth.ts";
import type { WhatIfPlan } from "../views/shared/what-if-plan.ts";
import type { MapFilters } from "../views/shared/map-filters.ts";
import { CHART_INDICATORS, type ChartIndicatorId } from "../views/charts/chart-indicators.ts";
import { INDICATOR_IDS } from "../domain/indicator-registry.ts";
import type { ProgrammeView } from "../views/programmes/programme-view.ts";
import { DEFAULT_DATASET } from "../data/first-files.ts";

const AREA_LEVELS: readonly AreaLevel[] = ["streets", "communities"];

export interface UrlState {
  language: Language;
  /** Manifest URL of the dataset, relative to the page. */
  dataset: string;
  camera: Camera | null;
  visibility: LayerVisibility;
  /** The unit whose card is open. */
  selection: { layer: LayerName; id: string } | null;
  /** What-if planning: on or off, new, moved and removed stations, and the service distance in metres. */
  whatIf: { active: boolean } & WhatIfPlan;
  /** The gap list's kind filter, or "all". */
  gapKind: GapKind | "all";
  /** What compounds are coloured by. */
  colouring: CompoundColouring;
  /** Which areas are filled by which rolled-up indicator, if any. */
  areaColouring: AreaColouring | null;
  /** Filters: only compounds in the gap state; areas whose indicator is below / at least a value. */
  filters: MapFilters;
  /** A drawn rectangle or lasso whose contents are summarised ([longitude, latitude] ring). */
  shape: Array<[number, number]> | null;
  /** The indicator the side chart ranks the area's children by. */
  chartIndicator: ChartIndicatorId;
  /** 考核督导: the date shown, the date compared with, and whether the 双报到 arcs are drawn. */
  programmes: ProgrammeView;
  /** The 3D sandtable: the camera tilted, the coloured areas raised by their indicator. */
  sandtable: boolean;
}

/** What `npm start` opens: the province, the product's main user. The city is one link away (`?data=data/kunming/tiled/manifest.json`). */
export { DEFAULT_DATASET };

/** `zoom/latitude/longitude`, then the bearing in degrees when the map is turned (the 3D sandtable). */
function parseCamera(value: string | null): Camera | null {
  if (!value) return null;
  const parts = value.split("/").map(Number);
  if (parts.length < 3 || parts.length > 4 || parts.some((part) => !Number.isFinite(part))) return null;
  const [zoom = 0, latitude = 0, longitude = 0, bearing = 0] = parts;
  if (zoom < 0 || zoom > 24 || Math.abs(latitude) > 90 || Math.abs(longitude) > 180 || Math.abs(bearing) > 180) return null;
  return { zoom, latitude, longitude, ...(bearing !== 0 ? { bearing } : {}) };
}

function parseVisibility(value: string | null): LayerVisibility {
  if (value === null) return { ...DEFAULT_VISIBILITY };
  const shown = new Set(value.split(",").filter(Boolean));
  return Object.fromEntries(OVERLAY_LAYERS.map((layer) => [layer, shown.has(layer)])) as LayerVisibility;
}

function parseSelection(value: string | null): UrlState["selection"] {
  if (!value) return null;
  const separator = value.indexOf(":");
  const layer = value.slice(0, separator) as LayerName;
  const id = value.slice(separator + 1);
  return separator > 0 && id && LAYER_NAMES.includes(layer) ? { layer, id } : null;
}

function parsePlanned(value: string | null): Array<[number, number]> {
  if (!value) return [];
  return value.split(";").flatMap((pair): Array<[number, number]> => {
    const [longitude, latitude] = pair.split(",").map(Number);
    const valid =
      longitude !== undefined &&
      latitude !== undefined &&
      Number.isFinite(longitude) &&
      Number.isFinite(latitude) &&
      Math.abs(longitude) <= 180 &&
      Math.abs(latitude) <= 90;
    return valid ? [[longitude, latitude]] : [];
  });
}

function parsePosition(text: string | undefined): [number, number] | null {
  const [longitude, latitude] = (text ?? "").split(",").map(Number);
  const valid =
    longitude !== undefined &&
    latitude !== undefined &&
    Number.isFinite(longitude) &&
    Number.isFinite(latitude) &&
    Math.abs(longitude) <= 180 &&
    Math.abs(latitude) <= 90;
  return valid ? [longitude, latitude] : null;
}

function parseMoved(value: string | null): WhatIfPlan["moved"] {
  if (!value) return [];
  return value.split(";").flatMap((entry) => {
    const [id, at] = entry.split("@");
    const position = parsePosition(at);
    return id && position ? [{ id, position }] : [];
  });
}

/** Moved and removed stations, each id once: a removal wins over a move, the last move over earlier ones. */
function parseStationEdits(moves: string | null, removals: string | null): Pick<WhatIfPlan, "moved" | "removed"> {
  const removed = [...new Set((removals ?? "").split(",").filter(Boolean))];
  const lastMove = new Map(parseMoved(moves).map((move) => [move.id, move]));
  return { moved: [...lastMove.values()].filter((move) => !removed.includes(move.id)), removed };
}

function parseAreaColouring(value: string | null): AreaColouring | null {
  const [level, indicator] = (value ?? "").split(":");
  const knownLevel = AREA_LEVELS.find((candidate) => candidate === level);
  const knownIndicator = AREA_INDICATORS.find((candidate) => candidate === indicator);
  return knownLevel && knownIndicator ? { level: knownLevel, indicator: knownIndicator } : null;
}

function parseAreaFilter(value: string | null): MapFilters["area"] {
  const [comparison, threshold] = (value ?? "").split(":");
  const number = Number(threshold);
  return (comparison === "below" || comparison === "atLeast") && threshold !== "" && Number.isFinite(number) ? { comparison, value: number } : null;
}

function parseShape(value: string | null): Array<[number, number]> | null {
  const ring = parsePlanned(value);
  return ring.length >= 3 ? ring : null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (value: string | null | undefined): value is string => typeof value === "string" && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value));

function parseProgrammes(view: URLSearchParams): ProgrammeView {
  const asOf = view.get("asof");
  const [from, level, indicator] = (view.get("cmp") ?? "").split(":");
  const knownLevel = AREA_LEVELS.find((candidate) => candidate === level);
  const knownIndicator = INDICATOR_IDS.find((candidate) => candidate === indicator && candidate !== "gapCount");
  return {
    asOf: isDate(asOf) ? asOf : null,
    compare: isDate(from) && knownLevel && knownIndicator && knownIndicator !== "gapCount" ? { from, level: knownLevel, indicator: knownIndicator } : null,
    arcs: view.get("arcs") === "1",
  };
}

function parseDistance(value: string | null): number {
  const metres = Number(value);
  return value !== null && Number.isFinite(metres) && metres >= 100 && metres <= 20_000 ? metres : DEFAULT_THRESHOLDS.serviceDistanceMetres;
}

export function parseUrl(search: string, hash: string): UrlState {
  const query = new URLSearchParams(search);
  const view = new URLSearchParams(hash.replace(/^#/, ""));
  return {
    language: query.get("lang") === "en" ? "en" : "zh",
    dataset: query.get("data") || DEFAULT_DATASET,
    camera: parseCamera(view.get("map")),
    visibility: parseVisibility(view.get("layers")),
    selection: parseSelection(view.get("sel")),
    whatIf: {
      active: view.get("whatif") === "1",
      planned: parsePlanned(view.get("wi")),
      ...parseStationEdits(view.get("wm"), view.get("wr")),
      serviceDistance: parseDistance(view.get("sd")),
    },
    gapKind: GAP_KINDS.find((kind) => kind === view.get("gk")) ?? "all",
    colouring: COMPOUND_COLOURINGS.find((colouring) => colouring === view.get("cb")) ?? "partyBranch",
    areaColouring: parseAreaColouring(view.get("ac")),
    filters: { onlyGaps: view.get("og") === "1", area: parseAreaFilter(view.get("af")) },
    shape: parseShape(view.get("shp")),
    chartIndicator: CHART_INDICATORS.find((indicator) => indicator === view.get("ci")) ?? "partyBranchCoverage",
    sandtable: view.get("3d") === "1",
    programmes: parseProgrammes(view),
  };
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

export function serializeUrl(state: UrlState): { search: string; hash: string } {
  const query = new URLSearchParams();
  if (state.language !== "zh") query.set("lang", state.language);
  if (state.dataset !== DEFAULT_DATASET) query.set("data", state.dataset);
  const view = new URLSearchParams();
  if (state.camera) {
    const { zoom, latitude, longitude, bearing } = state.camera;
    const turned = bearing !== undefined && round(bearing, 1) !== 0 ? `/${round(bearing, 1)}` : "";
    view.set("map", `${round(zoom, 2)}/${round(latitude, 5)}/${round(longitude, 5)}${turned}`);
  }
  const shown = OVERLAY_LAYERS.filter((layer: OverlayLayer) => state.visibility[layer]);
  if (OVERLAY_LAYERS.some((layer) => state.visibility[layer] !== DEFAULT_VISIBILITY[layer])) view.set("layers", shown.join(","));
  if (state.selection) view.set("sel", `${state.selection.layer}:${state.selection.id}`);
  if (state.whatIf.active) view.set("whatif", "1");
  if (state.whatIf.planned.length > 0)
    view.set("wi", state.whatIf.planned.map(([longitude, latitude]) => `${round(longitude, 5)},${round(latitude, 5)}`).join(";"));
  if (state.whatIf.moved.length > 0)
    view.set("wm", state.whatIf.moved.map(({ id, position: [longitude, latitude] }) => `${id}@${round(longitude, 5)},${round(latitude, 5)}`).join(";"));
  if (state.whatIf.removed.length > 0) view.set("wr", state.whatIf.removed.join(","));
  if (state.whatIf.serviceDistance !== DEFAULT_THRESHOLDS.serviceDistanceMetres) view.set("sd", String(state.whatIf.serviceDistance));
  if (state.gapKind !== "all") view.set("gk", state.gapKind);
  if (state.colouring !== "partyBranch") view.set("cb", state.colouring);
  if (state.areaColouring) view.set("ac", `${state.areaColouring.level}:${state.areaColouring.indicator}`);
  if (state.filters.onlyGaps) view.set("og", "1");
  if (state.filters.area) view.set("af", `${state.filters.area.comparison}:${state.filters.area.value}`);
  if (state.chartIndicator !== "partyBranchCoverage") view.set("ci", state.chartIndicator);
  if (state.sandtable) view.set("3d", "1");
  if (state.programmes.asOf) view.set("asof", state.programmes.asOf);
  if (state.programmes.compare) view.set("cmp", `${state.programmes.compare.from}:${state.programmes.compare.level}:${state.programmes.compare.indicator}`);
  if (state.programmes.arcs) view.set("arcs", "1");
  if (state.shape) view.set("shp", state.shape.map(([longitude, latitude]) => `${round(longitude, 5)},${round(latitude, 5)}`).join(";"));
  const search = query.toString();
  // URLSearchParams escapes "/" and ","; they are safe in a fragment and easier to read unescaped.
  const hash = view.toString().replaceAll("%2F", "/").replaceAll("%2C", ",").replaceAll("%3A", ":").replaceAll("%3B", ";").replaceAll("%40", "@");
  return { search: search ? `?${search}` : "", hash: hash ? `#${hash}` : "" };
}
