// The indicators the explorer shows: the engine worker's analysis once it has one, and until
// then a tiled dataset's indicators computed when its tiles were built.
import { useEffect, useMemo } from "react";
import type { LayerName, Manifest } from "../../data/contract.ts";
import type { IndicatorsFile } from "../../data/indicators-file.ts";
import type { UnitReport } from "../../domain/analysis.ts";
import { countFeatures, countsFromReport, type Dataset, type DatasetCounts } from "../../domain/dataset.ts";
import { datasetKey, dateOf, engineClient, progressReporter, useCommunityReports, useEngineSummary } from "./engine-client.ts";
import { translate, type Language } from "../i18n/i18n.ts";

/** Reports by level. Tiled datasets' indicator files hold the same reports, typed loosely by their schema, and no prefecture or community lists. */
export interface ExplorerReports {
  prefectures?: readonly UnitReport[];
  districts: readonly UnitReport[];
  streets: readonly UnitReport[];
  communities?: readonly UnitReport[];
}

export interface ReportsOptions {
  manifestUrl: string;
  /** The engine URL of the date shown (datedUrl); the dataset's own date when left out. */
  engineUrl?: string;
  manifest: Manifest | undefined;
  dataset: Dataset | undefined;
  indicators: IndicatorsFile | undefined;
  /** The map has drawn its first frame: a GeoJSON dataset's engine starts then (see useReports). */
  mapReady: boolean;
  /** Whether the view shows communities' figures (their fills, a township's chart, a community's card): they are fetched then. */
  needsCommunities: boolean;
  language: Language;
}

const REPORT_LISTS: Partial<Record<LayerName, keyof ExplorerReports>> = {
  prefectures: "prefectures",
  districts: "districts",
  streets: "streets",
  communities: "communities",
};

/** The report of a selected area (prefecture, county, township or community); undefined for any other unit or while unknown. */
export function areaReportOf(reports: ExplorerReports | undefined, selected: { layer: LayerName; id: string } | null): UnitReport | undefined {
  const list = selected && REPORT_LISTS[selected.layer];
  return list ? reports?.[list]?.find((unit) => unit.code === selected.id) : undefined;
}

/**
 * Whether a tiled dataset's engine reads its attribute table while the map draws its first frame,
 * rather than after it. Reading takes a core (unpack, decode, model) and on this machine's two
 * cores the map's first frame waited for it: the city's table (1.9 MB) read early made the map
 * ready 0.5 s later (median of 10 loads, 3.6 s against 3.2 s, and far more spread). A province's
 * table (14 MB) is read early all the same: read after the map, its indicators came 2.9-3.2 s
 * after the map was ready, on the 3 s target; read early, 2.4-2.6 s.
 */
export function readsTableEarly(manifest: Manifest): boolean {
  return manifest.tiles !== undefined && manifest.attributes !== undefined && manifest.area.level === "province";
}

export function useReports({
  manifestUrl,
  engineUrl = manifestUrl,
  manifest,
  dataset,
  indicators: fileIndicators,
  mapReady,
  needsCommunities,
  language,
}: ReportsOptions) {
  // A tiled dataset's precomputed indicators are its own date's: an earlier date waits for the engine.
  const indicators = dateOf(engineUrl) ? undefined : fileIndicators;
  // The worker analyses every dataset: GeoJSON ones from their layers, tiled ones from their
  // attribute table (the map reads tiles, the worker its table: nothing is read twice). A tiled
  // dataset's precomputed indicators show until the worker is ready. Reading the table and the
  // analysis take a core, so they wait until the map is drawn and the two do not compete for the
  // CPU while the first frame is still coming; only a province's table is read sooner
  // (readsTableEarly, and App.tsx).
  const tiledEngine = manifest?.tiles !== undefined && manifest.attributes !== undefined;
  const readTable = tiledEngine && (mapReady || readsTableEarly(manifest));
  useEffect(() => {
    if (readTable) void engineClient(manifestUrl).fetchTable(datasetKey(manifestUrl), progressReporter(manifestUrl));
  }, [readTable, manifestUrl]);
  const engine = useEngineSummary(engineUrl, manifest !== undefined && (manifest.tiles === undefined || tiledEngine) && mapReady);
  const counts = useMemo((): DatasetCounts | undefined => {
    if (fileIndicators) return countsFromReport(fileIndicators.city, fileIndicators.districts.length);
    return dataset ? countFeatures(dataset.layers) : undefined;
  }, [dataset, fileIndicators]);
  const communities = useCommunityReports(engineUrl, engine.isSuccess && needsCommunities);
  const reports = useMemo(
    () => (engine.data ? { ...engine.data, ...(communities.data ? { communities: communities.data } : {}) } : (indicators as ExplorerReports | undefined)),
    [engine.data, communities.data, indicators],
  );
  const city = (engine.data?.city ?? indicators?.city) as UnitReport | undefined;
  const failed = engine.error ? translate(language, "kpi.failed", { message: String(engine.error) }) : undefined;
  return {
    engine,
    reports,
    /** The whole dataset's report. */
    city,
    counts,
    /** Why the KPI panel has nothing yet (computing, or failed); undefined once there is a report. */
    status: city ? undefined : engine.isPending || engine.isFetching ? translate(language, "kpi.computing") : failed,
    /** Nothing to chart or list yet, and nothing has failed: the engine is still working. */
    computing: !indicators && !engine.isSuccess && !engine.isError,
  };
}
