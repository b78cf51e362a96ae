// The import panel's state: the files dropped, the layer each goes to, the coordinate system and
// join mode chosen, one worker run per layer (parents first, so compounds are checked against
// communities imported in the same go), the reports, and applying the result as a session dataset.
import { useRef, useState } from "react";
import type { FeatureCollection } from "geojson";
import { LAYER_NAMES, type LayerName } from "../../data/contract.ts";
import type { ColumnMapping } from "../../data/import/columns.ts";
import type { ImportProgress } from "../../data/import/import-layer.ts";
import { PARENT_OF, type ImportContext } from "../../data/import/parents.ts";
import { decodeCollection, mergeLayer, type JoinMode, type StoredLayer } from "../../data/import/session.ts";
import { saveSession, sessionKey, type ImportSession } from "../../data/import-session-store.ts";
import type { Layers } from "../../domain/dataset.ts";
import { groupFiles, type FileGroup } from "./file-groups.ts";
import type { WorkerImportResult } from "../../workers/import-api.ts";
import { ImportCancelledError, runImport, type RunningImport } from "./import-client.ts";

export interface LayerRun {
  layer: LayerName;
  groups: FileGroup[];
  mapping: ColumnMapping;
  result?: WorkerImportResult;
  error?: string;
}

export interface ImportState {
  groups: FileGroup[];
  crs: string;
  mode: JoinMode;
  outlinePoints: boolean;
  runs: LayerRun[];
  running: { layer: LayerName; progress: ImportProgress | null } | null;
  /** The last drop taken in: a drop is added once, however often an effect hands it over. */
  lastDrop: number;
}

const INITIAL: ImportState = { groups: [], crs: "", mode: "join", outlinePoints: false, runs: [], running: null, lastDrop: 0 };
/** Radius of the circle drawn for a compound given only as a point, in metres. */
export const POINT_OUTLINE_METRES = 30;

export interface ImportOptionsForHook {
  /** The dataset on screen: its layers are the reference for checks and joins (GeoJSON datasets). */
  layers: Layers | undefined;
  /** Absolute URL of the dataset the session builds on. */
  baseUrl: string;
  /** Layers already imported in this session (a second import adds to them). */
  previous: readonly StoredLayer[];
  /** A tiled dataset's area outlines from its engine, when `layers` is not there to check against. */
  outlines?: ((layer: "districts" | "streets" | "communities") => Promise<FeatureCollection>) | undefined;
}

const OUTLINED = new Set<LayerName>(["districts", "streets", "communities"]);

async function contextFor(
  layer: LayerName,
  layers: Layers | undefined,
  done: readonly LayerRun[],
  outlines: ImportOptionsForHook["outlines"],
): Promise<ImportContext | undefined> {
  const parent = PARENT_OF[layer]?.layer;
  if (!parent) return undefined;
  const imported = done.find((run) => run.layer === parent && run.result);
  let base = layers?.[parent] as FeatureCollection | undefined;
  if (!base && outlines && OUTLINED.has(parent)) base = await outlines(parent as "districts" | "streets" | "communities").catch(() => undefined);
  // A parent layer imported in the same go is the reference for its children (parents are small).
  const collection = imported?.result ? mergeLayer(base, decodeCollection(imported.result.json), "join") : base;
  return collection && collection.features.length > 0 ? { [parent]: collection } : undefined;
}

export function useImport({ layers, baseUrl, previous, outlines }: ImportOptionsForHook) {
  const [state, setState] = useState<ImportState>(INITIAL);
  const current = useRef<RunningImport | null>(null);

  const addFiles = (files: readonly File[], drop?: number) =>
    setState((old) =>
      drop !== undefined && drop <= old.lastDrop ? old : { ...old, groups: [...old.groups, ...groupFiles(files)], runs: [], lastDrop: drop ?? old.lastDrop },
    );
  const setGroupLayer = (index: number, layer: LayerName | null) =>
    setState((old) => ({ ...old, groups: old.groups.map((group, position) => (position === index ? { ...group, layer } : group)), runs: [] }));
  const removeGroup = (index: number) => setState((old) => ({ ...old, groups: old.groups.filter((_group, position) => position !== index), runs: [] }));
  const setCrs = (crs: string) => setState((old) => ({ ...old, crs, runs: [] }));
  const setMode = (mode: JoinMode) => setState((old) => ({ ...old, mode }));
  const setOutlinePoints = (outlinePoints: boolean) => setState((old) => ({ ...old, outlinePoints, runs: [] }));
  const reset = () => {
    current.current?.cancel();
    setState(INITIAL);
  };

  /** Runs the layers in hierarchy order; `only` re-runs one layer (after its mapping changed). */
  const run = async (only?: { layer: LayerName; mapping: ColumnMapping }) => {
    const groups = state.groups.filter((group) => group.layer !== null);
    const order = LAYER_NAMES.filter((layer) => groups.some((group) => group.layer === layer) && (!only || only.layer === layer));
    let runs: LayerRun[] = only
      ? state.runs.map((item) => (item.layer === only.layer ? { ...item, mapping: only.mapping, result: undefined, error: undefined } : item))
      : order.map((layer) => ({ layer, groups: groups.filter((group) => group.layer === layer), mapping: {} }));
    setState((old) => ({ ...old, runs }));
    for (const layer of order) {
      const item = runs.find((candidate) => candidate.layer === layer);
      if (!item) continue;
      setState((old) => ({ ...old, running: { layer, progress: null } }));
      const files = item.groups.flatMap((group) => group.files);
      const options = { layer, crs: state.crs || undefined, mapping: item.mapping, pointOutlineMetres: state.outlinePoints ? POINT_OUTLINE_METRES : undefined };
      const context = await contextFor(layer, layers, runs, outlines);
      current.current = runImport(files, options, context, (progress) =>
        // A report still on its way when the run was cancelled must not bring the progress bar back.
        setState((old) => (old.running?.layer === layer ? { ...old, running: { layer, progress } } : old)),
      );
      let update: Partial<LayerRun>;
      try {
        update = { result: await current.current.result };
      } catch (error) {
        if (error instanceof ImportCancelledError) {
          setState((old) => ({ ...old, running: null }));
          return;
        }
        update = { error: error instanceof Error ? error.message : String(error) };
      }
      runs = runs.map((candidate) => (candidate.layer === layer ? { ...candidate, ...update } : candidate));
      setState((old) => ({ ...old, runs, running: null }));
    }
    current.current = null;
  };

  const cancel = () => current.current?.cancel();

  /** The layers that loaded something, as the session keeps them. */
  const imported = (): StoredLayer[] =>
    state.runs.flatMap((item) =>
      item.result && item.result.loaded > 0
        ? [
            {
              layer: item.layer,
              mode: state.mode,
              files: item.groups.flatMap((group) => group.files.map((file) => file.name)),
              json: item.result.json,
              total: item.result.total,
              loaded: item.result.loaded,
              outlined: item.result.outlined,
            },
          ]
        : [],
    );

  /** Saves the session in this browser and opens it (a reload shows the same). */
  const apply = async () => {
    const fresh = imported();
    const session: ImportSession = {
      id: `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
      createdAt: new Date().toISOString(),
      baseUrl,
      layers: [...previous.filter((item) => !fresh.some((layer) => layer.layer === item.layer)), ...fresh],
    };
    await saveSession(session);
    const url = new URL(window.location.href);
    url.searchParams.set("data", sessionKey(session.id));
    url.hash = "";
    window.location.assign(url.href);
  };

  return { state, addFiles, setGroupLayer, removeGroup, setCrs, setMode, setOutlinePoints, run, cancel, reset, apply, imported };
}
