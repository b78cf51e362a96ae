// The explorer's search box: a local index of the loaded layers (GeoJSON datasets) or of a tiled
// dataset's label points, until the worker holds the tiled dataset's attribute table and answers
// from its index of every unit. Choosing a hit selects the unit and flies there.
import { useMemo, useState } from "react";
import type { IndicatorsFile } from "../../../data/indicators-file.ts";
import type { Dataset } from "../../../domain/dataset.ts";
import { buildSearchIndex, searchEntriesFromLayers, type SearchEntry, type SearchHit } from "../../../domain/search.ts";
import { useWorkerSearch } from "../../data/engine-client.ts";
import type { Language } from "../../i18n/i18n.ts";
import type { SearchBoxProps } from "./SearchBox.tsx";
import { LEVEL_LAYER, levelLabels } from "../unit-levels.ts";
import type { SelectionState } from "../use-selection.ts";

export interface SearchOptions {
  manifestUrl: string;
  language: Language;
  /** The map has drawn its first frame: only then is the local index built. */
  mapReady: boolean;
  dataset: Dataset | undefined;
  indicators: IndicatorsFile | undefined;
  /** The worker has the dataset's attribute table: queries go to its index instead. */
  workerReady: boolean;
  selectUnit: SelectionState["selectUnit"];
}

export type SearchState = Pick<SearchBoxProps, "index" | "remote" | "onChoose" | "levelLabels">;

/** Hits shown per level by the worker, as by the local index. */
const LIMIT = 8;

/** Entries of the local index: a tiled dataset's district and street label points, else every unit of the loaded layers. */
export function localSearchEntries(
  dataset: Dataset | undefined,
  indicators: { labels: ReadonlyArray<IndicatorsFile["labels"][number]> } | undefined,
): SearchEntry[] | undefined {
  if (indicators)
    return indicators.labels.map((label) => ({ level: label.level, id: label.code, name: label.name, context: "", position: label.position, bbox: null }));
  return dataset ? searchEntriesFromLayers(dataset.layers) : undefined;
}

export function useSearch(options: SearchOptions): SearchState {
  const { manifestUrl, language, mapReady, dataset, indicators, workerReady, selectUnit } = options;
  // Built once the map is up: labelling 2,000 polygons is not worth delaying the first frame for.
  const index = useMemo(() => {
    if (!mapReady) return undefined;
    const entries = localSearchEntries(dataset, indicators);
    return entries ? buildSearchIndex(entries) : undefined;
  }, [mapReady, dataset, indicators]);
  const [query, setQuery] = useState("");
  const workerSearch = useWorkerSearch(manifestUrl, query, LIMIT, workerReady);
  const remote = useMemo(
    () => (workerReady ? { groups: query.trim() === "" ? [] : (workerSearch.data ?? []), onQuery: setQuery } : undefined),
    [workerReady, query, workerSearch.data],
  );
  const labels = useMemo(() => levelLabels(language), [language]);
  const onChoose = (hit: SearchHit) => selectUnit({ layer: LEVEL_LAYER[hit.level], id: hit.id, name: hit.name }, { position: hit.position, bbox: hit.bbox });
  return { index, remote, onChoose, levelLabels: labels };
}
