// Composition root: URL state in, providers around, one screen out.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useState } from "react";
import { ExplorerScreen } from "../views/explorer/ExplorerScreen.tsx";
import { datasetKey, engineClient, progressReporter } from "../views/data/engine-client.ts";
import { readsTableEarly } from "../views/data/use-reports.ts";
import { LanguageContext } from "../views/i18n/i18n.ts";
import { isWallMode, parseWallOptions } from "../views/wall/wall-options.ts";
import { manifestQuery, prefetchDataset } from "../data/queries.ts";
import { WATER_URL } from "../data/first-files.ts";
import { isSessionKey } from "../data/import-session-store.ts";
import { SessionProblem } from "../views/import/SessionProblem.tsx";
import { useImportSession } from "../views/import/use-import-session.ts";
import { parseUrl, serializeUrl, type UrlState } from "./url-state.ts";

// The wall (?mode=wall) is its own chunk: the explorer's first load does not carry it.
const WallScreen = lazy(() => import("../views/wall/WallScreen.tsx").then((module) => ({ default: module.WallScreen })));

const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });
// The opened dataset's first files start loading with this script, not after the map is created
// (an import session is opened from IndexedDB first).
const openedDataset = parseUrl(window.location.search, window.location.hash).dataset;
/** Settles when the opened dataset's manifest has loaded or failed (at once for an import session). */
export const manifestSettled: Promise<void> = isSessionKey(openedDataset) ? Promise.resolve() : prefetchDataset(queryClient, openedDataset, WATER_URL);
// A province's engine worker starts, and reads its attribute table, as soon as the manifest is
// here, not after React's first commit: that commit makes the map (its WebGL context took 0.7 s in
// software WebGL), and the worker's own script then took as long again to start; the table's
// download ended after the map was ready (traced). useReports asks the same later, which the
// worker ignores for a table it is already reading. Smaller tables wait for the map (readsTableEarly).
void manifestSettled.then(
  () => {
    const manifest = queryClient.getQueryData(manifestQuery(openedDataset).queryKey);
    if (manifest && readsTableEarly(manifest)) void engineClient(openedDataset).fetchTable(datasetKey(openedDataset), progressReporter(openedDataset));
  },
  () => undefined,
);

function writeUrl(state: UrlState, mode: "push" | "replace") {
  const { search, hash } = serializeUrl(state);
  const extra = new URLSearchParams(window.location.search);
  const query = new URLSearchParams(search);
  // Keep flags this module does not own (debug, mode, …) in the query string.
  for (const [key, value] of extra) if (!["lang", "data"].includes(key)) query.set(key, value);
  const queryText = query.toString();
  const url = `${window.location.pathname}${queryText ? `?${queryText}` : ""}${hash}`;
  if (mode === "push") window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <Screens />
    </QueryClientProvider>
  );
}

function Screens() {
  const [state, setState] = useState<UrlState>(() => parseUrl(window.location.search, window.location.hash));
  const debug = new URLSearchParams(window.location.search).has("debug");
  // Wall options are read once: a wall is configured by the link it was opened with.
  const [wall] = useState(() => (isWallMode(window.location.search) ? parseWallOptions(window.location.search) : null));

  useEffect(() => {
    const onPopState = () => setState(parseUrl(window.location.search, window.location.hash));
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);

  const update = (next: UrlState, mode: "push" | "replace") => {
    setState(next);
    writeUrl(next, mode);
  };

  const resolvedUrl = useImportSession(state.dataset).manifestUrl;
  // ?debug=1 hands the dataset's engine worker to benchmarks and tests (what-if timings in the page).
  useEffect(() => {
    if (!debug) return;
    const target = window as { partyEngine?: ReturnType<typeof engineClient> };
    if (!resolvedUrl) return;
    target.partyEngine = engineClient(resolvedUrl);
    return () => {
      delete target.partyEngine;
    };
  }, [debug, resolvedUrl]);

  useEffect(() => {
    document.documentElement.lang = state.language === "zh" ? "zh-CN" : "en";
  }, [state.language]);

  const resolved = useImportSession(state.dataset);
  const manifestUrl = resolved.manifestUrl;
  if (resolved.error !== undefined || manifestUrl === undefined) {
    return (
      <LanguageContext.Provider value={state.language}>
        <SessionProblem error={resolved.error} />
      </LanguageContext.Provider>
    );
  }

  if (wall) {
    return (
      <LanguageContext.Provider value={state.language}>
        <Suspense fallback={null}>
          <WallScreen manifestUrl={manifestUrl} waterUrl={WATER_URL} language={state.language} options={wall} debug={debug} />
        </Suspense>
      </LanguageContext.Provider>
    );
  }

  return (
    <LanguageContext.Provider value={state.language}>
      <ExplorerScreen
        manifestUrl={manifestUrl}
        importSession={resolved.session}
        waterUrl={WATER_URL}
        language={state.language}
        visibility={state.visibility}
        initialCamera={state.camera}
        debug={debug}
        onLanguageChange={(language) => update({ ...state, language }, "push")}
        onVisibilityChange={(visibility) => update({ ...state, visibility }, "push")}
        onCameraChange={(camera) => update({ ...state, camera }, "replace")}
        selection={state.selection}
        onSelectionChange={(selection) => update({ ...state, selection }, "push")}
        whatIf={state.whatIf}
        onWhatIfChange={(whatIf) => update({ ...state, whatIf }, "replace")}
        gapKind={state.gapKind}
        onGapKindChange={(gapKind) => update({ ...state, gapKind }, "push")}
        colouring={state.colouring}
        onColouringChange={(colouring) => update({ ...state, colouring }, "push")}
        areaColouring={state.areaColouring}
        onAreaColouringChange={(areaColouring) => update({ ...state, areaColouring }, "push")}
        filters={state.filters}
        onFiltersChange={(filters) => update({ ...state, filters }, "replace")}
        shape={state.shape}
        onShapeChange={(shape) => update({ ...state, shape }, "push")}
        chartIndicator={state.chartIndicator}
        onChartIndicatorChange={(chartIndicator) => update({ ...state, chartIndicator }, "push")}
        sandtable={state.sandtable}
        onSandtableChange={(sandtable) => update({ ...state, sandtable }, "push")}
        programmes={state.programmes}
        onProgrammesChange={(programmes) => update({ ...state, programmes }, "push")}
      />
    </LanguageContext.Provider>
  );
}
