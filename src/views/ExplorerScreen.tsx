// The desk view: header, map, layer panel, data problems and the source note.
import { useMemo, useState } from "react";
import type { UnitReport } from "../domain/analysis.ts";
import { countFeatures, countsFromReport } from "../domain/dataset.ts";
import { Breadcrumb } from "./Breadcrumb.tsx";
import type { LayerVisibility, OverlayLayer } from "../layers/visibility.ts";
import { DataProblems } from "./DataProblems.tsx";
import { engineClient, useAccessBands, useEnclosed, useEngineSummary, useGapCounts, useGaps, useGridLoads, useStationInfo, useWhatIf, useWorkerSearch } from "./engine-client.ts";
import { ChartsPanel } from "./charts/ChartsPanel.tsx";
import { childrenOf, type AreaReports } from "./charts/chart-data.ts";
import type { ChartIndicatorId } from "./charts/chart-indicators.ts";
import { EnclosedPanel } from "./EnclosedPanel.tsx";
import { ShapeTool } from "./map/ShapeTool.tsx";
import { WhatIfPanel } from "./WhatIfPanel.tsx";
import { KpiPanel } from "./KpiPanel.tsx";
import { Header } from "./Header.tsx";
import type { Language } from "./i18n.ts";
import { translate, useTranslate } from "./i18n.ts";
import { LayerPanel } from "./LayerPanel.tsx";
import { MapView } from "./map/MapView.tsx";
import type { Camera, MapAdapter, PickedFeature } from "./map/map-adapter.ts";
import type { LayerName } from "../data/contract.ts";
import { DetailCard } from "./DetailCard.tsx";
import { buildSearchIndex, searchEntriesFromLayers, type SearchEntry, type SearchHit, type SearchLevel } from "../domain/search.ts";
import { levelLabel } from "./field-labels.ts";
import { SearchBox } from "./SearchBox.tsx";
import { GapListPanel } from "./GapListPanel.tsx";
import type { Gap, GapKind } from "../domain/gaps.ts";
import type { CompoundColouring } from "../layers/compound-colouring.ts";
import type { FlyTarget } from "./map/MapView.tsx";
import { MapTooltip } from "./MapTooltip.tsx";
import { SourceNote } from "./SourceNote.tsx";
import { useDataset } from "./use-dataset.ts";
import { LazySnapshotComposer } from "./snapshot/LazySnapshotComposer.tsx";
import { parseSnapshotQuery } from "./snapshot/snapshot-query.ts";
import type { AreaColouring } from "../layers/choropleth.ts";
import { FilterPanel } from "./FilterPanel.tsx";
import { Legend } from "./Legend.tsx";
import { legendGroups } from "./legend-items.ts";
import type { MapFilters } from "./map-filters.ts";
import { WhatIfHandles, type WhatIfHandle } from "./map/WhatIfHandles.tsx";
import { useMapExtras } from "./use-map-extras.ts";
import { useScreenZoom } from "./use-screen-zoom.ts";
import { useSelection } from "./use-selection.ts";
import { isEmptyPlan, moveStation, plannedId, removeStation, type WhatIfPlan } from "./what-if-plan.ts";
import { DEFAULT_THRESHOLDS } from "../domain/indicators.ts";

export interface ExplorerScreenProps {
  manifestUrl: string;
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
}

export type WhatIfState = { active: boolean } & WhatIfPlan;

export interface Selection {
  layer: LayerName;
  id: string;
}

const AREA_LAYERS: readonly LayerName[] = ["prefectures", "districts", "streets", "communities"];

const LEVEL_LAYER: Record<SearchLevel, LayerName> = {
  prefecture: "prefectures",
  district: "districts",
  street: "streets",
  community: "communities",
  grid: "grids",
  compound: "compounds",
  station: "stations",
};

/** Tiled datasets: districts and streets are searchable from the label points they ship. */
function labelEntry(label: { position: [number, number]; name: string; code: string; level: "district" | "street" | "community" }): SearchEntry {
  return { level: label.level, id: label.code, name: label.name, context: "", position: label.position, bbox: null };
}

