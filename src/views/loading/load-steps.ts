// What the page has loaded so far, step by step, for the progress line: the manifest, the map's
// first frame, a tiled dataset's precomputed indicators, the engine's table (bytes of bytes) and
// its analysis. Pure: the steps follow from the states the hooks already hold.
import type { LoadProgress } from "../../workers/engine-api.ts";

export type StepState = "waiting" | "loading" | "done" | "failed";
export type StepId = "manifest" | "map" | "indicators" | "table" | "analysis";

export interface LoadStep {
  id: StepId;
  state: StepState;
  /** The file the step reads, when it names one. */
  file?: string;
  /** Bytes received and expected (table download). */
  bytes?: { loaded: number; total: number | null };
  /** What the engine is working on (analysis). */
  stage?: LoadProgress["stage"];
  /** Why it failed, in the words of the error. */
  error?: string;
}

export interface LoadInput {
  manifest: { state: StepState; file: string; error?: string };
  map: { ready: boolean; failedTiles: number; tilesFile?: string };
  /** Tiled datasets only. */
  indicators?: { state: StepState; file: string; error?: string };
  /** The engine: whether it has started, its last progress report, and how it ended. */
  engine: { state: "idle" | "loading" | "done" | "failed"; progress?: LoadProgress; table?: string; error?: string };
}

function tableStep(engine: LoadInput["engine"]): LoadStep {
  const file = engine.table ?? "";
  const progress = engine.progress;
  if (engine.state === "done") return { id: "table", state: "done", file };
  const downloading = progress?.stage === "download";
  if (engine.state === "failed") {
    // A failure before the table was read is the table's; after it, the analysis's.
    return progress && !downloading && progress.stage !== "decode"
      ? { id: "table", state: "done", file }
      : { id: "table", state: "failed", file, ...(engine.error ? { error: briefError(engine.error, file) } : {}) };
  }
  // The table may be fetched before the engine starts (while the map draws): its bytes show either way.
  if (downloading) {
    const complete = progress.total !== null && progress.loaded >= progress.total;
    return complete ? { id: "table", state: "done", file } : { id: "table", state: "loading", file, bytes: { loaded: progress.loaded, total: progress.total } };
  }
  if (!progress) return { id: "table", state: engine.state === "idle" ? "waiting" : "loading", file };
  return { id: "table", state: progress.stage === "decode" ? "loading" : "done", file };
}

function analysisStep(engine: LoadInput["engine"], table: LoadStep | null): LoadStep {
  if (engine.state === "done") return { id: "analysis", state: "done" };
  // A table that failed is the one failure to show; the analysis it would have fed never started.
  if (engine.state === "failed")
    return table?.state === "failed"
      ? { id: "analysis", state: "waiting" }
      : { id: "analysis", state: "failed", ...(engine.error ? { error: engine.error } : {}) };
  const stage = engine.progress?.stage;
  if (stage === "analyse" || stage === "gaps") return { id: "analysis", state: "loading", stage };
  return { id: "analysis", state: "waiting" };
}

/** An error without its leading "<url of the file>: ": the step already names the file. */
export function briefError(message: string, file: string): string {
  const prefix = /^(\S+): /.exec(message);
  return prefix?.[1] && file && prefix[1].endsWith(file) ? message.slice(prefix[0].length) : message;
}

export function loadSteps(input: LoadInput): LoadStep[] {
  const { manifest, map, indicators, engine } = input;
  const steps: LoadStep[] = [
    { id: "manifest", state: manifest.state, file: manifest.file, ...(manifest.error ? { error: briefError(manifest.error, manifest.file) } : {}) },
  ];
  const mapStep: LoadStep = { id: "map", state: map.ready ? "done" : manifest.state === "done" ? "loading" : "waiting" };
  // Failed tiles leave holes, not a blank map: the map counts as failed only in part, and says so.
  if (map.failedTiles > 0) Object.assign(mapStep, { state: "failed", error: String(map.failedTiles), ...(map.tilesFile ? { file: map.tilesFile } : {}) });
  steps.push(mapStep);
  if (indicators)
    steps.push({
      id: "indicators",
      state: indicators.state,
      file: indicators.file,
      ...(indicators.error ? { error: briefError(indicators.error, indicators.file) } : {}),
    });
  const table = engine.table === undefined ? null : tableStep(engine);
  if (table) steps.push(table);
  steps.push(analysisStep(engine, table));
  return steps;
}

/** Whether the progress line has anything left to say: a step still going, or one that failed. */
export function needsAttention(steps: readonly LoadStep[]): boolean {
  return steps.some((step) => step.state !== "done");
}
