// The engine's gaps that the explorer shows outside the gap panel: markers for the area's gaps
// (of the chosen kind) on the map, and a street's, grid's or compound's own gaps on its card.
// Both follow the what-if plan while one is active.
import { useMemo } from "react";
import type { LayerName } from "../../../data/contract.ts";
import type { Gap, GapFilter, GapKind } from "../../../domain/gaps.ts";
import { useGaps } from "../../data/engine-client.ts";
import type { WhatIfPlan } from "../../shared/what-if-plan.ts";

export interface GapListsOptions {
  manifestUrl: string;
  engineReady: boolean;
  /** The selected area's code; undefined: the whole dataset. */
  areaCode: string | undefined;
  kind: GapKind | "all";
  /** The gap layer is visible: only then are markers fetched. */
  markers: boolean;
  selected: { layer: LayerName; id: string } | null;
  plan: WhatIfPlan | null;
}

export interface GapLists {
  markers: readonly Gap[] | undefined;
  /** The selected unit's own gaps; undefined for a unit whose card lists none. */
  own: readonly Gap[] | undefined;
}

/** Areas have the gap list for their gaps; a street, grid or compound card lists the unit's own. */
const OWN_GAP_LAYERS: readonly LayerName[] = ["streets", "grids", "compounds"];

/** The filter of the map's markers: the area's gaps (or the dataset's), of one kind or all. */
export function markerFilter(areaCode: string | undefined, kind: GapKind | "all"): GapFilter {
  return { ...(areaCode ? { areaCode } : {}), ...(kind === "all" ? {} : { kinds: [kind] }) };
}

/** The unit whose card lists its own gaps, if the selection has one. */
export function ownGapsUnit(selected: GapListsOptions["selected"]): string | undefined {
  return selected && OWN_GAP_LAYERS.includes(selected.layer) ? selected.id : undefined;
}

export function useGapLists(options: GapListsOptions): GapLists {
  const { manifestUrl, engineReady, areaCode, kind, plan } = options;
  const filter = useMemo(() => markerFilter(areaCode, kind), [areaCode, kind]);
  const markers = useGaps(manifestUrl, filter, engineReady && options.markers, plan);
  const unitId = ownGapsUnit(options.selected);
  const ownFilter = useMemo(() => ({ unitId: unitId ?? "" }), [unitId]);
  const own = useGaps(manifestUrl, ownFilter, engineReady && unitId !== undefined, plan);
  return { markers: markers.data?.items, own: unitId ? own.data?.items : undefined };
}
