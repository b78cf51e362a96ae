// The coverage engine behind a plain-data interface, run inside a Web Worker (Comlink) so the
// page never blocks on analysis. The worker fetches and validates the files itself: only
// results (numbers, gap items) cross to the main thread.
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { LAYER_NAMES, type LayerName } from "../data/contract.ts";
import { layerUrl } from "../data/queries.ts";
import { decodeTables, gunzipIfNeeded, tableSizeFromStart } from "../data/columnar.ts";
import { fetchBytes, fetchJson } from "../data/fetch-json.ts";
import { DataError, parseLayer, parseManifest } from "../data/validate.ts";
import { parseRegisteredUnits, parseTargetsFile } from "../data/programme-files.ts";
import type { Manifest, Target, TargetLevel } from "../data/contract.ts";
import { earliestRecord, modelAsOf, sampleDates } from "../domain/as-of.ts";
import { diffDates, type DateDiff } from "../domain/date-diff.ts";
import type { ReportIndicatorId } from "../domain/indicator-registry.ts";
import { registeredArcs, type RegisteredArc } from "../domain/registered-units.ts";
import { evaluateTarget, progressOf, targetIndicator, type ProgressPoint, type TargetReport } from "../domain/targets.ts";
import { accessBandsOf, type AccessBandIds } from "../domain/access-bands.ts";
import { summarizeEnclosed, type EnclosedSummary } from "../domain/enclosed.ts";
import { analyze, analyzeModel, areaReportsOf, communityReportsOf, unitReport, type Analysis, type UnitReport } from "../domain/analysis.ts";
import { accessFromTables, modelFromTables } from "../domain/model-table.ts";
import { buildSearchIndex, searchEntriesFromModel, type SearchGroup, type SearchIndex } from "../domain/search.ts";
import { gapCountsByUnit, gridLoadsIn, type GridLoad } from "../domain/area-breakdown.ts";
import { gapPage, type GapFilter, type GapPage } from "../domain/gaps.ts";
import { DEFAULT_THRESHOLDS, type Thresholds } from "../domain/indicators.ts";
import type { EngineLayers, ModelProblem } from "../domain/model.ts";
import { atlasUnits, type AtlasArea, type AtlasScope, type AtlasUnit } from "../domain/atlas-units.ts";
import { describeUnit, type UnitInfo } from "../domain/unit-lookup.ts";
import { tourStops, type TourStop } from "../domain/tour-stops.ts";
import { suggestSites, type SiteSuggestion } from "../domain/suggest-sites.ts";
import { prepareScenarios, scenarioGapPage } from "../domain/scenario-pages.ts";
import { applyScenario, diffAnalyses, type Scenario, type ScenarioAnalysis, type ScenarioDiff } from "../domain/what-if.ts";

export interface EngineSummary {
  city: UnitReport;
  prefectures: UnitReport[];
  districts: UnitReport[];
  streets: UnitReport[];
  gapCount: number;
  problems: ModelProblem[];
  /** Layers the engine could not use (failed to load or broke the contract); analysed as empty. */
  unavailable: Array<{ layer: LayerName | "registeredUnits" | "targets"; message: string }>;
  /** The manifest's 数据截至 date: a refreshed summary says how fresh it is. */
  asOf: string;
}

/** Where a load has got to, for the page's progress line: which file, how many bytes of how many, what is being computed. */
export interface LoadProgress {
  stage: "download" | "decode" | "analyse" | "gaps";
  /** The file being read (download and decode). */
  file: string | null;
  loaded: number;
  /** The file's size when the server gives it; null when it does not. */
  total: number | null;
}

/** At most one download report per this many milliseconds: a 12 MB file arrives in hundreds of chunks. */
const PROGRESS_INTERVAL_MS = 100;

function throttled(report: ((progress: LoadProgress) => void) | undefined, file: string): (loaded: number, total: number | null) => void {
  let last = 0;
  return (loaded, total) => {
    const now = performance.now();
    if (!report || (now - last < PROGRESS_INTERVAL_MS && loaded !== total)) return;
    last = now;
    void report({ stage: "download", file, loaded, total });
  };
}

