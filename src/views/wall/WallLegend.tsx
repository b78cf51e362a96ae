// The map's legend on the wall, in the palette's colours: compounds by party branch (the wall's
// colouring), stations and rooms, and the outline of what the tour or a click has selected.
import type { CSSProperties } from "react";
import { palette, rgbaToCss, wallPalette } from "../../layers/palette.ts";
import { useTranslate, type MessageKey } from "../i18n/i18n.ts";

const ITEMS: ReadonlyArray<{ label: MessageKey; colour: string; shape: "fill" | "dot" | "line" }> = [
  { label: "legend.compoundCovered", colour: rgbaToCss(palette.compoundCovered), shape: "fill" },
  { label: "legend.compoundGap", colour: rgbaToCss(palette.compoundGap), shape: "fill" },
  { label: "legend.station", colour: rgbaToCss(palette.station), shape: "dot" },
  { label: "legend.stationRoom", colour: rgbaToCss(palette.stationRoom), shape: "dot" },
  { label: "wall.legend.selection", colour: wallPalette.selection, shape: "line" },
];

/** `heightNote`: in 3D, what the columns' height means. */
export function WallLegend({ heightNote = null }: { heightNote?: string | null }) {
  const t = useTranslate();
  return (
    <ul className="wall-legend" aria-label={t("wall.legend")} data-testid="wall-legend">
      {ITEMS.map((item) => (
        <li key={item.label}>
          <span className={`wall-swatch wall-swatch-${item.shape}`} style={{ "--swatch": item.colour } as CSSProperties} />
          {t(item.label)}
        </li>
      ))}
      {heightNote ? <li className="wall-legend-note">{heightNote}</li> : null}
    </ul>
  );
}
