// The one connection to the engine worker, created on first use.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { proxy, wrap, type Remote } from "comlink";
import { useSyncExternalStore } from "react";
import type { GapFilter } from "../../domain/gaps.ts";
import { isEmptyPlan, scenarioOf, type WhatIfPlan } from "../shared/what-if-plan.ts";
import type { TargetLevel } from "../../data/contract.ts";
import type { ReportIndicatorId } from "../../domain/indicator-registry.ts";
import type { EngineApi, EngineSummary, LoadProgress } from "../../workers/engine-api.ts";

const engines = new Map<string, Remote<EngineApi>>();

/**
 * The absolute URL a dataset is known by (the worker resolves URLs against its own location). A
 * date (`#asOf=`, see datedUrl) is a view of the same dataset: same key, same worker.
 */
export function datasetKey(manifestUrl: string): string {
  const url = new URL(manifestUrl, document.baseURI);
  url.hash = "";
  return url.href;
}

/**
 * The dataset on an earlier date, as the engine hooks take it: `manifest.json#asOf=2021-06-30`.
 * Every query keyed by it is that date's; null or the dataset's own date is the dataset as loaded.
 */
export function datedUrl(manifestUrl: string, asOf: string | null): string {
  const base = manifestUrl.replace(/#.*$/, "");
  return asOf ? `${base}#asOf=${asOf}` : base;
}

/** The date a dated URL names, or null. */
export function dateOf(engineUrl: string): string | null {
  return /#asOf=(\d{4}-\d{2}-\d{2})$/.exec(engineUrl)?.[1] ?? null;
}

/** One worker per dataset: every call goes to the worker of the dataset it names, never to "the current one". */
export function engineClient(manifestUrl: string): Remote<EngineApi> {
  const key = datasetKey(manifestUrl);
  let engine = engines.get(key);
  if (!engine) {
    engine = wrap<EngineApi>(new Worker(new URL("../../workers/engine.worker.ts", import.meta.url), { type: "module" }));
    engines.set(key, engine);
  }
  const asOf = dateOf(manifestUrl);
  return asOf ? datedClient(engine, asOf) : engine;
}

/** The same engine with every call made on `asOf` (EngineApi.at): one message, so the date cannot be left behind. */
function datedClient(engine: Remote<EngineApi>, asOf: string): Remote<EngineApi> {
  return new Proxy(engine, {
    get: (target, name) => {
      if (name === "then" || name === "load" || name === "fetchTable" || name === "at" || typeof name !== "string") return Reflect.get(target, name) as unknown;
      return (...args: unknown[]) => (target.at as unknown as (date: string, method: string, values: unknown[]) => Promise<unknown>)(asOf, name, args);
    },
  });
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

/** Indicators for the whole dataset, computed in the worker; a dated URL loads the dataset once and then asks for that date. */
export function useEngineSummary(manifestUrl: string, enabled = true) {
  const client = useQueryClient();
  const asOf = dateOf(manifestUrl);
  return useQuery({
    queryKey: ["engine-summary", manifestUrl],
    enabled,
    queryFn: async () => {
      if (!asOf) return loadInEngine(manifestUrl);
      const base = datedUrl(manifestUrl, null);
      await client.ensureQueryData({
        queryKey: ["engine-summary", base],
        queryFn: () => loadInEngine(base),
        staleTime: Number.POSITIVE_INFINITY,
        retry: false,
      });
      return engineClient(manifestUrl).summary();
    },
    // Moving along the timeline keeps the last date's figures on screen until the next date's arrive.
    ...(asOf ? { placeholderData: (previous: EngineSummary | undefined) => previous } : {}),
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
      previousQuery &&
      JSON.stringify(previousQuery.queryKey.slice(0, 5)) ===
        JSON.stringify(["engine-gaps", manifestUrl, filter.areaCode ?? "", (filter.kinds ?? []).join(","), filter.unitId ?? ""])
        ? previous
        : undefined,
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

/** The dates the timeline spans: the earliest dated record to the dataset's own date. */
export function useTimeline(manifestUrl: string, enabled: boolean) {
  const base = datedUrl(manifestUrl, null);
  return useQuery({
    queryKey: ["engine-timeline", base],
    queryFn: () => engineClient(base).timeline(),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Every target's status per unit on the URL's date, within an area ("" the whole dataset). */
export function useTargets(engineUrl: string, areaCode: string, enabled: boolean) {
  return useQuery({
    queryKey: ["engine-targets", engineUrl, areaCode],
    queryFn: () => engineClient(engineUrl).targets(areaCode),
    enabled,
    placeholderData: (previous) => previous,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** A target's tally over time up to the URL's date (several dates analysed: asked for when a target is open). */
export function useTargetProgress(engineUrl: string, targetId: string | null, areaCode: string, enabled: boolean) {
  return useQuery({
    queryKey: ["engine-progress", engineUrl, targetId, areaCode],
    queryFn: () => engineClient(engineUrl).progress(targetId ?? "", 12, areaCode),
    enabled: enabled && targetId !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** What changed from `from` to the URL's date, unit by unit (null `from`: not comparing). */
export function useDateDiff(engineUrl: string, from: string | null, level: TargetLevel, indicator: ReportIndicatorId, areaCode: string, enabled: boolean) {
  return useQuery({
    queryKey: ["engine-date-diff", engineUrl, from, level, indicator, areaCode],
    queryFn: () => engineClient(engineUrl).dateDiff(from ?? "", level, indicator, areaCode),
    enabled: enabled && from !== null,
    placeholderData: (previous) => previous,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** 双报到 arcs within an area, on the URL's date. */
export function useRegisteredArcs(engineUrl: string, areaCode: string, enabled: boolean) {
  return useQuery({
    queryKey: ["engine-arcs", engineUrl, areaCode],
    queryFn: () => engineClient(engineUrl).registeredArcs(areaCode),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
