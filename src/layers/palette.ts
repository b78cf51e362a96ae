// One palette for map, legend, charts and exports. Colours are chosen to stay distinguishable
// for red-green colour-blind viewers: the gap colour differs from the covered colour in
// lightness, not only in hue.
import { schemeOrRd } from "d3";

export type Rgba = [number, number, number, number];

const ORRD_5 = schemeOrRd[5] as readonly [string, string, string, string, string];

export const palette = {
  background: "#e6eaee",
  land: "#faf8f3",
  water: "#a9cde6",
  waterLine: "#7fb0d3",
  districtLine: "#5c4f42",
  prefectureLine: "#3a2f26",
  labelText: "#2f3840",
  labelHalo: "#ffffff",
  streetLine: [122, 100, 72, 230] as Rgba,
  communityLine: [176, 160, 130, 200] as Rgba,
  gridLine: [120, 140, 160, 150] as Rgba,
  /** Compound with a party branch: the covered state. */
  compoundCovered: [178, 24, 43, 220] as Rgba,
  /** Compound without a party branch: the gap state, light so it reads apart from the dark red. */
  compoundGap: [253, 184, 99, 230] as Rgba,
  compoundLine: [90, 40, 30, 160] as Rgba,
  /** Street-level social-work station (社工站). */
  station: [33, 102, 172, 255] as Rgba,
  /** Community-level social-work room (社工室). */
  stationRoom: [53, 151, 143, 255] as Rgba,
  stationOutline: [255, 255, 255, 255] as Rgba,
  /**
   * Area choropleth ramps by class count (ColorBrewer OrRd from d3-scale-chromatic, colour-blind
   * safe): darker is worse. ColorBrewer starts at three classes; one and two take the five-class
   * ramp's middle and its inner pair.
   */
  choropleth: {
    1: [ORRD_5[2]],
    2: [ORRD_5[1], ORRD_5[3]],
    3: schemeOrRd[3] as readonly string[],
    4: schemeOrRd[4] as readonly string[],
    5: ORRD_5,
  } as Record<number, readonly string[]> & { 5: readonly string[] },
  /** An area whose indicator has no value (denominator zero): shown as missing, not as zero. */
  choroplethMissing: "#cfd4d9",
  /** Compound station access (RdBu ends, colour-blind safe): within half the service distance, within it, beyond it. */
  accessNear: [33, 102, 172, 220] as Rgba,
  accessWithin: [146, 197, 222, 230] as Rgba,
  accessBeyond: [214, 96, 77, 230] as Rgba,
  /** Service area around a station (the service distance), translucent over the data. */
  serviceArea: [33, 102, 172, 22] as Rgba,
  serviceAreaLine: [33, 102, 172, 140] as Rgba,
  /** Gap overlay markers by severity. */
  gapHigh: "#b30000",
  gapMedium: "#fc8d59",
  gapLow: "#fdd49e",
  /**
   * Change since the last meeting (Okabe-Ito, colour-blind safe; always labelled in the legend):
   * new gaps, worse, improved. Unchanged areas are left unfilled.
   */
  changeNewGap: "#d55e00",
  changeWorse: "#e69f00",
  changeImproved: "#0072b2",
  /** 双报到 arcs: from the unit (source) to its community (target). */
  arcSource: [0, 114, 178, 230] as Rgba,
  arcTarget: [204, 121, 167, 230] as Rgba,
  /** Outline of the selected unit: a blue that no data layer uses. */
  selection: "#0b63ce",
  /** Chart bars: the covered dark red, so the side-panel charts read with the map. */
  chartBar: "#b2182b",
  /** Histogram bins at or past a standard (e.g. households per worker): the light gap orange. */
  chartOverStandard: "#fdb863",
  /** The standard's marker line and chart axes. */
  chartStandard: "#2f3840",
  chartAxis: "#8a969f",
} as const;

export function rgbaToCss([red, green, blue, alpha]: Rgba): string {
  return `rgba(${red}, ${green}, ${blue}, ${Math.round((alpha / 255) * 100) / 100})`;
}

/**
 * The wall display (大屏): a dark command-centre theme for its panels, charts and basemap. The
 * selection is a cyan that neither the data colours nor the dark basemap use.
 */
export const wallPalette = {
  background: "#050d1a",
  panel: "rgba(9, 30, 58, 0.82)",
  panelBorder: "#1f5b9c",
  glow: "#2fa8ff",
  text: "#e4efff",
  muted: "#8fa9c8",
  /** Figures and chart bars. */
  accent: "#38c8ff",
  /** The title and whatever the tour is showing. */
  gold: "#ffcf5c",
  /** Stale data and failures. */
  warning: "#ff8a4c",
  mapBackground: "#071427",
  land: "#0d2240",
  water: "#0b3a63",
  waterLine: "#15598f",
  districtLine: "#5b93d3",
  prefectureLine: "#9cc8f5",
  labelText: "#c3dbf7",
  labelHalo: "#061020",
  streetLine: "rgba(98, 160, 225, 0.85)",
  communityLine: "rgba(80, 130, 190, 0.55)",
  gridLine: "rgba(70, 110, 160, 0.45)",
  selection: "#00f0ff",
  /**
   * 考核督导 statuses (Okabe-Ito, colour-blind safe: blue against orange and vermillion, which
   * differ in lightness too); always shown with their label (达标 / 预警 / 未达标 / 无数据).
   */
  statusMet: "#56b4e9",
  statusWarning: "#e69f00",
  statusMissed: "#d55e00",
  statusUnknown: "#5d6f86",
} as const;
