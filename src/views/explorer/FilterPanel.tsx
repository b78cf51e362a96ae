// Filters: only compounds with a gap, and areas whose coloured indicator is below or at least a
// value. The indicator is the one the areas are coloured by, so what is filtered is what is seen.
import { INDICATORS } from "../../domain/indicator-registry.ts";
import type { AreaColouring } from "../../layers/choropleth.ts";
import { useTranslate } from "../i18n/i18n.ts";
import { indicatorLabel } from "../shared/indicator-text.ts";
import type { MapFilters } from "../shared/map-filters.ts";

export interface FilterPanelProps {
  filters: MapFilters;
  onFiltersChange: (filters: MapFilters) => void;
  areaColouring: AreaColouring | null;
  /** Areas passing the indicator filter, and how many there are in all. */
  matched: { count: number; total: number } | null;
}

export function FilterPanel({ filters, onFiltersChange, areaColouring, matched }: FilterPanelProps) {
  const t = useTranslate();
  const share = areaColouring ? INDICATORS[areaColouring.indicator].format === "share" : false;
  // Shares are kept as fractions and typed as percent.
  const shown = filters.area ? (share ? Math.round(filters.area.value * 1000) / 10 : filters.area.value) : "";
  const setValue = (text: string) => {
    const number = Number(text);
    if (text === "" || !Number.isFinite(number)) return onFiltersChange({ ...filters, area: null });
    onFiltersChange({ ...filters, area: { comparison: filters.area?.comparison ?? "below", value: share ? number / 100 : number } });
  };
  return (
    <section className="panel filter-panel" aria-label={t("filter.title")} data-testid="filter-panel">
      <h2>{t("filter.title")}</h2>
      <label>
        <input type="checkbox" checked={filters.onlyGaps} onChange={(event) => onFiltersChange({ ...filters, onlyGaps: event.target.checked })} />
        {t("filter.onlyGaps")}
      </label>
      <fieldset disabled={!areaColouring}>
        <legend>
          {areaColouring ? `${t("filter.indicator")}:${indicatorLabel(t, areaColouring.indicator, "map")}` : `${t("filter.indicator")}(${t("area.label")})`}
        </legend>
        <div className="field-row">
          <select
            aria-label={t("filter.title")}
            value={filters.area?.comparison ?? ""}
            onChange={(event) => {
              const comparison = event.target.value;
              if (comparison !== "below" && comparison !== "atLeast") return onFiltersChange({ ...filters, area: null });
              onFiltersChange({ ...filters, area: { comparison, value: filters.area?.value ?? (share ? 0.6 : 1) } });
            }}
          >
            <option value="">{t("filter.off")}</option>
            <option value="below">{t("filter.below")}</option>
            <option value="atLeast">{t("filter.atLeast")}</option>
          </select>
          <input
            type="number"
            aria-label={t("filter.value")}
            value={shown}
            disabled={!filters.area}
            step={share ? 5 : 1}
            onChange={(event) => setValue(event.target.value)}
          />
          {share ? <span>%</span> : null}
        </div>
        {matched && areaColouring ? (
          <p className="filter-count" data-testid="filter-count">
            {t("filter.matches", { count: matched.count, total: matched.total, level: t(`layer.${areaColouring.level}`) })}
          </p>
        ) : null}
      </fieldset>
    </section>
  );
}
