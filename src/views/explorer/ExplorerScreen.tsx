// The desk view: header, map, layer panel, data problems and the source note. A composition
// root: hooks own the data, selection, search, what-if, gaps and what the map draws; this file
// wires them to the panels.
import { useMemo, useState } from "react";
import { discardSession, type ImportSession } from "../../data/import-session-store.ts";
import type { Gap, GapKind } from "../../domain/gaps.ts";
import { DEFAULT_THRESHOLDS } from "../../domain/indicators.ts";
import type { AreaColouring } from "../../layers/choropleth.ts";
import { SANDTABLE_PITCH, sandtableColouring } from "../../layers/extrusion.ts";
import type { CompoundColouring } from "../../layers/compound-colouring.ts";
import type { LayerVisibility, OverlayLayer } from "../../layers/visibility.ts";
import { Breadcrumb } from "./Breadcrumb.tsx";
import { ChartsPanel } from "../charts/ChartsPanel.tsx";
import type { ChartIndicatorId } from "../charts/chart-indicators.ts";
import { DataProblems } from "./DataProblems.tsx";
import { DetailCard } from "./DetailCard.tsx";
import { EnclosedPanel } from "./EnclosedPanel.tsx";
import { useEnclosed } from "../data/engine-client.ts";
import { FilterPanel } from "./FilterPanel.tsx";
import { GapListPanel } from "./gaps/GapListPanel.tsx";
import { Header } from "./Header.tsx";
import { datasetKey, datedUrl, engineClient } from "../data/engine-client.ts";
import { LazyImportPanel } from "../import/LazyImportPanel.tsx";
import { useFileDrop } from "../import/use-file-drop.ts";
import { translate, useTranslate, type Language } from "../i18n/i18n.ts";
import { KpiPanel } from "./KpiPanel.tsx";
import { kpiView } from "./kpi-view.ts";
import { LayerPanel } from "./LayerPanel.tsx";
import { Legend } from "./Legend.tsx";
import type { MapFilters } from "../shared/map-filters.ts";
import type { Camera, MapAdapter, PickedFeature } from "../map/map-adapter.ts";
import { MapView, type FlyTarget } from "../map/MapView.tsx";
import { SandtableToggle } from "../map/SandtableToggle.tsx";
import { ShapeTool } from "../map/ShapeTool.tsx";
import { WhatIfHandles } from "../map/WhatIfHandles.tsx";
import { MapTooltip } from "./MapTooltip.tsx";
import { SearchBox } from "./search/SearchBox.tsx";
import { LoadStatus } from "../loading/LoadStatus.tsx";
import { useLoadSteps } from "../loading/use-load-steps.ts";
import { LazySnapshotComposer } from "../snapshot/LazySnapshotComposer.tsx";
import { parseSnapshotQuery } from "../../export/snapshot-query.ts";
import { SourceNote } from "./SourceNote.tsx";
import { isAreaLayer, LEVEL_LAYER } from "./unit-levels.ts";
import { useChartData } from "./use-chart-data.ts";
import { useDataset } from "../data/use-dataset.ts";
import { useGapLists } from "./gaps/use-gap-lists.ts";
import { useLegend } from "./use-legend.ts";
import { useMapExtras } from "../shared/use-map-extras.ts";
import { areaReportOf, useReports } from "../data/use-reports.ts";
import { useScreenZoom } from "./use-screen-zoom.ts";
import { useSearch } from "./search/use-search.ts";
import { useSelection, type Selection } from "./use-selection.ts";
import { useMapFirst } from "./use-map-first.ts";
import { useWhatIf, type WhatIfState } from "./what-if/use-what-if.ts";
import { WhatIfPanel } from "./what-if/WhatIfPanel.tsx";
import type { ProgrammeView } from "../programmes/programme-view.ts";
import { ProgrammesPanel } from "../programmes/ProgrammesPanel.tsx";
import { useProgrammes } from "../programmes/use-programmes.ts";
import { changeSheet } from "../programmes/change-sheet.ts";

