// Loads a dataset through TanStack Query and derives the Dataset once every layer has settled.
// A rejected layer does not stop the others: it is reported and drawn as empty.
import { useQueries, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { LAYER_NAMES, type LayerName, type Manifest } from "../../data/contract.ts";
import { indicatorsQuery, type IndicatorsFile } from "../../data/indicators-file.ts";
import { layerQuery, layerUrl, manifestQuery, waterQuery } from "../../data/queries.ts";
import { DataError } from "../../data/validate.ts";
import { buildDataset, type Dataset, type Layers } from "../../domain/dataset.ts";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";

export interface DatasetState {
  manifest: Manifest | undefined;
  dataset: Dataset | undefined;
  water: FeatureCollection<Polygon | MultiPolygon> | undefined;
  /** Everything that went wrong, file by file. */
  errors: DataError[];
  warnings: string[];
  /** True until the manifest, every layer, a tiled dataset's indicators and the basemap have succeeded or failed. */
  loading: boolean;
  /** Tiled datasets: the indicators computed when the tiles were built. */
  indicators: IndicatorsFile | undefined;
  /** Tiled datasets: absolute URL of the PMTiles archive. */
  tilesUrl: string | undefined;
  /** How the manifest and (tiled datasets) the indicators file are getting on, for the progress line. */
  progress: { manifest: FileState; indicators?: FileState };
}

export type FileState = { state: "loading" | "done" | "failed"; file: string; error?: string };

function fileState(result: { isSuccess: boolean; error: unknown }, file: string): FileState {
  if (result.isSuccess) return { state: "done", file };
  if (result.error) return { state: "failed", file, error: result.error instanceof Error ? result.error.message : String(result.error) };
  return { state: "loading", file };
}

function asDataError(error: unknown, file: string): DataError {
  if (error instanceof DataError) return error;
  return new DataError(file, [{ file, field: "(load)", message: error instanceof Error ? error.message : String(error) }]);
}

export function useDataset(manifestUrl: string, waterUrl: string): DatasetState {
  const manifestResult = useQuery(manifestQuery(manifestUrl));
  const manifest = manifestResult.data;
  // A tiled dataset is drawn from its archive: its GeoJSON layers stay on the server.
  const tiled = manifest?.tiles !== undefined;
  const tilesUrl = manifest?.tiles === undefined ? undefined : layerUrl(manifestUrl, manifest.tiles);
  const indicatorsUrl = manifest?.indicators === undefined ? undefined : layerUrl(manifestUrl, manifest.indicators);
  const layerResults = useQueries({ queries: LAYER_NAMES.map((layer) => layerQuery(manifestUrl, tiled ? undefined : manifest, layer)) });
  const indicatorsResult = useQuery(indicatorsQuery(indicatorsUrl));
  const waterResult = useQuery(waterQuery(waterUrl));

  const indicatorsSettled = indicatorsUrl === undefined || indicatorsResult.isSuccess || indicatorsResult.isError;
  // A tiled dataset can be drawn from its manifest alone: the tiles load while the indicators file
  // (figures and label points, added when they come) is still on its way.
  const layersSettled =
    manifest !== undefined &&
    (tiled ||
      layerResults.every((result, index) => {
        const layer = LAYER_NAMES[index] as LayerName;
        return manifest.layers[layer] === undefined || result.isSuccess || result.isError;
      }));
  const layerData = layerResults.map((result) => result.data);

  const dataset = useMemo(() => {
    if (!manifest || !layersSettled) return undefined;
    const partial: Partial<Layers> = {};
    LAYER_NAMES.forEach((layer, index) => {
      const parsed = layerData[index];
      if (parsed) Object.assign(partial, { [layer]: parsed.collection });
    });
    return buildDataset(manifest, partial, tiled ? (indicatorsResult.data?.labels ?? []) : undefined);
    // layerData items are stable query results; listing them keeps the memo exact.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [manifest, layersSettled, tiled, indicatorsResult.data, ...layerData]);

  const errors: DataError[] = [];
  if (manifestResult.error) errors.push(asDataError(manifestResult.error, manifestUrl));
  layerResults.forEach((result, index) => {
    if (result.error) errors.push(asDataError(result.error, manifest?.layers[LAYER_NAMES[index] as LayerName] ?? String(LAYER_NAMES[index])));
  });
  if (waterResult.error) errors.push(asDataError(waterResult.error, waterUrl));
  if (indicatorsResult.error) errors.push(asDataError(indicatorsResult.error, indicatorsUrl ?? "indicators"));
  const warnings = layerData.flatMap((parsed) => parsed?.warnings ?? []);
  if (manifest && !tiled) {
    for (const layer of LAYER_NAMES) {
      if (manifest.layers[layer] === undefined) warnings.push(`manifest: layer "${layer}" is not provided`);
    }
  }
  const waterSettled = waterResult.isSuccess || waterResult.isError;
  const loading = manifestResult.isPending || (manifest !== undefined && (!layersSettled || !indicatorsSettled)) || !waterSettled;
  const progress = {
    manifest: fileState(manifestResult, manifestUrl.split("/").at(-1) ?? manifestUrl),
    ...(manifest?.indicators !== undefined ? { indicators: fileState(indicatorsResult, manifest.indicators) } : {}),
  };
  return { manifest, dataset, water: waterResult.data, errors, warnings, loading, indicators: indicatorsResult.data, tilesUrl, progress };
}
