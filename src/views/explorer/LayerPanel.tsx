// Layer switches with feature counts, what compounds are coloured by, and which rolled-up
// indicator fills the areas. The legend itself is drawn by Legend.tsx from the same state.
import type { DatasetCounts } from "../../domain/dataset.ts";
import { AREA_INDICATORS, type AreaColouring, type AreaIndicator, type AreaLevel } from "../../layers/choropleth.ts";
import { COMPOUND_COLOURINGS, type CompoundColouring } from "../../layers/compound-colouring.ts";
import { OVERLAY_LAYERS, type LayerVisibility, type OverlayLayer } from "../../layers/visibility.ts";
import { useTranslate } from "../i18n/i18n.ts";
import { indicatorDefinition, indicatorLabel } from "../shared/indicator-text.ts";

export interface LayerPanelProps {
  visibility: LayerVisibility;
  counts: DatasetCounts | undefined;
  onToggle: (layer: OverlayLayer, visible: boolean) => void;
  colouring: CompoundColouring;
  onColouringChange: (colouring: CompoundColouring) => void;
  areaColouring: AreaColouring | null;
  onAreaColouringChange: (colouring: AreaColouring | null) => void;
}

const AREA_LEVELS: readonly AreaLevel[] = ["streets", "communities"];

export function LayerPanel({ visibility, counts, onToggle, colouring, onColouringChange, areaColouring, onAreaColouringChange }: LayerPanelProps) {
  const t = useTranslate();
  const count = (layer: OverlayLayer) => (counts && layer in counts ? counts[layer as keyof DatasetCounts] : undefined);
  return (
    <section className="panel layer-panel" aria-label={t("layers")}>
      <h2>{t("layers")}</h2>
      <ul>
        {OVERLAY_LAYERS.map((layer) => (
          <li key={layer}>
            <label>
              <input type="checkbox" checked={visibility[layer]} onChange={(event) => onToggle(layer, event.target.checked)} />
              {t(`layer.${layer}`)}
              {count(layer) !== undefined ? <span className="count">{count(layer)?.toLocaleString()}</span> : null}
            </label>
          </li>
        ))}
      </ul>
      <label className="field">
        {t("colouring.label")}
        <select value={colouring} onChange={(event) => onColouringChange(event.target.value as CompoundColouring)}>
          {COMPOUND_COLOURINGS.map((option) => (
            <option key={option} value={option}>
              {t(`colouring.${option}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="field-row">
        <label className="field">
          {t("area.label")}
          <select
            value={areaColouring?.level ?? ""}
            onChange={(event) => {
              const level = event.target.value as AreaLevel | "";
              onAreaColouringChange(level ? { level, indicator: areaColouring?.indicator ?? "partyBranchCoverage" } : null);
            }}
          >
            <option value="">{t("area.none")}</option>
            {AREA_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`layer.${level}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t("area.indicator")}
          <select
            value={areaColouring?.indicator ?? "partyBranchCoverage"}
            title={areaColouring ? indicatorDefinition(t, areaColouring.indicator) : undefined}
            disabled={!areaColouring}
            onChange={(event) => areaColouring && onAreaColouringChange({ ...areaColouring, indicator: event.target.value as AreaIndicator })}
          >
            {AREA_INDICATORS.map((indicator) => (
              <option key={indicator} value={indicator} title={indicatorDefinition(t, indicator)}>
                {indicatorLabel(t, indicator, "map")}
              </option>
            ))}
          </select>
        </label>
      </div>
    </section>
  );
}