export interface ExplorerScreenProps {
  manifestUrl: string;
  /** Set when the dataset on screen is an import session kept in this browser. */
  importSession?: ImportSession | undefined;
  waterUrl: string;
  language: Language;
  visibility: LayerVisibility;
  initialCamera: Camera | null;
  debug: boolean;
  onLanguageChange: (language: Language) => void;
  onVisibilityChange: (visibility: LayerVisibility) => void;
  onCameraChange: (camera: Camera) => void;
  selection: Selection | null;
  onSelectionChange: (selection: Selection | null) => void;
  whatIf: WhatIfState;
  onWhatIfChange: (whatIf: WhatIfState) => void;
  gapKind: GapKind | "all";
  onGapKindChange: (kind: GapKind | "all") => void;
  colouring: CompoundColouring;
  onColouringChange: (colouring: CompoundColouring) => void;
  areaColouring: AreaColouring | null;
  onAreaColouringChange: (colouring: AreaColouring | null) => void;
  filters: MapFilters;
  onFiltersChange: (filters: MapFilters) => void;
  shape: Array<[number, number]> | null;
  onShapeChange: (shape: Array<[number, number]> | null) => void;
  chartIndicator: ChartIndicatorId;
  onChartIndicatorChange: (indicator: ChartIndicatorId) => void;
  sandtable: boolean;
  onSandtableChange: (on: boolean) => void;
  /** 考核督导: the date shown, the comparison and the 双报到 arcs. */
  programmes: ProgrammeView;
  onProgrammesChange: (programmes: ProgrammeView) => void;
}

