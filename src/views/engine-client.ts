// The one connection to the engine worker, created on first use.
import { useQuery } from "@tanstack/react-query";
import { wrap, type Remote } from "comlink";
import type { GapFilter } from "../domain/gaps.ts";
import { DEFAULT_THRESHOLDS } from "../domain/indicators.ts";
import type { EngineApi } from "../workers/engine-api.ts";

let engine: Remote<EngineApi> | undefined;

export function engineClient(): Remote<EngineApi> {
  engine ??= wrap<EngineApi>(new Worker(new URL("../workers/engine.worker.ts", import.meta.url), { type: "module" }));
  return engine;
}

/** Indicators for the whole dataset, computed in the worker. */
export function useEngineSummary(manifestUrl: string, enabled = true) {
  return useQuery({
    queryKey: ["engine-summary", manifestUrl],
    enabled,
    // The worker resolves URLs against its own script location, so hand it an absolute one.
    queryFn: () => engineClient().load(new URL(manifestUrl, document.baseURI).href),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/** The ranked gap list for an area and kind, from the worker (after the summary has loaded). */
export function useGaps(manifestUrl: string, filter: GapFilter, enabled: boolean) {
  return useQuery({
    queryKey: ["engine-gaps", manifestUrl, filter.areaCode ?? "", (filter.kinds ?? []).join(",")],
    queryFn: () => engineClient().gaps(filter, 50),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Indicators and gap changes with planned stations and a service distance, from the worker. */
export function useWhatIf(manifestUrl: string, planned: ReadonlyArray<[number, number]>, serviceDistanceMetres: number, enabled: boolean) {
  return useQuery({
    queryKey: ["engine-what-if", manifestUrl, planned, serviceDistanceMetres],
    queryFn: () =>
      engineClient().whatIf({
        edits: planned.map(([longitude, latitude], index) => ({ type: "add" as const, id: `planned-${index + 1}`, name: `规划站点 ${index + 1}`, longitude, latitude })),
        thresholds: { serviceDistanceMetres },
      }),
    enabled: enabled && (planned.length > 0 || serviceDistanceMetres !== DEFAULT_THRESHOLDS.serviceDistanceMetres),
    placeholderData: (previous) => previous,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
