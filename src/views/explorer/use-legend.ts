// The legend of what the map shows, for the map's own legend and the snapshot sheet alike.
// Memoised on the view state and the language (not on a translate function, which is new on
// every render), so the legend keeps its identity until something it shows changes.
import { useMemo } from "react";
import { translate, type Language } from "../i18n/i18n.ts";
import { legendGroups, type LegendGroup, type LegendState } from "../shared/legend-items.ts";

export function useLegend(state: LegendState, language: Language): LegendGroup[] {
  const { visibility, colouring, serviceDistance, areaColouring, choropleth, planned, heightDomain } = state;
  return useMemo(
    () =>
      legendGroups({ visibility, colouring, serviceDistance, areaColouring, choropleth, planned, heightDomain }, (key, values) =>
        translate(language, key, values),
      ),
    [visibility, colouring, serviceDistance, areaColouring, choropleth, planned, heightDomain, language],
  );
}