/** A tiled dataset's attribute table, unpacked and read into the model: all an analysis needs. */
interface ReadTable {
  model: Analysis["model"];
  access: ReturnType<typeof accessFromTables>;
}

/** Downloads, unpacks and reads a tiled dataset's attribute table (the analysis is the caller's). */
async function readTable(manifestUrl: string, file: string, onProgress?: (progress: LoadProgress) => void): Promise<ReadTable> {
  const url = layerUrl(manifestUrl, file);
  const downloaded = await fetchBytes(url, throttled(onProgress, file), undefined, tableSizeFromStart);
  void onProgress?.({ stage: "decode", file, loaded: downloaded.length, total: downloaded.length });
  const decoded = decodeTables(await gunzipIfNeeded(downloaded, url), url);
  return { model: modelFromTables(decoded, url), access: accessFromTables(decoded, url) };
}

export interface WhatIfResult {
  city: UnitReport;
  diff: ScenarioDiff;
}

function summaryOf(analysis: Analysis, title: string, unavailable: EngineSummary["unavailable"], asOf: string): EngineSummary {
  const { city, prefectures, districts, streets } = areaReportsOf(analysis, title);
  return { city, prefectures, districts, streets, gapCount: analysis.gaps.length, problems: analysis.model.problems, unavailable, asOf };
}

