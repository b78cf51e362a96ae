// Layer switches with their legend swatches and feature counts, in the palette the map uses.
import type { DatasetCounts } from "../domain/dataset.ts";
import { OVERLAY_LAYERS, type LayerVisibility, type OverlayLayer } from "../layers/visibility.ts";
import { palette, rgbaToCss, type Rgba } from "../layers/palette.ts";
import { COMPOUND_COLOURINGS, type CompoundColouring } from "../layers/compound-colouring.ts";
import { useTranslate, type MessageKey } from "./i18n.ts";

export interface LayerPanelProps {
  visibility: LayerVisibility;
  counts: DatasetCounts | undefined;
  onToggle: (layer: OverlayLayer, visible: boolean) => void;
  colouring: CompoundColouring;
  onColouringChange: (colouring: CompoundColouring) => void;
}

const LEGEND: Record<OverlayLayer, Array<{ key: MessageKey; colour: Rgba; shape: "line" | "fill" | "dot" }>> = {
  streets: [{ key: "layer.streets", colour: palette.streetLine, shape: "line" }],
  communities: [{ key: "layer.communities", colour: palette.communityLine, shape: "line" }],
  grids: [{ key: "layer.grids", colour: palette.gridLine, shape: "line" }],
  // Compounds' legend follows the chosen colouring (see legendOf).
  compounds: [],
  stations: [
    { key: "legend.station", colour: palette.station, shape: "dot" },
    { key: "legend.stationRoom", colour: palette.stationRoom, shape: "dot" },
  ],
};

function legendOf(layer: OverlayLayer, colouring: CompoundColouring): Array<{ key: MessageKey; colour: Rgba; shape: "line" | "fill" | "dot" }> {
  if (layer !== "compounds") return LEGEND[layer];
  return [
    { key: `colouring.${colouring}.yes` as MessageKey, colour: palette.compoundCovered, shape: "fill" },
    { key: `colouring.${colouring}.no` as MessageKey, colour: palette.compoundGap, shape: "fill" },
  ];
}

export function LayerPanel({ visibility, counts, onToggle, colouring, onColouringChange }: LayerPanelProps) {
  const t = useTranslate();
  return (
    <section className="panel layer-panel" aria-label={t("layers")}>
      <h2>{t("layers")}</h2>
      <ul>
        {OVERLAY_LAYERS.map((layer) => (
          <li key={layer}>
            <label>
              <input type="checkbox" checked={visibility[layer]} onChange={(event) => onToggle(layer, event.target.checked)} />
              {t(`layer.${layer}`)}
              {counts ? <span className="count">{counts[layer].toLocaleString()}</span> : null}
            </label>
            <ul className="legend">
              {layer === "compounds" ? (
                <li>
                  <select aria-label={t("colouring.label")} value={colouring} onChange={(event) => onColouringChange(event.target.value as CompoundColouring)}>
                    {COMPOUND_COLOURINGS.map((option) => (
                      <option key={option} value={option}>
                        {t(`colouring.${option}` as MessageKey)}
                      </option>
                    ))}
                  </select>
                </li>
              ) : null}
              {legendOf(layer, colouring).map((entry) => (
                <li key={entry.key}>
                  <span className={`swatch swatch-${entry.shape}`} style={{ ["--swatch" as string]: rgbaToCss(entry.colour) }} />
                  {t(entry.key)}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