export function ExplorerScreen(props: ExplorerScreenProps) {
  const t = useTranslate();
  const { manifest, dataset, water, errors, warnings, loading, indicators, tilesUrl } = useDataset(props.manifestUrl, props.waterUrl);
  // "昆明市党建地图(演示数据)" -> "昆明市": the dataset's area, for headings.
  const rootName = manifest?.title.replace(/(党建地图)?[(（].*$/, "") ?? "";
  const counts = useMemo(() => {
    if (indicators) return countsFromReport(indicators.city, indicators.districts.length);
    return dataset ? countFeatures(dataset.layers) : undefined;
  }, [dataset, indicators]);
  // The engine parses the same files in its worker: start it once the map is drawn, so the two
  // do not compete for the CPU while the first frame is still coming.
  const [mapReady, setMapReady] = useState(false);
  // The worker analyses every dataset: GeoJSON ones from their layers, tiled ones from their
  // attribute table. A tiled dataset's precomputed indicators show until the worker is ready.
  const engine = useEngineSummary(props.manifestUrl, mapReady && manifest !== undefined && (manifest.tiles === undefined || manifest.attributes !== undefined));
  const city = engine.data?.city ?? indicators?.city;
  const kpiStatus = city ? undefined : engine.isPending || engine.isFetching ? t("kpi.computing") : engine.error ? t("kpi.failed", { message: String(engine.error) }) : undefined;
  const [hover, setHover] = useState<{ picked: PickedFeature | null; point: { x: number; y: number } }>({ picked: null, point: { x: 0, y: 0 } });
  const [flyTarget, setFlyTarget] = useState<FlyTarget | null>(null);
  const { selected, crumbs, select, selectUnit, chooseCrumb } = useSelection({
    manifestUrl: props.manifestUrl,
    selection: props.selection,
    onSelectionChange: props.onSelectionChange,
    engineReady: engine.isSuccess,
    province: manifest?.area.level === "province",
    bbox: manifest?.bbox,
    onFly: setFlyTarget,
  });
  const reports = engine.data ?? indicators;
  const selectedReport = useMemo(() => {
    if (!selected || !reports) return undefined;
    const list = selected.layer === "prefectures" && "prefectures" in reports ? reports.prefectures : selected.layer === "districts" ? reports.districts : selected.layer === "streets" ? reports.streets : selected.layer === "communities" && "communities" in reports ? reports.communities : undefined;
    return (list as UnitReport[] | undefined)?.find((unit) => unit.code === selected.id);
  }, [selected, reports]);
  // Built once the map is up: labelling 2,000 polygons is not worth delaying the first frame for.
  const searchIndex = useMemo(() => {
    if (!mapReady) return undefined;
    if (indicators) return buildSearchIndex(indicators.labels.map(labelEntry));
    return dataset ? buildSearchIndex(searchEntriesFromLayers(dataset.layers)) : undefined;
  }, [mapReady, dataset, indicators]);
  // Tiled datasets: once the worker has the attribute table, search goes to its index of every unit.
  const [searchQuery, setSearchQuery] = useState("");
  const workerSearch = useWorkerSearch(props.manifestUrl, searchQuery, 8, engine.isSuccess && manifest?.attributes !== undefined);
  const remoteSearch = useMemo(
    () => (engine.isSuccess && manifest?.attributes !== undefined ? { groups: searchQuery.trim() === "" ? [] : (workerSearch.data ?? []), onQuery: setSearchQuery } : undefined),
    [engine.isSuccess, manifest?.attributes, searchQuery, workerSearch.data],
  );
  const levelLabels = useMemo(
    () => Object.fromEntries(Object.entries(LEVEL_LAYER).map(([level, layer]) => [level, levelLabel(layer, props.language)])) as Record<SearchLevel, string>,
    [props.language],
  );
  const choose = (hit: SearchHit) => selectUnit({ layer: LEVEL_LAYER[hit.level], id: hit.id, name: hit.name }, { position: hit.position, bbox: hit.bbox });
  const chooseGap = (gap: Gap) => selectUnit({ layer: LEVEL_LAYER[gap.level], id: gap.unitId, name: gap.unitName }, { position: gap.location, bbox: gap.bbox });
  // The gap list follows the selected area (a prefecture, district, street or community), else the dataset.
  const area = selected && AREA_LAYERS.includes(selected.layer) ? selected : null;
  // What-if edits live in the URL, so a plan can be shared as a link.
  const { active: whatIfActive, ...plan } = props.whatIf;
  const { planned } = plan;
  // The URL keeps a plan's distance while what-if is off; the map then shows the engine's own.
  const serviceDistance = whatIfActive ? plan.serviceDistance : DEFAULT_THRESHOLDS.serviceDistanceMetres;
  const setWhatIf = (patch: Partial<WhatIfState>) => props.onWhatIfChange({ ...props.whatIf, ...patch });
  const setPlan = (next: WhatIfPlan) => props.onWhatIfChange({ active: whatIfActive, ...next });
  const { moved, removed } = plan;
  const activePlan = useMemo(() => (whatIfActive ? { planned, moved, removed, serviceDistance } : null), [whatIfActive, planned, moved, removed, serviceDistance]);
  const planIsEmpty = activePlan === null || isEmptyPlan(activePlan);
  const whatIf = useWhatIf(props.manifestUrl, plan, whatIfActive && engine.isSuccess);
  const accessBands = useAccessBands(props.manifestUrl, activePlan, engine.isSuccess && props.colouring === "stationAccess");
  const areaCode = area?.id;
  const gapKind = props.gapKind;
  const gapFilter = useMemo(() => ({ ...(areaCode ? { areaCode } : {}), ...(gapKind === "all" ? {} : { kinds: [gapKind] }) }), [areaCode, gapKind]);
  const gapItems = useGaps(props.manifestUrl, gapFilter, engine.isSuccess && props.visibility.gaps, activePlan);
  const bbox = manifest?.bbox;
  const { extras, choropleth, matching, areaReports } = useMapExtras({
    // Tiled datasets' indicator files hold the same reports, typed loosely by their schema.
    reports: reports as { streets: readonly UnitReport[]; communities?: readonly UnitReport[] } | undefined,
    areaColouring: props.areaColouring,
    filters: props.filters,
    colouring: props.colouring,
    accessBands: accessBands.data,
    visibility: props.visibility,
    plan: activePlan,
    serviceDistance,
    gaps: gapItems.data?.items,
    latitude: bbox ? (bbox[1] + bbox[3]) / 2 : 25,
  });
  // A street, grid or compound card lists the unit's own gaps (areas have the gap list for that).
  const ownGapsFor = selected && ["streets", "grids", "compounds"].includes(selected.layer) ? selected.id : undefined;
  const ownGapFilter = useMemo(() => ({ unitId: ownGapsFor ?? "" }), [ownGapsFor]);
  const ownGaps = useGaps(props.manifestUrl, ownGapFilter, engine.isSuccess && ownGapsFor !== undefined, activePlan);
  const enclosed = useEnclosed(props.manifestUrl, props.shape, activePlan, engine.isSuccess);
  const mapExtras = useMemo(() => ({ ...extras, shape: props.shape }), [extras, props.shape]);
  const chartUnits = useMemo(() => (reports ? childrenOf(reports as AreaReports, areaCode) : []), [reports, areaCode]);
  const gridLoads = useGridLoads(props.manifestUrl, areaCode, engine.isSuccess);
  const gapCounts = useGapCounts(props.manifestUrl, engine.isSuccess);
  const chooseChild = (code: string) => {
    const unit = chartUnits.find((candidate) => candidate.code === code);
    if (unit) chooseCrumb({ layer: LEVEL_LAYER[unit.level as SearchLevel], id: unit.code, name: unit.name });
  };
  // The KPI panel follows the selected area; in what-if mode it shows the whole plan's outcome.
  // A result shown while the next one computes is still a result of some plan; an emptied plan has none.
  const plannedCity = planIsEmpty ? undefined : whatIf.data?.city;
  const kpiUnit = (plannedCity ?? (area && selectedReport ? selectedReport : city)) as UnitReport | undefined;
  const kpiScope = plannedCity ? `${rootName} · ${t("whatIf.after")}` : area && selectedReport ? area.name : rootName;
  const legend = useMemo(
    () => legendGroups({ visibility: props.visibility, colouring: props.colouring, serviceDistance, areaColouring: props.areaColouring, choropleth, planned: whatIfActive && (planned.length > 0 || moved.length > 0) }, t),
    [props.visibility, props.colouring, serviceDistance, props.areaColouring, choropleth, whatIfActive, planned.length, moved.length, t],
  );
  const [adapter, setAdapter] = useState<MapAdapter>();
  const screenZoom = useScreenZoom();
  // Meeting snapshots: opened from the header, or by ?snapshot=<preset> (the snapshot script).
  const [snapshotRequest] = useState(() => parseSnapshotQuery(window.location.search));
  const [snapshotOpen, setSnapshotOpen] = useState(snapshotRequest !== null);
  const focusedStation = whatIfActive && selected?.layer === "stations" && !removed.includes(selected.id) ? { id: selected.id, name: selected.name } : null;
  const focusedId = focusedStation?.id;
  const focusedName = focusedStation?.name ?? "";
  const touchedIds = useMemo(() => [...new Set([...moved.map((move) => move.id), ...removed, ...(focusedId ? [focusedId] : [])])].toSorted(), [moved, removed, focusedId]);
  const touched = useStationInfo(props.manifestUrl, touchedIds, engine.isSuccess).data;
  const stationName = (id: string) => touched?.[id]?.name ?? id;
  const language = props.language;
  // Handles are rebuilt only when the plan or the focused station changes: a rebuild mid-drag would drop the drag.
  const handles = useMemo((): WhatIfHandle[] => {
    if (!whatIfActive) return [];
    const label = (name: string) => translate(language, "whatIf.handle", { name });
    const list: WhatIfHandle[] = planned.map((position, index) => ({ id: plannedId(index), position, label: label(`${index + 1}`) }));
    for (const move of moved) list.push({ id: move.id, position: move.position, label: label(touched?.[move.id]?.name ?? move.id) });
    const focusedPlace = focusedId && !moved.some((move) => move.id === focusedId) ? touched?.[focusedId]?.position : undefined;
    if (focusedId && focusedPlace) list.push({ id: focusedId, position: focusedPlace, label: label(focusedName) });
    return list;
  }, [whatIfActive, planned, moved, focusedId, focusedName, touched, language]);
  const suggest = async () => {
    const sites = await engineClient(props.manifestUrl).suggest(3);
    setWhatIf({ planned: [...planned, ...sites.map((site): [number, number] => [site.longitude, site.latitude])] });
  };
  const onMapClick = (feature: PickedFeature | null, lngLat: [number, number]) => {
    // In what-if mode a click on a station selects it (to drag or remove); anywhere else plans one.
    if (whatIfActive && feature?.layer !== "stations") setWhatIf({ planned: [...planned, lngLat] });
    // Drilling down: a click on an area flies to it (its children and indicators come with it).
    else if (feature && AREA_LAYERS.includes(feature.layer)) chooseCrumb({ layer: feature.layer, id: feature.id, name: feature.name });
    else select(feature);
  };
  const toggle = (layer: OverlayLayer, visible: boolean) => props.onVisibilityChange({ ...props.visibility, [layer]: visible });
  return (
    <div className="explorer">
      <Header manifest={manifest} language={props.language} onLanguageChange={props.onLanguageChange} onSnapshot={adapter && mapReady ? () => setSnapshotOpen(true) : undefined} />
      <main className="explorer-main">
        <MapView
          dataset={dataset}
          water={water}
          settled={!loading}
          tilesUrl={tilesUrl}
          visibility={props.visibility}
          initialCamera={props.initialCamera}
          onCameraChange={props.onCameraChange}
          exposeForDebugging={props.debug}
          onReady={() => setMapReady(true)}
          onHover={(hovered, point) => setHover({ picked: hovered, point })}
          onSelect={onMapClick}
          plannedStations={whatIfActive ? planned : undefined}
          flyTarget={flyTarget}
          selection={props.selection}
          compoundColouring={props.colouring}
          extras={mapExtras}
          labelScale={screenZoom}
          onAdapter={setAdapter}
        />
        <WhatIfHandles adapter={adapter} handles={handles} onMove={(id, position) => setPlan(moveStation(plan, id, position))} onRemove={(id) => setPlan(removeStation(plan, id))} />
        <Legend groups={legend} />
        <ShapeTool adapter={adapter} onShape={props.onShapeChange} hasShape={props.shape !== null} />
        <Breadcrumb root={rootName} crumbs={crumbs} onChoose={chooseCrumb} />
        <MapTooltip picked={hover.picked} point={hover.point} language={props.language} />
        <aside className="explorer-side">
          {loading ? <p className="loading">{t("loading")}</p> : null}
          <SearchBox index={searchIndex} remote={remoteSearch} onChoose={choose} levelLabels={levelLabels} label={t("search.label")} placeholder={t("search.placeholder")} emptyText={t("search.empty")} />
          {selected ? <DetailCard selected={selected} report={selectedReport} language={props.language} onClose={() => select(null)} gaps={ownGapsFor ? ownGaps.data?.items : undefined} synthetic={manifest?.synthetic} /> : null}
          {props.shape ? <EnclosedPanel summary={enclosed.data} onClear={() => props.onShapeChange(null)} /> : null}
          {/* A selected area's card already holds its KPIs; the panel would repeat them. */}
          {area && selectedReport && !plannedCity ? null : <KpiPanel unit={kpiUnit} status={kpiUnit ? undefined : kpiStatus} scope={kpiScope} thresholds={plannedCity ? { ...DEFAULT_THRESHOLDS, serviceDistanceMetres: serviceDistance } : DEFAULT_THRESHOLDS} />}
          <ChartsPanel
            units={chartUnits}
            gridLoads={gridLoads.data}
            gapCounts={gapCounts.data}
            computing={(!indicators && !engine.isSuccess && !engine.isError) || (engine.isSuccess && gridLoads.isPending)}
            scope={area?.name ?? rootName}
            onChoose={chooseChild}
            indicator={props.chartIndicator}
            onIndicatorChange={props.onChartIndicatorChange}
          />
          <WhatIfPanel
            active={whatIfActive}
            onActiveChange={(active) => setWhatIf({ active })}
            plan={plan}
            onPlanChange={setPlan}
            focusedStation={focusedStation}
            stationName={stationName}
            before={engine.data?.city}
            result={planIsEmpty ? undefined : whatIf.data}
            onSuggest={() => void suggest()}
            enabled={engine.isSuccess}
          />
          <GapListPanel
            manifestUrl={props.manifestUrl}
            areaCode={area?.id}
            areaName={area?.name ?? rootName}
            enabled={engine.isSuccess}
            computing={!indicators && !engine.isSuccess && !engine.isError}
            language={props.language}
            asOf={manifest?.asOf ?? ""}
            kind={props.gapKind}
            onKindChange={props.onGapKindChange}
            onChoose={chooseGap}
            synthetic={manifest?.synthetic}
            plan={activePlan}
          />
          <LayerPanel
            visibility={props.visibility}
            counts={counts}
            onToggle={toggle}
            colouring={props.colouring}
            onColouringChange={props.onColouringChange}
            areaColouring={props.areaColouring}
            onAreaColouringChange={props.onAreaColouringChange}
          />
          <FilterPanel filters={props.filters} onFiltersChange={props.onFiltersChange} areaColouring={props.areaColouring} matched={matching ? { count: matching.length, total: areaReports.length } : null} />
          <DataProblems errors={errors} warnings={warnings} />
        </aside>
        {manifest ? <SourceNote manifest={manifest} /> : null}
        {snapshotOpen && adapter && manifest && mapReady ? (
          <LazySnapshotComposer
            adapter={adapter}
            legend={legend}
            area={{ name: area?.name ?? rootName, layer: area?.layer ?? null, code: area?.id ?? null, report: (area ? selectedReport : city) as UnitReport | undefined }}
            manifest={manifest}
            manifestUrl={props.manifestUrl}
            permalink={window.location.href}
            engineReady={engine.isSuccess}
            request={snapshotRequest}
            onClose={() => setSnapshotOpen(false)}
          />
        ) : null}
      </main>
    </div>
  );
}
