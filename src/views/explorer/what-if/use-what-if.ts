// What-if mode. The plan lives in the URL, so a plan can be shared as a link; this hook derives
// what the map, the station handles and the panel show from it, and asks the engine for the
// plan's outcome and for station access under it.
import { useEffect, useMemo } from "react";
import { DEFAULT_THRESHOLDS } from "../../../domain/indicators.ts";
import type { AccessBands } from "../../../layers/compound-colouring.ts";
import type { WhatIfResult } from "../../../workers/engine-api.ts";
import { engineClient, useAccessBands, useStationInfo, useWhatIfResult } from "../../data/engine-client.ts";
import { translate, type Language } from "../../i18n/i18n.ts";
import type { PickedFeature } from "../../map/map-adapter.ts";
import type { WhatIfHandlesProps } from "../../map/WhatIfHandles.tsx";
import type { WhatIfPanelProps } from "./WhatIfPanel.tsx";
import { planHandles, touchedStationIds } from "./what-if-handles.ts";
import { isEmptyPlan, moveStation, removeStation, type WhatIfPlan } from "../../shared/what-if-plan.ts";

export type WhatIfState = { active: boolean } & WhatIfPlan;

export interface WhatIfOptions {
  manifestUrl: string;
  /** What-if mode and its plan, as the URL holds them. */
  whatIf: WhatIfState;
  onWhatIfChange: (whatIf: WhatIfState) => void;
  engineReady: boolean;
  /** A station selected in what-if mode gets a handle, to drag or remove it. */
  selected: PickedFeature | null;
  language: Language;
  /** Compounds are coloured by station access: fetch the distance bands (under the plan when one is active). */
  wantsAccessBands: boolean;
}

export interface WhatIfMode {
  active: boolean;
  /** The plan the map and the engine's answers use; null while what-if mode is off. */
  activePlan: WhatIfPlan | null;
  /** Service distance in metres: the plan's in what-if mode, else the engine's default. */
  serviceDistance: number;
  /** New stations to draw; undefined while what-if mode is off. */
  plannedStations: Array<[number, number]> | undefined;
  /** Whether planned or moved stations are on the map (the legend names them). */
  showsStations: boolean;
  /** The plan's outcome. A result shown while the next one computes is still a result of some plan; an emptied plan has none. */
  result: WhatIfResult | undefined;
  accessBands: AccessBands | undefined;
  /** Plans a new station where the map was clicked. */
  addStation: (position: [number, number]) => void;
  handles: Omit<WhatIfHandlesProps, "adapter">;
  panel: Omit<WhatIfPanelProps, "before">;
}

export function useWhatIf(options: WhatIfOptions): WhatIfMode {
  const { manifestUrl, whatIf, onWhatIfChange, engineReady, selected, language } = options;
  const { active, ...plan } = whatIf;
  const { planned, moved, removed } = plan;
  // The URL keeps a plan's distance while what-if is off; the map then shows the engine's own.
  const serviceDistance = active ? plan.serviceDistance : DEFAULT_THRESHOLDS.serviceDistanceMetres;
  const activePlan = useMemo(() => (active ? { planned, moved, removed, serviceDistance } : null), [active, planned, moved, removed, serviceDistance]);
  // Turning what-if on readies the engine for edits, so the first click is as quick as the others.
  useEffect(() => {
    if (active && engineReady) void engineClient(manifestUrl).prepareWhatIf();
  }, [active, engineReady, manifestUrl]);
  const outcome = useWhatIfResult(manifestUrl, plan, active && engineReady);
  const result = activePlan === null || isEmptyPlan(activePlan) ? undefined : outcome.data;
  const accessBands = useAccessBands(manifestUrl, activePlan, engineReady && options.wantsAccessBands);
  const setWhatIf = (patch: Partial<WhatIfState>) => onWhatIfChange({ ...whatIf, ...patch });
  const setPlan = (next: WhatIfPlan) => onWhatIfChange({ active, ...next });
  const focusedStation = active && selected?.layer === "stations" && !removed.includes(selected.id) ? { id: selected.id, name: selected.name } : null;
  const focusedId = focusedStation?.id;
  const focusedName = focusedStation?.name ?? "";
  const touchedIds = useMemo(() => touchedStationIds({ moved, removed }, focusedId), [moved, removed, focusedId]);
  const touched = useStationInfo(manifestUrl, touchedIds, engineReady).data;
  // Handles are rebuilt only when the plan or the focused station changes: a rebuild mid-drag would drop the drag.
  const handles = useMemo(() => {
    if (!active) return [];
    const focused = focusedId ? { id: focusedId, name: focusedName } : null;
    return planHandles({ planned, moved }, focused, touched, (name) => translate(language, "whatIf.handle", { name }));
  }, [active, planned, moved, focusedId, focusedName, touched, language]);
  const suggest = async () => {
    const sites = await engineClient(manifestUrl).suggest(3);
    setWhatIf({ planned: [...planned, ...sites.map((site): [number, number] => [site.longitude, site.latitude])] });
  };
  return {
    active,
    activePlan,
    serviceDistance,
    plannedStations: active ? planned : undefined,
    showsStations: active && (planned.length > 0 || moved.length > 0),
    result,
    accessBands: accessBands.data,
    addStation: (position) => setWhatIf({ planned: [...planned, position] }),
    handles: { handles, onMove: (id, position) => setPlan(moveStation(plan, id, position)), onRemove: (id) => setPlan(removeStation(plan, id)) },
    panel: {
      active,
      onActiveChange: (next) => setWhatIf({ active: next }),
      plan,
      onPlanChange: setPlan,
      focusedStation,
      stationName: (id) => touched?.[id]?.name ?? id,
      result,
      onSuggest: () => void suggest(),
      enabled: engineReady,
    },
  };
}
