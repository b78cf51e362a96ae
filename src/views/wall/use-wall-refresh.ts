// The wall's data: the engine's summary, refetched on an interval through TanStack Query. A
// refresh that fails keeps the last good summary on screen (Query keeps `data` on error) and is
// retried with back-off; structural sharing keeps an unchanged summary the same object, so
// nothing animates or reloads unless the data really changed.
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { Thresholds } from "../../domain/indicators.ts";
import type { TourStop } from "../../domain/tour-stops.ts";
import type { UnitReport } from "../../domain/analysis.ts";
import type { EngineSummary, LoadProgress, TargetsResult } from "../../workers/engine-api.ts";
import { progressReporter } from "../data/engine-client.ts";
import { retryDelayMs } from "./refresh-backoff.ts";

/** What the wall needs of the engine: the worker's Comlink proxy, or the engine itself in tests. */
export interface WallEngine {
  load(manifestUrl: string, thresholds?: Thresholds, strict?: boolean, onProgress?: (progress: LoadProgress) => void): Promise<EngineSummary>;
  gapCounts(): Promise<Record<string, number>> | Record<string, number>;
  tourStops(tour: string | null): Promise<TourStop[]> | TourStop[];
  communityReports(): Promise<UnitReport[]> | UnitReport[];
  targets(withinArea?: string): Promise<TargetsResult> | TargetsResult;
}

export interface WallRefresh {
  summary: EngineSummary | undefined;
  /** When the summary on screen was last confirmed by a refresh (ms since the epoch); 0 before. */
  updatedAt: number;
  /** The error of the refresh being retried; null once a refresh succeeds. */
  failure: Error | null;
  /** Gaps per prefecture, district, street and community code, for the summary on screen. */
  gapCounts: Record<string, number> | undefined;
  /** The tour's stops for the summary on screen (empty until the first summary). */
  stops: readonly TourStop[];
}

const NO_STOPS: readonly TourStop[] = [];

export function useWallRefresh(manifestUrl: string, refreshMs: number, engine: WallEngine, tour: string | null): WallRefresh {
  const summary = useQuery({
    queryKey: ["wall-summary", manifestUrl],
    // The worker resolves URLs against its own script, so it gets an absolute one.
    queryFn: () => engine.load(new URL(manifestUrl, document.baseURI).href, undefined, true, progressReporter(manifestUrl)),
    refetchInterval: refreshMs,
    // A wall nobody looks at closely may count as a background tab; it must still refresh.
    refetchIntervalInBackground: true,
    retry: true,
    retryDelay: (attempt) => retryDelayMs(attempt, refreshMs),
    // Intranet walls may report themselves offline; the server is reachable all the same.
    networkMode: "always",
  });
  const gapCounts = useQuery({
    queryKey: ["wall-gap-counts", manifestUrl, summary.dataUpdatedAt],
    queryFn: async () => engine.gapCounts(),
    enabled: summary.data !== undefined,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    networkMode: "always",
  });
  // Structural sharing keeps an unchanged tour the same array, so the tour does not restart on a refresh.
  const stops = useQuery({
    queryKey: ["wall-tour", manifestUrl, tour, summary.dataUpdatedAt],
    queryFn: async () => engine.tourStops(tour),
    enabled: summary.data !== undefined,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    networkMode: "always",
  });
  useReloadMapData(manifestUrl, summary.data);
  return {
    summary: summary.data,
    updatedAt: summary.dataUpdatedAt,
    failure: summary.failureCount > 0 ? (summary.failureReason ?? new Error("refresh failed")) : null,
    gapCounts: gapCounts.data,
    stops: stops.data ?? NO_STOPS,
  };
}

/**
 * Every community's report for the summary on screen, fetched only while the wall shows
 * communities (a township's tour, a clicked community): a province has 15,000 of them.
 */
export function useWallCommunities(manifestUrl: string, engine: WallEngine, summaryUpdatedAt: number, enabled: boolean): readonly UnitReport[] | undefined {
  return useQuery({
    queryKey: ["wall-communities", manifestUrl, summaryUpdatedAt],
    queryFn: async () => engine.communityReports(),
    enabled: enabled && summaryUpdatedAt > 0,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    networkMode: "always",
  }).data;
}

/**
 * 考核督导: every target against the summary on screen, asked again with each refresh; a failed
 * refresh leaves the key unchanged, so the last figures stay (like the KPI cards).
 */
export function useWallTargets(manifestUrl: string, engine: WallEngine, summaryUpdatedAt: number): TargetsResult | undefined {
  return useQuery({
    queryKey: ["wall-targets", manifestUrl, summaryUpdatedAt],
    queryFn: async () => engine.targets(),
    enabled: summaryUpdatedAt > 0,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    networkMode: "always",
  }).data;
}

/** When the summary changes after the first, the map's files changed too: fetch them again. */
function useReloadMapData(manifestUrl: string, summary: EngineSummary | undefined): void {
  const queryClient = useQueryClient();
  const shown = useRef<EngineSummary | undefined>(undefined);
  useEffect(() => {
    if (!summary || shown.current === summary) return;
    const first = shown.current === undefined;
    shown.current = summary;
    if (first) return;
    void queryClient.invalidateQueries({ queryKey: ["manifest", manifestUrl] });
    void queryClient.invalidateQueries({ queryKey: ["layer", manifestUrl] });
  }, [queryClient, manifestUrl, summary]);
}
