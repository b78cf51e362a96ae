// The explorer's progress line: the file states useDataset holds, the map's first frame, failed
// tiles as the map reports them, and the engine's query and progress, turned into steps.
import type { UseQueryResult } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import type { Manifest } from "../../data/contract.ts";
import type { EngineSummary } from "../../workers/engine-api.ts";
import { useEngineProgress } from "../data/engine-client.ts";
import type { TileFailure } from "../map/map-adapter.ts";
import type { DatasetState } from "../data/use-dataset.ts";
import { loadSteps, type LoadInput, type LoadStep } from "./load-steps.ts";

export interface LoadStepsOptions {
  manifestUrl: string;
  manifest: Manifest | undefined;
  progress: DatasetState["progress"];
  mapReady: boolean;
  engine: Pick<UseQueryResult<EngineSummary>, "isSuccess" | "isError" | "error" | "fetchStatus">;
}

function engineState(engine: LoadStepsOptions["engine"]): LoadInput["engine"]["state"] {
  if (engine.isSuccess) return "done";
  if (engine.isError) return "failed";
  return engine.fetchStatus === "fetching" ? "loading" : "idle";
}

export function useLoadSteps({ manifestUrl, manifest, progress, mapReady, engine }: LoadStepsOptions): {
  steps: LoadStep[];
  onTileError: (failure: TileFailure) => void;
} {
  const reported = useEngineProgress(manifestUrl);
  // Distinct tiles: MapLibre may report the same tile again when it retries.
  const [failedTiles, setFailedTiles] = useState<ReadonlySet<string>>(new Set());
  const onTileError = useCallback((failure: TileFailure) => {
    const key = `${failure.source}:${failure.tile ?? failure.message}`;
    setFailedTiles((previous) => (previous.has(key) ? previous : new Set([...previous, key])));
  }, []);
  const state = engineState(engine);
  const error = engine.error ? (engine.error instanceof Error ? engine.error.message : String(engine.error)) : undefined;
  const steps = useMemo(
    () =>
      loadSteps({
        manifest: progress.manifest,
        map: { ready: mapReady, failedTiles: failedTiles.size, ...(manifest?.tiles ? { tilesFile: manifest.tiles } : {}) },
        ...(progress.indicators ? { indicators: progress.indicators } : {}),
        engine: {
          state,
          ...(reported ? { progress: reported } : {}),
          ...(manifest?.attributes ? { table: manifest.attributes } : {}),
          ...(error ? { error } : {}),
        },
      }),
    [progress, mapReady, failedTiles, manifest, state, reported, error],
  );
  return { steps, onTileError };
}
