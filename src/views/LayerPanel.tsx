// Layer switches with their legend swatches and feature counts, in the palette the map uses.
import type { DatasetCounts } from "../domain/dataset.ts";
import { OVERLAY_LAYERS, type LayerVisibility, type OverlayLayer } from "../layers/visibility.ts";
import { palette, rgbaToCss, type Rgba } from "../layers/palette.ts";
import { useTranslate, type MessageKey } from "./i18n.ts";

export interface LayerPanelProps {
  visibility: LayerVisibility;
  counts: DatasetCounts | undefined;
  onToggle: (layer: OverlayLayer, visible: boolean) => void;
}

const LEGEND: Record<OverlayLayer, Array<{ key: MessageKey; colour: Rgba; shape: "line" | "fill" | "dot" }>> = {
  streets: [{ key: "layer.streets", colour: palette.streetLine, shape: "line" }],
  communities: [{ key: "layer.communities", colour: palette.communityLine, shape: "line" }],
  grids: [{ key: "layer.grids", colour: palette.gridLine, shape: "line" }],
  compounds: [
    { key: "legend.compoundCovered", colour: palette.compoundCovered, shape: "fill" },
    { key: "legend.compoundGap", colour: palette.compoundGap, shape: "fill" },
  ],
  stations: [
    { key: "legend.station", colour: palette.station, shape: "dot" },
    { key: "legend.stationRoom", colour: palette.stationRoom, shape: "dot" },
  ],
};

export function LayerPanel({ visibility, counts, onToggle }: LayerPanelProps) {
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
              {LEGEND[layer].map((entry) => (
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
