// The coverage engine behind a plain-data interface, run inside a Web Worker (Comlink) so the
// page never blocks on analysis. The worker fetches and validates the files itself: only
// results (numbers, gap items) cross to the main thread.
import { LAYER_NAMES, type LayerName } from "../data/contract.ts";
import { layerUrl } from "../data/queries.ts";
import { fetchJson } from "../data/fetch-json.ts";
import { DataError, parseLayer, parseManifest } from "../data/validate.ts";
import { analyze, reportOf, unitReport, type Analysis, type UnitReport } from "../domain/analysis.ts";
import { filterGaps, type Gap, type GapFilter } from "../domain/gaps.ts";
import { DEFAULT_THRESHOLDS, type Thresholds } from "../domain/indicators.ts";
import type { EngineLayers, ModelProblem } from "../domain/model.ts";
import { suggestSites, type SiteSuggestion } from "../domain/suggest-sites.ts";
import { applyScenario, diffAnalyses, type Scenario, type ScenarioDiff } from "../domain/what-if.ts";

export interface EngineSummary {
  city: UnitReport;
  districts: UnitReport[];
  streets: UnitReport[];
  communities: UnitReport[];
  gapCount: number;
  problems: ModelProblem[];
  /** Layers the engine could not use (failed to load or broke the contract); analysed as empty. */
  unavailable: Array<{ layer: LayerName; message: string }>;
}

export interface WhatIfResult {
  city: UnitReport;
  diff: ScenarioDiff;
}

function summaryOf(analysis: Analysis, title: string, unavailable: EngineSummary["unavailable"]): EngineSummary {
  const report = reportOf(analysis, title);
  return { city: report.city, districts: report.districts, streets: report.streets, communities: report.communities, gapCount: analysis.gaps.length, problems: report.problems, unavailable };
}

export function createEngine() {
  let base: Analysis | undefined;
  let title = "";
  const current = () => {
    if (!base) throw new Error("no dataset loaded in the engine");
    return base;
  };
  return {
    async load(manifestUrl: string, thresholds: Thresholds = DEFAULT_THRESHOLDS): Promise<EngineSummary> {
      const manifest = parseManifest(manifestUrl, await fetchJson(manifestUrl));
      title = manifest.title;
      const unavailable: EngineSummary["unavailable"] = [];
      const collections = await Promise.all(
        LAYER_NAMES.map(async (layer) => {
          const file = manifest.layers[layer];
          if (file === undefined) return { type: "FeatureCollection" as const, features: [] };
          try {
            const url = layerUrl(manifestUrl, file);
            return parseLayer(layer, url, await fetchJson(url)).collection;
          } catch (error) {
            unavailable.push({ layer, message: error instanceof DataError ? error.message : String(error) });
            return { type: "FeatureCollection" as const, features: [] };
          }
        }),
      );
      const layers = Object.fromEntries(LAYER_NAMES.map((layer, index) => [layer, collections[index]])) as unknown as EngineLayers;
      base = analyze(layers, thresholds);
      return summaryOf(base, title, unavailable);
    },
    gaps(filter: GapFilter, limit = 200): { total: number; items: Gap[] } {
      const matching = filterGaps(current().gaps, filter);
      return { total: matching.length, items: matching.slice(0, limit) };
    },
    whatIf(scenario: Scenario): WhatIfResult {
      const after = applyScenario(current(), scenario);
      return { city: unitReport("city", "", title, null, after.rollup.city), diff: diffAnalyses(current(), after) };
    },
    suggest(count: number): SiteSuggestion[] {
      return suggestSites(current(), count);
    },
  };
}

export type EngineApi = ReturnType<typeof createEngine>;