export function createEngine() {
  let base: Analysis | undefined;
  /** Gaps per unit of the loaded analysis: asked for by the charts, the wall and its ranking alike. */
  let gapCounts: { analysis: Analysis; counts: Record<string, number> } | undefined;
  let fetchedTable: { manifestUrl: string; manifest: Promise<Manifest>; table: Promise<ReadTable | null> } | undefined;
  /** The dataset the last successful load() read: a fetchTable() for it has nothing to prepare. */
  let loadedFrom: string | undefined;
  let title = "";
  /** The last what-if plan and its analysis: the map's access colouring asks for the same plan as the panel. */
  let lastScenario: { key: string; base: Analysis; analysis: ScenarioAnalysis } | undefined;
  /** The analysis as loaded; `base` is it, or for the length of one dated call the analysis of that date. */
  let loaded: Analysis | undefined;
  /** Analyses of earlier dates (the timeline), the most recently used last. */
  let dated = new Map<string, Analysis>();
  let targetList: Target[] = [];
  let manifestAsOf = "";
  let searchIndex: { model: Analysis["model"]; index: SearchIndex } | undefined;
  /** The load in progress: a call that needs the model (the import's outlines) waits for it. */
  let loading: Promise<void> | undefined;
  const loadNow = async (
    manifestUrl: string,
    thresholds: Thresholds,
    strict: boolean,
    onProgress?: (progress: LoadProgress) => void,
  ): Promise<EngineSummary> => {
    // Comlink hands a proxied callback; its promise is not awaited (progress must not slow the load).
    const report = (progress: LoadProgress) => void onProgress?.(progress);
    // What fetchTable() began is used once (manifest and table); a refresh reads both again.
    const begun = fetchedTable?.manifestUrl === manifestUrl ? fetchedTable : undefined;
    fetchedTable = undefined;
    const earlyManifest = await begun?.manifest.catch(() => undefined);
    const manifest = earlyManifest ?? parseManifest(manifestUrl, await fetchJson(manifestUrl));
    const unavailable: EngineSummary["unavailable"] = [];
    if (manifest.attributes !== undefined) {
      // A tiled dataset: the engine works from its attribute table, never from the polygons. A
      // table begun with a manifest that failed to load says nothing, so it is read again; one
      // that failed to download rejects here with its own error (a second 13 MB try would not help).
      const early = earlyManifest && begun ? await begun.table : null;
      const table = early ?? (await readTable(manifestUrl, manifest.attributes, onProgress));
      report({ stage: "analyse", file: null, loaded: 0, total: null });
      base = analyzeModel(table.model, thresholds, table.access);
    } else {
      const collections = await Promise.all(
        LAYER_NAMES.map(async (layer) => {
          const file = manifest.layers[layer];
          if (file === undefined) return { type: "FeatureCollection" as const, features: [] };
          try {
            const url = layerUrl(manifestUrl, file);
            return parseLayer(layer, url, await fetchJson(url)).collection;
          } catch (error) {
            if (strict) throw error;
            unavailable.push({ layer, message: error instanceof DataError ? error.message : String(error) });
            return { type: "FeatureCollection" as const, features: [] };
          }
        }),
      );
      const layers = Object.fromEntries(LAYER_NAMES.map((layer, index) => [layer, collections[index]])) as unknown as EngineLayers;
      if (manifest.registeredUnits !== undefined) {
        try {
          const url = layerUrl(manifestUrl, manifest.registeredUnits);
          layers.registeredUnits = parseRegisteredUnits(url, await fetchJson(url)).units;
        } catch (error) {
          if (strict) throw error;
          unavailable.push({ layer: "registeredUnits", message: error instanceof DataError ? error.message : String(error) });
        }
      }
      report({ stage: "analyse", file: null, loaded: 0, total: null });
      base = analyze(layers, thresholds, manifest.asOf);
    }
    report({ stage: "gaps", file: null, loaded: 0, total: null });
    title = manifest.title;
    lastScenario = undefined;
    loaded = base;
    dated = new Map();
    manifestAsOf = manifest.asOf;
    targetList = [];
    if (manifest.targets !== undefined) {
      try {
        targetList = await loadTargets(manifestUrl, manifest.targets);
      } catch (error) {
        unavailable.push({ layer: "targets", message: error instanceof DataError ? error.message : String(error) });
      }
    }
    loadedFrom = manifestUrl;
    return summaryOf(base, title, unavailable, manifest.asOf);
  };
  const current = () => {
    if (!base) throw new Error("no dataset loaded in the engine");
    return base;
  };
  /** The analysis now, or under a what-if plan (the last plan's analysis is kept for the next call). */
  const analysisOf = (scenario: Scenario | null): Analysis => (scenario ? scenarioAnalysis(scenario) : current());
  const scenarioAnalysis = (scenario: Scenario): ScenarioAnalysis => {
    const key = JSON.stringify(scenario);
    if (lastScenario?.key !== key || lastScenario.base !== current()) lastScenario = { key, base: current(), analysis: applyScenario(current(), scenario) };
    return lastScenario.analysis;
  };
  /** The analysis on `asOf` (null or the dataset's own date: the loaded one), kept for the next calls. */
  const analysisAt = (asOf: string | null): Analysis => {
    const original = loaded ?? current();
    if (asOf === null || asOf >= original.model.asOf) return original;
    let found = dated.get(asOf);
    if (found) dated.delete(asOf);
    else found = analyzeModel(modelAsOf(original.model, asOf), original.thresholds);
    dated.set(asOf, found);
    // A province's analysis holds tens of megabytes: keep the last few dates only.
    while (dated.size > DATED_CACHE) dated.delete(dated.keys().next().value as string);
    return found;
  };
  const methods = {
    /** The summary of the loaded dataset (after load()), as load() returned it. */
    summary(): EngineSummary {
      return summaryOf(current(), title, [], current().model.asOf);
    },
    /** The dates the timeline can show: from the earliest dated record to the dataset's own date. */
    timeline(): { from: string | null; to: string } {
      const original = loaded ?? current();
      return { from: earliestRecord(original.model), to: original.model.asOf };
    },
    /** Every target's status per unit on the date in force (see at()), within an area (a code prefix). */
    targets(withinArea = ""): TargetsResult {
      const reports: TargetReport[] = [];
      const problems: string[] = [];
      for (const target of targetList) {
        try {
          reports.push(evaluateTarget(current(), target, withinArea));
        } catch (error) {
          problems.push(error instanceof Error ? error.message : String(error));
        }
      }
      return { reports, problems };
    },
    /** A target's tally at `points` dates from its start to the date in force (each date analysed once and kept briefly). */
    progress(targetId: string, points = 12, withinArea = ""): ProgressPoint[] {
      const target = targetList.find((candidate) => candidate.id === targetId);
      if (!target) throw new Error(`no target ${targetId}`);
      const now = current();
      const end = now.model.asOf < manifestAsOf ? now.model.asOf : manifestAsOf;
      const dates = sampleDates(target.start < end ? target.start : end, end, points);
      // Each sample date is analysed without evicting the dates the page is showing. Only station
      // reach needs the distances of that date; any other indicator reuses the loaded ones (and
      // saves the one spatial join, seconds at province scale).
      const original = loaded ?? now;
      const access = targetIndicator(target) === "stationAccessRate" ? undefined : original.access;
      const analyses = dates.map((date) =>
        date === now.model.asOf ? now : date >= manifestAsOf ? original : analyzeModel(modelAsOf(original.model, date), now.thresholds, access),
      );
      return progressOf(analyses, target, withinArea);
    },
    /** What changed from `from` to the date in force, unit by unit at `level`, by `indicator`. */
    dateDiff(from: string, level: TargetLevel, indicator: ReportIndicatorId, withinArea = ""): DateDiff {
      return diffDates(analysisAt(from), current(), level, indicator, withinArea);
    },
    /** 双报到 arcs within an area: each registered unit, where it stands and the community it serves. */
    registeredArcs(withinArea = "", limit = 5000): RegisteredArc[] {
      return registeredArcs(current().model, withinArea, limit);
    },
    /**
     * Starts reading a tiled dataset's attribute table, for a load() to come: it downloads, is
     * unpacked and read into the model while the page draws its first frame (the province's
     * unpacking and model took 1.1 s in node, about a third of what followed the map's first frame
     * when they waited for it); the analysis, the load's own part, starts after that frame.
     */
    fetchTable(manifestUrl: string, onProgress?: (progress: LoadProgress) => void): void {
      // A view coming back to a dataset this engine has loaded (A → B → A) has its figures cached;
      // reading the table again would only be thrown away. A refresh is load()'s, which reads anew.
      if (fetchedTable?.manifestUrl === manifestUrl || loadedFrom === manifestUrl) return;
      const manifest = fetchJson(manifestUrl).then((json) => parseManifest(manifestUrl, json));
      const table = manifest.then((parsed) => (parsed.attributes === undefined ? null : readTable(manifestUrl, parsed.attributes, onProgress)));
      // A failure is load()'s to report, with the file; here it must not be an unhandled rejection.
      manifest.catch(() => undefined);
      table.catch(() => undefined);
      fetchedTable = { manifestUrl, manifest, table };
    },
    /**
     * Loads and analyses a dataset. `strict` (the wall's refresh): a layer that fails rejects the
     * whole load and the last good analysis stays, instead of being analysed as empty.
     */
    async load(
      manifestUrl: string,
      thresholds: Thresholds = DEFAULT_THRESHOLDS,
      strict = false,
      onProgress?: (progress: LoadProgress) => void,
    ): Promise<EngineSummary> {
      const pending = loadNow(manifestUrl, thresholds, strict, onProgress);
      loading = pending.then(
        () => undefined,
        () => undefined,
      );
      return pending;
    },
    /** The ranked gaps matching a filter, now or (with a scenario) under a what-if plan. */
    gaps(filter: GapFilter, limit = 200, scenario: Scenario | null = null): GapPage {
      if (!scenario) return gapPage(current().gaps, filter, limit);
      return scenarioGapPage(current(), scenarioAnalysis(scenario), filter, limit);
    },
    /** Builds what station edits reuse (gap lookups, locators), ahead of the first edit. */
    prepareWhatIf(): void {
      prepareScenarios(current());
    },
    whatIf(scenario: Scenario): WhatIfResult {
      const after = analysisOf(scenario);
      return { city: unitReport("city", "", title, null, after.rollup.city), diff: diffAnalyses(current(), after) };
    },
    /** Compound ids by distance to a station, now or with a what-if plan (the last plan's analysis is reused). */
    accessBands(scenario: Scenario | null): AccessBandIds {
      return accessBandsOf(analysisOf(scenario));
    },
    /** What a drawn rectangle or lasso encloses (ring of [longitude, latitude]), with the current plan applied if any. */
    enclosed(ring: Array<[number, number]>, scenario: Scenario | null): EnclosedSummary {
      return summarizeEnclosed(analysisOf(scenario), ring);
    },
    suggest(count: number): SiteSuggestion[] {
      return suggestSites(current(), count);
    },
    /**
     * Every community's report. Not in the summary: a province has 15,000 of them, nine tenths of
     * the summary's bytes, and the page needs them only for community fills, a township's chart or a
     * community's card.
     */
    communityReports(): UnitReport[] {
      return communityReportsOf(current());
    },
    /** Households and workers of each grid in an area (the summary stops at communities). */
    gridLoads(areaCode?: string): GridLoad[] {
      return gridLoadsIn(current().model, areaCode);
    },
    /** Search over every unit, down to grids and residential units; the index is built on the first query. */
    search(query: string, limit = 8): SearchGroup[] {
      // Names do not change with the date: the index of the loaded model serves every date.
      const model = (loaded ?? current()).model;
      if (searchIndex?.model !== model) searchIndex = { model, index: buildSearchIndex(searchEntriesFromModel(model)) };
      return searchIndex.index.search(query, limit);
    },
    /** The wall's tour (see tourStops): names and boxes from the model, so a tiled dataset tours too. */
    tourStops(tour: string | null): TourStop[] {
      return tourStops(current().model, tour);
    },
    /** One unit as the explorer shows it (fields, box, breadcrumb), or null when there is none. */
    /** One area level's outlines (simplified to about 30 m in a tiled dataset), to check an import against. */
    async areaOutlines(layer: "districts" | "streets" | "communities"): Promise<FeatureCollection<Polygon | MultiPolygon, { code: string; name: string }>> {
      if (!base) await loading;
      const rows: ReadonlyArray<{ code: string; name: string; geometry: Polygon | MultiPolygon }> = current().model[layer];
      return {
        type: "FeatureCollection",
        features: rows.map((row) => ({ type: "Feature", properties: { code: row.code, name: row.name }, geometry: row.geometry })),
      };
    },
    describe(layer: LayerName, id: string): UnitInfo | null {
      return describeUnit(current().model, layer, id);
    },
    /** Several units of one layer (the stations a what-if plan moves), keyed by id; unknown ids left out. */
    describeAll(layer: LayerName, ids: readonly string[]): Record<string, UnitInfo> {
      const model = current().model;
      return Object.fromEntries(
        ids.flatMap((id) => {
          const info = describeUnit(model, layer, id);
          return info ? [[id, info]] : [];
        }),
      );
    },
    /** The pages of an atlas: each unit of `scope` in `area`, with its outline and figures. */
    atlasUnits(scope: AtlasScope, area: AtlasArea): AtlasUnit[] {
      return atlasUnits(current(), scope, area);
    },
    /** Number of gaps in each prefecture, district, street and community, keyed by code. */
    gapCounts(): Record<string, number> {
      const analysis = current();
      if (gapCounts?.analysis !== analysis) gapCounts = { analysis, counts: gapCountsByUnit(analysis.gaps) };
      return gapCounts.counts;
    },
  };
  type Methods = typeof methods;
  return {
    ...methods,
    /**
     * Any method on an earlier date: the call names its date, so no date is left behind in the
     * worker. `asOf` null (or the dataset's date) is the loaded analysis.
     */
    at<K extends Exclude<keyof Methods, "load" | "fetchTable">>(asOf: string | null, method: K, args: Parameters<Methods[K]>): ReturnType<Methods[K]> {
      const saved = base;
      base = analysisAt(asOf);
      try {
        return (methods[method] as (...values: unknown[]) => ReturnType<Methods[K]>)(...args);
      } finally {
        base = saved;
      }
    },
  };
}

/** Dated analyses kept at once: the date on screen, the one compared with, and a step back. */
const DATED_CACHE = 3;

export interface TargetsResult {
  reports: TargetReport[];
  /** Targets that could not be evaluated (an indicator the registry does not have), in words. */
  problems: string[];
}

async function loadTargets(manifestUrl: string, file: string): Promise<Target[]> {
  const url = layerUrl(manifestUrl, file);
  return parseTargetsFile(url, await fetchJson(url));
}

export type EngineApi = ReturnType<typeof createEngine>;
