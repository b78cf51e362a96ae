// Everything the map draws beyond the dataset's own layers, derived from view state and engine
// results: area choropleth and its filter, station-access bands, gap markers, service areas,
// what-if edits and the drawn shape. One memoised object, so the style is rebuilt only when one
// of them changes.
import { useMemo } from "react";
import type { UnitReport } from "../../domain/analysis.ts";
import type { Gap } from "../../domain/gaps.ts";
import type { Bbox } from "../../domain/model.ts";
import { buildChoropleth, type AreaColouring, type Choropleth } from "../../layers/choropleth.ts";
import { extrusionHeight, heightScale, type HeightScale } from "../../layers/extrusion.ts";
import type { AccessBands, CompoundColouring } from "../../layers/compound-colouring.ts";
import type { LayerVisibility } from "../../layers/visibility.ts";
import type { MapExtras } from "../map/MapView.tsx";
import { matchingAreas, type MapFilters } from "./map-filters.ts";
import type { WhatIfPlan } from "./what-if-plan.ts";

export interface MapExtrasInput {
  reports: { streets: readonly UnitReport[]; communities?: readonly UnitReport[] } | undefined;
  areaColouring: AreaColouring | null;
  filters: MapFilters;
  colouring: CompoundColouring;
  accessBands: AccessBands | undefined;
  visibility: LayerVisibility;
  /** The plan on the map (null when what-if mode is off). */
  plan: WhatIfPlan | null;
  serviceDistance: number;
  gaps: readonly Gap[] | undefined;
  /** The dataset's box: service-area circles are sized at its centre's latitude. */
  bbox: Bbox | undefined;
  /** The drawn rectangle or lasso, [longitude, latitude] (null: none). */
  shape: Array<[number, number]> | null;
  /** The 3D sandtable: the coloured areas are raised by the same indicator. */
  sandtable?: boolean;
}

export interface MapExtrasResult {
  extras: MapExtras;
  choropleth: Choropleth | null;
  /** In the sandtable, the heights: the indicator's range over the areas of the level coloured. */
  heights: HeightScale | null;
  /** How many areas pass the indicator filter, of how many coloured (null: no filter). */
  matched: { count: number; total: number } | null;
}

/** Service areas are sized for the latitude of the dataset's centre (25°N, about Kunming's and Yunnan's, until the manifest is in). */
function centreLatitude(bbox: Bbox | undefined): number {
  return bbox ? (bbox[1] + bbox[3]) / 2 : 25;
}

export function useMapExtras(input: MapExtrasInput): MapExtrasResult {
  const { reports, areaColouring, filters, colouring, accessBands, visibility, plan, serviceDistance, gaps, shape } = input;
  const latitude = centreLatitude(input.bbox);
  const areaReports = useMemo(() => {
    if (!areaColouring || !reports) return [];
    return (areaColouring.level === "streets" ? reports.streets : reports.communities) ?? [];
  }, [areaColouring, reports]);
  const choropleth = useMemo(
    () =>
      areaColouring && areaReports.length > 0
        ? buildChoropleth(
            areaColouring.indicator,
            areaReports.map((report) => ({ code: report.code, value: report[areaColouring.indicator] })),
          )
        : null,
    [areaColouring, areaReports],
  );
  const heights = useMemo(
    () =>
      input.sandtable && areaColouring && areaReports.length > 0
        ? heightScale(areaReports.map((report) => ({ code: report.code, value: report[areaColouring.indicator] })))
        : null,
    [input.sandtable, areaColouring, areaReports],
  );
  const height = useMemo(() => (heights ? extrusionHeight(heights, latitude) : null), [heights, latitude]);
  const matching = useMemo(
    () => (areaColouring && filters.area ? matchingAreas(areaReports, areaColouring.indicator, filters.area) : null),
    [areaColouring, areaReports, filters.area],
  );
  const wantsBands = colouring === "stationAccess";
  const gapMarkers = useMemo(
    () => (visibility.gaps && gaps ? gaps.map((gap) => ({ id: gap.id, position: gap.location, severity: gap.severity })) : undefined),
    [visibility.gaps, gaps],
  );
  const extras = useMemo(
    (): MapExtras => ({
      ...(areaColouring && choropleth ? { areas: { level: areaColouring.level, choropleth, matching, height } } : {}),
      ...(wantsBands && accessBands ? { accessBands } : {}),
      onlyGaps: filters.onlyGaps,
      ...(visibility.serviceAreas ? { serviceArea: { metres: serviceDistance, latitude } } : {}),
      ...(gapMarkers ? { gapMarkers } : {}),
      ...(plan ? { stationEdits: { removed: plan.removed, moved: plan.moved } } : {}),
      shape,
    }),
    [
      areaColouring,
      choropleth,
      matching,
      height,
      wantsBands,
      accessBands,
      filters.onlyGaps,
      visibility.serviceAreas,
      serviceDistance,
      latitude,
      gapMarkers,
      plan,
      shape,
    ],
  );
  const matched = matching ? { count: matching.length, total: areaReports.length } : null;
  return { extras, choropleth, heights, matched };
}
