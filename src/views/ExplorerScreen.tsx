// The desk view: header, map, layer panel, data problems and the source note.
import { useMemo, useState } from "react";
import { Breadcrumb } from "./Breadcrumb.tsx";
import type { LayerVisibility, OverlayLayer } from "../layers/visibility.ts";
import { DataProblems } from "./DataProblems.tsx";
import { useEnclosed } from "./engine-client.ts";
import { ChartsPanel } from "./charts/ChartsPanel.tsx";
import type { ChartIndicatorId } from "./charts/chart-indicators.ts";
import { EnclosedPanel } from "./EnclosedPanel.tsx";
import { ShapeTool } from "./map/ShapeTool.tsx";
import { WhatIfPanel } from "./WhatIfPanel.tsx";
import { KpiPanel } from "./KpiPanel.tsx";
import { kpiView } from "./kpi-view.ts";
import { Header } from "./Header.tsx";
import type { Language } from "./i18n.ts";
import { useTranslate } from "./i18n.ts";
import { LayerPanel } from "./LayerPanel.tsx";
import { MapView } from "./map/MapView.tsx";
import type { Camera, MapAdapter, PickedFeature } from "./map/map-adapter.ts";
import { DetailCard } from "./DetailCard.tsx";
import { SearchBox } from "./SearchBox.tsx";
import { GapListPanel } from "./GapListPanel.tsx";
import type { Gap, GapKind } from "../domain/gaps.ts";
import type { CompoundColouring } from "../layers/compound-colouring.ts";
import type { FlyTarget } from "./map/MapView.tsx";
import { MapTooltip } from "./MapTooltip.tsx";
import { SourceNote } from "./SourceNote.tsx";
import { useChartData } from "./use-chart-data.ts";
import { useDataset } from "./use-dataset.ts";
import { LazySnapshotComposer } from "./snapshot/LazySnapshotComposer.tsx";
import { parseSnapshotQuery } from "./snapshot/snapshot-query.ts";
import type { AreaColouring } from "../layers/choropleth.ts";
import { FilterPanel } from "./FilterPanel.tsx";
import { Legend } from "./Legend.tsx";
import type { MapFilters } from "./map-filters.ts";
import { WhatIfHandles } from "./map/WhatIfHandles.tsx";
import { useGapLists } from "./use-gap-lists.ts";
import { useLegend } from "./use-legend.ts";
import { useMapExtras } from "./use-map-extras.ts";
import { areaReportOf, useReports } from "./use-reports.ts";
import { useScreenZoom } from "./use-screen-zoom.ts";
import { useSearch } from "./use-search.ts";
import { useSelection, type Selection } from "./use-selection.ts";
import { useWhatIf, type WhatIfState } from "./use-what-if.ts";
import { isAreaLayer, LEVEL_LAYER } from "./unit-levels.ts";

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