export function ExplorerScreen(props: ExplorerScreenProps) {
  const t = useTranslate();
  const { manifestUrl, language, selection, visibility, colouring, filters, shape, sandtable } = props;
  // The engine's view of the dataset on the date shown: every indicator, list and chart follows it.
  const engineUrl = datedUrl(manifestUrl, props.programmes.asOf);
  const { manifest, dataset, water, errors, warnings, loading, indicators, tilesUrl, progress } = useDataset(manifestUrl, props.waterUrl);
  // The sandtable raises the coloured areas; with none chosen, the default level's coverage.
  const areaColouring = props.areaColouring ?? (sandtable && manifest ? sandtableColouring(manifest.area.level) : null);
  // "昆明市党建地图(演示数据)" -> "昆明市": the dataset's area, for headings.
  const rootName = manifest?.title.replace(/(党建地图)?[(（].*$/, "") ?? "";
  const [mapReady, setMapReady] = useState(false);
  const panelsShown = useMapFirst(mapReady);
  const needsCommunities = areaColouring?.level === "communities" || selection?.layer === "streets" || selection?.layer === "communities";
  const { engine, reports, city, counts, status, computing } = useReports({
    manifestUrl,
    engineUrl,
    manifest,
    dataset,
    indicators,
    mapReady,
    needsCommunities,
    language,
  });
  const load = useLoadSteps({ manifestUrl, manifest, progress, mapReady, engine });
  const engineReady = engine.isSuccess;
  const [hover, setHover] = useState<{ picked: PickedFeature | null; point: { x: number; y: number } }>({ picked: null, point: { x: 0, y: 0 } });
  const [flyTarget, setFlyTarget] = useState<FlyTarget | null>(null);
  const province = manifest?.area.level === "province";
  const { selected, crumbs, select, selectUnit, chooseCrumb } = useSelection({
    manifestUrl: engineUrl,
    selection,
    onSelectionChange: props.onSelectionChange,
    engineReady,
    province,
    bbox: manifest?.bbox,
    onFly: setFlyTarget,
  });
  const selectedReport = useMemo(() => areaReportOf(reports, selected), [reports, selected]);
  const search = useSearch({
    manifestUrl,
    language,
    mapReady,
    dataset,
    indicators,
    workerReady: engineReady && manifest?.attributes !== undefined,
    selectUnit,
  });
  const chooseGap = (gap: Gap) => selectUnit({ layer: LEVEL_LAYER[gap.level], id: gap.unitId, name: gap.unitName }, { position: gap.location, bbox: gap.bbox });
  // The gap list, charts and KPIs follow the selected area (a prefecture, district, street or community), else the dataset.
  const area = selected && isAreaLayer(selected.layer) ? selected : null;
  const areaCode = area?.id;
  const whatIf = useWhatIf({
    manifestUrl: engineUrl,
    whatIf: props.whatIf,
    onWhatIfChange: props.onWhatIfChange,
    engineReady,
    selected,
    language,
    wantsAccessBands: colouring === "stationAccess",
  });
  const { activePlan, serviceDistance } = whatIf;
  const gaps = useGapLists({ manifestUrl: engineUrl, engineReady, areaCode, kind: props.gapKind, markers: visibility.gaps, selected, plan: activePlan });
  const { extras, choropleth, heights, matched } = useMapExtras({
    reports,
    areaColouring,
    filters,
    colouring,
    visibility,
    shape,
    serviceDistance,
    bbox: manifest?.bbox,
    accessBands: whatIf.accessBands,
    plan: activePlan,
    gaps: gaps.markers,
    sandtable,
  });
  const enclosed = useEnclosed(engineUrl, shape, activePlan, engineReady);
  const charts = useChartData({ manifestUrl: engineUrl, engineReady, reports, areaCode, computing, onChooseUnit: chooseCrumb });
  // The KPI panel follows the selected area; in what-if mode it shows the whole plan's outcome.
  const kpi = kpiView({
    planned: whatIf.result?.city,
    area: area && { name: area.name, report: selectedReport },
    root: { name: rootName, report: city },
    afterLabel: t("whatIf.after"),
  });
  const legend = useLegend(
    { visibility, colouring, serviceDistance, areaColouring, choropleth, planned: whatIf.showsStations, heightDomain: heights?.domain ?? null },
    language,
  );
  const [adapter, setAdapter] = useState<MapAdapter>();
  const programmes = useProgrammes({ engineUrl, view: props.programmes, areaCode: areaCode ?? "", engineReady, adapter, language });
  const mapExtras = useMemo(
    () => (programmes.changes || programmes.arcLines ? { ...extras, changes: programmes.changes, arcLines: programmes.arcLines } : extras),
    [extras, programmes.changes, programmes.arcLines],
  );
  const legendGroups = useMemo(() => [...legend, ...programmes.legend], [legend, programmes.legend]);
  const [changesSheet, setChangesSheet] = useState(false);
  const sheetArea = area?.name ?? rootName;
  const changesContent = useMemo(
    () => (changesSheet && programmes.diff ? changeSheet(programmes.diff, sheetArea, (key, values) => translate(language, key, values)) : null),
    [changesSheet, programmes.diff, sheetArea, language],
  );
  const screenZoom = useScreenZoom();
  // Meeting snapshots: opened from the header, or by ?snapshot=<preset> (the snapshot script).
  const [snapshotRequest] = useState(() => parseSnapshotQuery(window.location.search));
  const [snapshotOpen, setSnapshotOpen] = useState(snapshotRequest !== null);
  // Import: files dropped anywhere on the page open the panel with them.
  const dropped = useFileDrop(true);
  const [importOpened, setImportOpen] = useState(false);
  const [closedDrop, setClosedDrop] = useState(0);
  const importOpen = importOpened || (dropped !== null && dropped.id > closedDrop);
  const closeImport = () => {
    setImportOpen(false);
    setClosedDrop(dropped?.id ?? 0);
  };
  const session = props.importSession;
  const discardImport = async () => {
    if (!session) return;
    await discardSession(session.id);
    const url = new URL(window.location.href);
    const base = new URL(session.baseUrl);
    url.searchParams.set("data", base.origin === window.location.origin ? base.pathname.replace(new URL(document.baseURI).pathname, "") : session.baseUrl);
    url.hash = "";
    window.location.assign(url.href);
  };
  const onMapClick = (feature: PickedFeature | null, lngLat: [number, number]) => {
    // In what-if mode a click on a station selects it (to drag or remove); anywhere else plans one.
    if (whatIf.active && feature?.layer !== "stations") whatIf.addStation(lngLat);
    // Drilling down: a click on an area flies to it (its children and indicators come with it).
    else if (feature && isAreaLayer(feature.layer)) chooseCrumb({ layer: feature.layer, id: feature.id, name: feature.name });
    else select(feature);
  };
  const toggle = (layer: OverlayLayer, visible: boolean) => props.onVisibilityChange({ ...visibility, [layer]: visible });
  return (
    <div className="explorer">
      <Header
        manifest={manifest}
        manifestUrl={manifestUrl}
        language={language}
        onLanguageChange={props.onLanguageChange}
        onSnapshot={adapter && mapReady ? () => setSnapshotOpen(true) : undefined}
        onImport={() => setImportOpen(true)}
        onDiscardImport={session ? () => void discardImport() : undefined}
        viewDate={props.programmes.asOf}
      />
      <main className="explorer-main">
        <MapView
          dataset={dataset}
          water={water}
          settled={!loading}
          tilesUrl={tilesUrl}
          visibility={visibility}
          initialCamera={props.initialCamera}
          onCameraChange={props.onCameraChange}
          exposeForDebugging={props.debug}
          onReady={() => setMapReady(true)}
          onHover={(hovered, point) => setHover({ picked: hovered, point })}
          onSelect={onMapClick}
          plannedStations={whatIf.plannedStations}
          flyTarget={flyTarget}
          selection={selection}
          compoundColouring={colouring}
          extras={mapExtras}
          tilt={sandtable ? { pitch: SANDTABLE_PITCH } : null}
          labelScale={screenZoom}
          onAdapter={setAdapter}
          onTileError={load.onTileError}
        />
        <LoadStatus steps={load.steps} />
        <WhatIfHandles adapter={adapter} {...whatIf.handles} />
        <Legend groups={legendGroups} />
        <SandtableToggle on={sandtable} onChange={props.onSandtableChange} />
        <ShapeTool adapter={adapter} onShape={props.onShapeChange} hasShape={shape !== null} />
        <Breadcrumb root={rootName} crumbs={crumbs} onChoose={chooseCrumb} />
        <MapTooltip picked={hover.picked} point={hover.point} language={language} />
        <aside className="explorer-side" data-map-first={panelsShown ? undefined : "waiting"}>
          {loading ? <p className="loading">{t("loading")}</p> : null}
          <SearchBox {...search} label={t("search.label")} placeholder={t("search.placeholder")} emptyText={t("search.empty")} />
          {selected ? (
            <DetailCard
              selected={selected}
              report={selectedReport}
              language={language}
              onClose={() => select(null)}
              gaps={gaps.own}
              synthetic={manifest?.synthetic}
            />
          ) : null}
          {shape ? <EnclosedPanel summary={enclosed.data} onClear={() => props.onShapeChange(null)} /> : null}
          {kpi.hidden ? null : (
            <KpiPanel
              unit={kpi.unit}
              status={kpi.unit ? undefined : status}
              scope={kpi.scope}
              thresholds={whatIf.result?.city ? { ...DEFAULT_THRESHOLDS, serviceDistanceMetres: serviceDistance } : DEFAULT_THRESHOLDS}
            />
          )}
          <ProgrammesPanel
            manifestUrl={manifestUrl}
            engineUrl={engineUrl}
            enabled={engineReady}
            dataAsOf={manifest?.asOf ?? ""}
            areaCode={areaCode ?? ""}
            view={props.programmes}
            onViewChange={props.onProgrammesChange}
            diff={programmes.diff}
            diffPending={programmes.diffPending}
            arcCount={programmes.arcCount}
            synthetic={(manifest?.synthetic.attributes.length ?? 0) > 0}
            onChooseUnit={(unit) =>
              selectUnit(
                { layer: LEVEL_LAYER[unit.level], id: unit.code, name: unit.name },
                unit.bbox && { position: [(unit.bbox[0] + unit.bbox[2]) / 2, (unit.bbox[1] + unit.bbox[3]) / 2], bbox: unit.bbox },
              )
            }
            onExportChanges={adapter && mapReady && programmes.diff ? () => setChangesSheet(true) : undefined}
          />
          <ChartsPanel {...charts} scope={area?.name ?? rootName} indicator={props.chartIndicator} onIndicatorChange={props.onChartIndicatorChange} />
          <WhatIfPanel {...whatIf.panel} before={engine.data?.city} />
          <GapListPanel
            manifestUrl={engineUrl}
            areaCode={area?.id}
            areaName={area?.name ?? rootName}
            enabled={engineReady}
            computing={computing}
            language={language}
            asOf={props.programmes.asOf ?? manifest?.asOf ?? ""}
            kind={props.gapKind}
            onKindChange={props.onGapKindChange}
            onChoose={chooseGap}
            synthetic={manifest?.synthetic}
            plan={activePlan}
          />
          <LayerPanel
            visibility={visibility}
            counts={counts}
            onToggle={toggle}
            colouring={colouring}
            onColouringChange={props.onColouringChange}
            areaColouring={areaColouring}
            onAreaColouringChange={props.onAreaColouringChange}
          />
          <FilterPanel filters={filters} onFiltersChange={props.onFiltersChange} areaColouring={areaColouring} matched={matched} />
          <DataProblems errors={errors} warnings={warnings} />
        </aside>
        {manifest ? <SourceNote manifest={manifest} /> : null}
        {importOpen ? (
          <LazyImportPanel
            language={language}
            baseUrl={session?.baseUrl ?? datasetKey(manifestUrl)}
            layers={tilesUrl === undefined ? dataset?.layers : undefined}
            tiled={manifest?.tiles !== undefined}
            previous={session?.layers ?? []}
            outlines={tilesUrl !== undefined ? (layer) => engineClient(manifestUrl).areaOutlines(layer) : undefined}
            incoming={dropped}
            onLocate={(position) => setFlyTarget({ position, bbox: null })}
            onClose={closeImport}
          />
        ) : null}
        {(snapshotOpen || changesSheet) && adapter && manifest && mapReady ? (
          <LazySnapshotComposer
            adapter={adapter}
            legend={legendGroups}
            area={{ name: area?.name ?? rootName, layer: area?.layer ?? null, code: area?.id ?? null, report: area ? selectedReport : city }}
            manifest={manifest}
            manifestUrl={engineUrl}
            permalink={window.location.href}
            engineReady={engineReady}
            request={snapshotRequest}
            changes={changesContent}
            viewDate={props.programmes.asOf}
            onClose={() => {
              setSnapshotOpen(false);
              setChangesSheet(false);
            }}
          />
        ) : null}
      </main>
    </div>
  );
}
