// The one connection to the engine worker, created on first use.
import { useQuery } from "@tanstack/react-query";
import { proxy, wrap, type Remote } from "comlink";
import { useSyncExternalStore } from "react";
import type { GapFilter } from "../domain/gaps.ts";
import { isEmptyPlan, scenarioOf, type WhatIfPlan } from "./what-if-plan.ts";
import type { EngineApi, LoadProgress } from "../workers/engine-api.ts";

const engines = new Map<string, Remote<EngineApi>>();

/** The absolute URL a dataset is known by (the worker resolves URLs against its own location). */
export function datasetKey(manifestUrl: string): string {
  return new URL(manifestUrl, document.baseURI).href;
}

/** One worker per dataset: every call goes to the worker of the dataset it names, never to "the current one". */
export function engineClient(manifestUrl: string): Remote<EngineApi> {
  const key = datasetKey(manifestUrl);
  let engine = engines.get(key);
  if (!engine) {
    engine = wrap<EngineApi>(new Worker(new URL("../workers/engine.worker.ts", import.meta.url), { type: "module" }));
    engines.set(key, engine);
  }
  return engine;
}

// Load progress per dataset, as the worker reports it: a small store outside React, read with
// useSyncExternalStore (progress is not server state, so it stays out of TanStack Query).
const progressByDataset = new Map<string, LoadProgress>();
const progressListeners = new Set<() => void>();

function setProgress(key: string, progress: LoadProgress): void {
  progressByDataset.set(key, progress);
  for (const listener of progressListeners) listener();
}

function subscribeProgress(listener: () => void): () => void {
  progressListeners.add(listener);
  return () => progressListeners.delete(listener);
}

/** How far the engine has got with loading a dataset; undefined before it starts reporting. */
export function useEngineProgress(manifestUrl: string): LoadProgress | undefined {
  const key = datasetKey(manifestUrl);
  return useSyncExternalStore(subscribeProgress, () => progressByDataset.get(key));
}

/** A callback the worker can call across Comlink, feeding useEngineProgress for this dataset. */
export function progressReporter(manifestUrl: string): (progress: LoadProgress) => void {
  const key = datasetKey(manifestUrl);
  return proxy((progress: LoadProgress) => setProgress(key, progress));
}

/** Loads a dataset in its worker, reporting progress to useEngineProgress. */
export function loadInEngine(manifestUrl: string) {
  // The worker resolves URLs against its own script location, so hand it an absolute one.
  return engineClient(manifestUrl).load(datasetKey(manifestUrl), undefined, false, progressReporter(manifestUrl));
}

/** Indicators for the whole dataset, computed in the worker. */
export function useEngineSummary(manifestUrl: string, enabled = true) {
  return useQuery({
    queryKey: ["engine-summary", manifestUrl],
    enabled,
    queryFn: () => loadInEngine(manifestUrl),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/** Every community's report, asked for only when the view shows communities' figures (kept once fetched). */
export function useCommunityReports(manifestUrl: string, enabled: boolean) {
  return useQuery({
    queryKey: ["engine-communities", manifestUrl],
    queryFn: () => engineClient(manifestUrl).communityReports(),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The ranked gap list for an area and kind, from the worker (after the summary has loaded), under a what-if plan if given. */
export function useGaps(manifestUrl: string, filter: GapFilter, enabled: boolean, plan: WhatIfPlan | null = null) {
  const scenario = plan && !isEmptyPlan(plan) ? scenarioOf(plan) : null;
  return useQuery({
    queryKey: ["engine-gaps", manifestUrl, filter.areaCode ?? "", (filter.kinds ?? []).join(","), filter.unitId ?? "", scenario],
    queryFn: () => engineClient(manifestUrl).gaps(filter, 50, scenario),
    enabled,
    // While a plan changes, keep showing the same area's list; another area's list never stands in.
    placeholderData: (previous, previousQuery) =>
      previousQuery && JSON.stringify(previousQuery.queryKey.slice(0, 5)) === JSON.stringify(["engine-gaps", manifestUrl, filter.areaCode ?? "", (filter.kinds ?? []).join(","), filter.unitId ?? ""]) ? previous : undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Indicators and gap changes under a what-if plan, from the worker. */
export function useWhatIfResult(manifestUrl: string, plan: WhatIfPlan, enabled: boolean) {
  return useQuery({
    queryKey: ["engine-what-if", manifestUrl, plan],
    queryFn: () => engineClient(manifestUrl).whatIf(scenarioOf(plan)),
    enabled: enabled && !isEmptyPlan(plan),
    placeholderData: (previous) => previous,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Compound ids by distance to a station, now (plan null) or under a what-if plan. */
export function useAccessBands(manifestUrl: string, plan: WhatIfPlan | null, enabled: boolean) {
  const scenario = plan && !isEmptyPlan(plan) ? scenarioOf(plan) : null;
  return useQuery({
    queryKey: ["engine-access-bands", manifestUrl, scenario],
    queryFn: () => engineClient(manifestUrl).accessBands(scenario),
    enabled,
    placeholderData: (previous) => previous,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Households and workers of every grid in an area (undefined: the whole dataset), from the worker. */
export function useGridLoads(manifestUrl: string, areaCode: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ["engine-grid-loads", manifestUrl, areaCode ?? ""],
    queryFn: () => engineClient(manifestUrl).gridLoads(areaCode),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Gaps per district, street and community code, from the worker (after the summary has loaded). */
export function useGapCounts(manifestUrl: string, enabled: boolean) {
  return useQuery({
    queryKey: ["engine-gap-counts", manifestUrl],
    queryFn: () => engineClient(manifestUrl).gapCounts(),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** What a drawn shape encloses (null: no shape), under the what-if plan when one is active. */
export function useEnclosed(manifestUrl: string, ring: Array<[number, number]> | null, plan: WhatIfPlan | null, enabled: boolean) {
  const scenario = plan && !isEmptyPlan(plan) ? scenarioOf(plan) : null;
  return useQuery({
    queryKey: ["engine-enclosed", manifestUrl, ring, scenario],
    queryFn: () => engineClient(manifestUrl).enclosed(ring ?? [], scenario),
    enabled: enabled && ring !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Search in the worker's index (tiled datasets): the same groups as a local index, fetched per query. */
export function useWorkerSearch(manifestUrl: string, query: string, limit: number, enabled: boolean) {
  return useQuery({
    queryKey: ["engine-search", manifestUrl, query, limit],
    queryFn: () => engineClient(manifestUrl).search(query, limit),
    enabled: enabled && query.trim() !== "",
    placeholderData: (previous) => previous,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Names and places of the stations a what-if plan touches, from the engine's model (every dataset has it). */
export function useStationInfo(manifestUrl: string, ids: readonly string[], enabled: boolean) {
  return useQuery({
    queryKey: ["engine-stations", manifestUrl, ids],
    queryFn: () => engineClient(manifestUrl).describeAll("stations", ids),
    enabled: enabled && ids.length > 0,
    placeholderData: (previous) => previous,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