export function ExplorerScreen(props: ExplorerScreenProps) {
  const t = useTranslate();
  const { manifest, dataset, water, errors, warnings, loading, indicators, tilesUrl } = useDataset(props.manifestUrl, props.waterUrl);
  // "昆明市党建地图(演示数据)" -> "昆明市": the dataset's area, for headings.
  const rootName = manifest?.title.replace(/(党建地图)?[(（].*$/, "") ?? "";
  const [mapReady, setMapReady] = useState(false);
  const { engine, reports, city, counts, status, computing } = useReports({ manifestUrl: props.manifestUrl, manifest, dataset, indicators, mapReady, language: props.language });
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
  const selectedReport = useMemo(() => areaReportOf(reports, selected), [reports, selected]);
  const search = useSearch({ manifestUrl: props.manifestUrl, language: props.language, mapReady, dataset, indicators, workerReady: engine.isSuccess && manifest?.attributes !== undefined, selectUnit });
  const chooseGap = (gap: Gap) => selectUnit({ layer: LEVEL_LAYER[gap.level], id: gap.unitId, name: gap.unitName }, { position: gap.location, bbox: gap.bbox });
  // The gap list follows the selected area (a prefecture, district, street or community), else the dataset.
  const area = selected && isAreaLayer(selected.layer) ? selected : null;
  const whatIf = useWhatIf({ manifestUrl: props.manifestUrl, whatIf: props.whatIf, onWhatIfChange: props.onWhatIfChange, engineReady: engine.isSuccess, selected, language: props.language, wantsAccessBands: props.colouring === "stationAccess" });
  const { activePlan, serviceDistance } = whatIf;
  const areaCode = area?.id;
  const gaps = useGapLists({ manifestUrl: props.manifestUrl, engineReady: engine.isSuccess, areaCode, kind: props.gapKind, markers: props.visibility.gaps, selected, plan: activePlan });
  const { extras, choropleth, matched } = useMapExtras({
    reports,
    areaColouring: props.areaColouring,
    filters: props.filters,
    colouring: props.colouring,
    accessBands: whatIf.accessBands,
    visibility: props.visibility,
    plan: activePlan,
    serviceDistance,
    gaps: gaps.markers,
    bbox: manifest?.bbox,
    shape: props.shape,
  });
  const enclosed = useEnclosed(props.manifestUrl, props.shape, activePlan, engine.isSuccess);
  const charts = useChartData({ manifestUrl: props.manifestUrl, engineReady: engine.isSuccess, reports, areaCode, computing, onChooseUnit: chooseCrumb });
  // The KPI panel follows the selected area; in what-if mode it shows the whole plan's outcome.
  const kpi = kpiView({ planned: whatIf.result?.city, area: area && { name: area.name, report: selectedReport }, root: { name: rootName, report: city }, afterLabel: t("whatIf.after") });
  const legend = useLegend({ visibility: props.visibility, colouring: props.colouring, serviceDistance, areaColouring: props.areaColouring, choropleth, planned: whatIf.showsStations }, props.language);
  const [adapter, setAdapter] = useState<MapAdapter>();
  const screenZoom = useScreenZoom();
  // Meeting snapshots: opened from the header, or by ?snapshot=<preset> (the snapshot script).
  const [snapshotRequest] = useState(() => parseSnapshotQuery(window.location.search));
  const [snapshotOpen, setSnapshotOpen] = useState(snapshotRequest !== null);
  const onMapClick = (feature: PickedFeature | null, lngLat: [number, number]) => {
    // In what-if mode a click on a station selects it (to drag or remove); anywhere else plans one.
    if (whatIf.active && feature?.layer !== "stations") whatIf.addStation(lngLat);
    // Drilling down: a click on an area flies to it (its children and indicators come with it).
    else if (feature && isAreaLayer(feature.layer)) chooseCrumb({ layer: feature.layer, id: feature.id, name: feature.name });
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
          plannedStations={whatIf.plannedStations}
          flyTarget={flyTarget}
          selection={props.selection}
          compoundColouring={props.colouring}
          extras={extras}
          labelScale={screenZoom}
          onAdapter={setAdapter}
        />
        <WhatIfHandles adapter={adapter} {...whatIf.handles} />
        <Legend groups={legend} />
        <ShapeTool adapter={adapter} onShape={props.onShapeChange} hasShape={props.shape !== null} />
        <Breadcrumb root={rootName} crumbs={crumbs} onChoose={chooseCrumb} />
        <MapTooltip picked={hover.picked} point={hover.point} language={props.language} />
        <aside className="explorer-side">
          {loading ? <p className="loading">{t("loading")}</p> : null}
          <SearchBox {...search} label={t("search.label")} placeholder={t("search.placeholder")} emptyText={t("search.empty")} />
          {selected ? <DetailCard selected={selected} report={selectedReport} language={props.language} onClose={() => select(null)} gaps={gaps.own} synthetic={manifest?.synthetic} /> : null}
          {props.shape ? <EnclosedPanel summary={enclosed.data} onClear={() => props.onShapeChange(null)} /> : null}
          {kpi.hidden ? null : <KpiPanel unit={kpi.unit} status={kpi.unit ? undefined : status} scope={kpi.scope} />}
          <ChartsPanel {...charts} scope={area?.name ?? rootName} indicator={props.chartIndicator} onIndicatorChange={props.onChartIndicatorChange} />
          <WhatIfPanel {...whatIf.panel} before={engine.data?.city} />
          <GapListPanel
            manifestUrl={props.manifestUrl}
            areaCode={area?.id}
            areaName={area?.name ?? rootName}
            enabled={engine.isSuccess}
            computing={computing}
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
          <FilterPanel filters={props.filters} onFiltersChange={props.onFiltersChange} areaColouring={props.areaColouring} matched={matched} />
          <DataProblems errors={errors} warnings={warnings} />
        </aside>
        {manifest ? <SourceNote manifest={manifest} /> : null}
        {snapshotOpen && adapter && manifest && mapReady ? (
          <LazySnapshotComposer
            adapter={adapter}
            legend={legend}
            area={{ name: area?.name ?? rootName, layer: area?.layer ?? null, code: area?.id ?? null, report: area ? selectedReport : city }}
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
