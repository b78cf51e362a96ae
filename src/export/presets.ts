// Sheet presets: slides and paper sizes. A sheet is laid out in sheet units of 1/96 inch (one CSS
// pixel), so one layout serves every resolution of a page size; pixels = units × dpi / 96.

/** Sheet units per inch: one unit is one CSS pixel. */
export const UNITS_PER_INCH = 96;
const MILLIMETRES_PER_INCH = 25.4;
const POINTS_PER_INCH = 72;

export const PRESET_NAMES = [
  "slide-1920",
  "slide-3840",
  "a4-landscape-150",
  "a4-portrait-150",
  "a4-landscape-300",
  "a4-portrait-300",
  "a3-landscape-150",
  "a3-portrait-150",
  "a3-landscape-300",
  "a3-portrait-300",
] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export const DEFAULT_PRESET: PresetName = "a4-landscape-150";

export interface Preset {
  name: PresetName;
  kind: "slide" | "paper";
  orientation: "landscape" | "portrait";
  /** Size of the exported image in pixels. */
  widthPixels: number;
  heightPixels: number;
  /** Pixels per inch of the page (slides: 96 per 1920-pixel width, so a 3840 slide is 192). */
  dpi: number;
  /** Page size in millimetres and in PDF points (1/72 inch). */
  widthMillimetres: number;
  heightMillimetres: number;
  widthPoints: number;
  heightPoints: number;
  /** Layout size in sheet units (1/96 inch); equal for every dpi of one page size. */
  widthUnits: number;
  heightUnits: number;
  /** Pixels per sheet unit (dpi / 96). */
  density: number;
}

/** Paper sizes in millimetres, portrait (ISO 216). */
const PAPER_MILLIMETRES = { a4: [210, 297], a3: [297, 420] } as const;

/** A 16:9 slide is laid out at 1920 × 1080 units; the 3840 slide is the same slide at twice the density. */
const SLIDE_UNITS = [1920, 1080] as const;

function fromInches(name: PresetName, kind: Preset["kind"], widthInches: number, heightInches: number, dpi: number): Preset {
  return {
    name,
    kind,
    orientation: widthInches >= heightInches ? "landscape" : "portrait",
    widthPixels: Math.round(widthInches * dpi),
    heightPixels: Math.round(heightInches * dpi),
    dpi,
    widthMillimetres: round(widthInches * MILLIMETRES_PER_INCH, 2),
    heightMillimetres: round(heightInches * MILLIMETRES_PER_INCH, 2),
    widthPoints: round(widthInches * POINTS_PER_INCH, 2),
    heightPoints: round(heightInches * POINTS_PER_INCH, 2),
    widthUnits: widthInches * UNITS_PER_INCH,
    heightUnits: heightInches * UNITS_PER_INCH,
    density: dpi / UNITS_PER_INCH,
  };
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}

/** The preset of a name such as "a3-landscape-300"; undefined for an unknown name. */
export function presetOf(name: string): Preset | undefined {
  if (!isPresetName(name)) return undefined;
  const slide = /^slide-(\d+)$/.exec(name);
  if (slide) {
    const dpi = (UNITS_PER_INCH * Number(slide[1])) / SLIDE_UNITS[0];
    return fromInches(name, "slide", SLIDE_UNITS[0] / UNITS_PER_INCH, SLIDE_UNITS[1] / UNITS_PER_INCH, dpi);
  }
  const [paper, orientation, dpiText] = name.split("-") as ["a4" | "a3", "landscape" | "portrait", string];
  const [short, long] = PAPER_MILLIMETRES[paper];
  const [width, height] = orientation === "landscape" ? [long, short] : [short, long];
  return fromInches(name, "paper", width / MILLIMETRES_PER_INCH, height / MILLIMETRES_PER_INCH, Number(dpiText));
}

/** Like presetOf, for names known to be valid. */
export function preset(name: PresetName): Preset {
  const found = presetOf(name);
  if (!found) throw new Error(`unknown preset ${name}`);
  return found;
}
