// One palette for map, legend, charts and exports. Colours are chosen to stay distinguishable
// for red-green colour-blind viewers: the gap colour differs from the covered colour in
// lightness, not only in hue.
export type Rgba = [number, number, number, number];

export const palette = {
  background: "#e6eaee",
  land: "#faf8f3",
  water: "#a9cde6",
  waterLine: "#7fb0d3",
  districtLine: "#5c4f42",
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
  /** Outline of the selected unit: a blue that no data layer uses. */
  selection: "#0b63ce",
} as const;

export function rgbaToCss([red, green, blue, alpha]: Rgba): string {
  return `rgba(${red}, ${green}, ${blue}, ${Math.round((alpha / 255) * 100) / 100})`;
}
