// The wall display (大屏): title bar, KPI cards and the gap ranking in columns beside a map that
// fills the middle at the screen's real resolution, a tour of the streets (or one street's
// communities), and figures refreshed on an interval. Panels scale with --wall-scale; the map
// is never CSS-scaled, so clicks land where they are aimed.
import { useMemo, useState, type CSSProperties } from "react";
import type { UnitReport } from "../../domain/analysis.ts";
import { DEFAULT_VISIBILITY } from "../../layers/visibility.ts";
import { wallPalette } from "../../layers/palette.ts";
import { engineClient, useEngineProgress } from "../data/engine-client.ts";
import { levelLabel } from "../shared/field-labels.ts";
import type { Language, MessageKey } from "../i18n/i18n.ts";
import { MapView } from "../map/MapView.tsx";
import type { PickedFeature } from "../map/map-adapter.ts";
import { useDataset } from "../data/use-dataset.ts";
import { DEFAULT_THRESHOLDS } from "../../domain/indicators.ts";
import { formatIndicatorValue } from "../../domain/indicator-format.ts";
import { SANDTABLE_PITCH } from "../../layers/extrusion.ts";
import { translate } from "../i18n/i18n.ts";
import { indicatorLabel } from "../shared/indicator-text.ts";
import type { MapFilters } from "../shared/map-filters.ts";
import { useMapExtras } from "../shared/use-map-extras.ts";
import { useTour } from "./use-tour.ts";
import { useTourFocus } from "./use-tour-focus.ts";
import { useWallCommunities, useWallRefresh, useWallTargets, type WallEngine } from "./use-wall-refresh.ts";
import { useWallScale } from "./use-wall-scale.ts";
import { WallCard } from "./WallCard.tsx";
import { WallCredit } from "./WallCredit.tsx";
import { WallGapRanking } from "./WallGapRanking.tsx";
import { WallKpiCard } from "./WallKpiCard.tsx";
import { WallLegend } from "./WallLegend.tsx";
import { rankByGaps, wallScope, WALL_KPIS } from "./wall-kpis.ts";
import type { WallOptions } from "./wall-options.ts";
import { WallTitleBar } from "./WallTitleBar.tsx";
import { laggardTour } from "./wall-targets.ts";
import { WallTargets } from "./WallTargets.tsx";
import { WallTourNote } from "./WallTourNote.tsx";
import "./wall.css";

export interface WallScreenProps {
  manifestUrl: string;
  waterUrl: string;
  language: Language;
  options: WallOptions;
  debug: boolean;
  /** The engine to ask; the worker by default (tests pass the engine itself). */
  engine?: WallEngine;
}

const RANKED_AREAS = 10;
/** In 3D the tour circles the sandtable slowly: degrees of bearing added at each stop. */
const TURN_PER_STOP_DEGREES = 20;
const NO_FILTERS: MapFilters = { onlyGaps: false, area: null };
const NO_STOPS: readonly never[] = [];

/** The palette's wall colours as CSS variables, so wall.css and the charts share one source. */
function wallStyle(scale: number): CSSProperties {
  const variables: Record<string, string | number> = { "--wall-scale": scale };
  for (const [name, colour] of Object.entries(wallPalette)) variables[`--wall-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`] = colour;
  return variables as CSSProperties;
}

export function WallScreen({ manifestUrl, waterUrl, language, options, debug, engine }: WallScreenProps) {
  const scale = useWallScale();
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values);
  const { manifest, dataset, water, loading, tilesUrl } = useDataset(manifestUrl, waterUrl);
  const wallEngine = engine ?? engineClient(manifestUrl);
  const refresh = useWallRefresh(manifestUrl, options.refreshSeconds * 1000, wallEngine, options.tour);
  const summary = refresh.summary;
  const progress = useEngineProgress(manifestUrl);
  const [mapReady, setMapReady] = useState(false);
  const targets = useWallTargets(manifestUrl, wallEngine, refresh.updatedAt);
  // The laggards tour, or why it fell back to the default tour (refresh.stops, asked for with tour null).
  const laggards = useMemo(
    () => (options.laggards && targets ? laggardTour(targets.reports, options.laggards.targetId) : undefined),
    [options.laggards, targets],
  );
  const stops = !options.laggards ? refresh.stops : !laggards ? NO_STOPS : laggards.note === null ? laggards.stops : refresh.stops;
  const tour = useTour({ count: stops.length, dwellMs: options.dwellSeconds * 1000, quietMs: options.quietSeconds * 1000, enabled: mapReady });
  // A clicked feature stays on screen until the tour's next step.
  const [clicked, setClicked] = useState<{ feature: PickedFeature | null; step: number }>({ feature: null, step: -1 });
  const picked = clicked.step === tour.step ? clicked.feature : null;
  const { stop, flyTarget } = useTourFocus(stops, tour);

  const showsCommunities = stop?.layer === "communities" || picked?.layer === "communities" || /^\d{9}$/.test(options.tour ?? "");
  const communities = useWallCommunities(manifestUrl, wallEngine, refresh.updatedAt, showsCommunities);
  const scope = useMemo(
    () => (summary ? wallScope({ ...summary, communities: communities ?? [] }, options.tour) : undefined),
    [summary, communities, options.tour],
  );
  const reports = useMemo(
    () =>
      new Map<string, UnitReport>(
        [...(summary?.prefectures ?? []), ...(summary?.districts ?? []), ...(summary?.streets ?? []), ...(communities ?? [])].map((unit) => [unit.code, unit]),
      ),
    [summary, communities],
  );
  // The sandtable raises the level the tour visits (communities on a township's tour, else the townships).
  const sandtableColouring = useMemo(
    () => (options.sandtable ? { level: showsCommunities ? ("communities" as const) : ("streets" as const), indicator: "partyBranchCoverage" as const } : null),
    [options.sandtable, showsCommunities],
  );
  const sandtable = useMapExtras({
    reports: summary ? { streets: summary.streets, communities: communities ?? [] } : undefined,
    areaColouring: sandtableColouring,
    filters: NO_FILTERS,
    colouring: "partyBranch",
    accessBands: undefined,
    visibility: DEFAULT_VISIBILITY,
    plan: null,
    serviceDistance: DEFAULT_THRESHOLDS.serviceDistanceMetres,
    gaps: undefined,
    bbox: manifest?.bbox,
    shape: null,
    sandtable: options.sandtable,
  });
  const heightDomain = sandtable.heights?.domain;
  const ranked = useMemo(
    () => (scope && refresh.gapCounts ? rankByGaps(scope.ranked, refresh.gapCounts, RANKED_AREAS) : undefined),
    [scope, refresh.gapCounts],
  );
  const selection = useMemo(() => (picked ? { layer: picked.layer, id: picked.id } : stop ? { layer: stop.layer, id: stop.code } : null), [picked, stop]);
  const focus = useMemo(() => {
    if (picked) return picked;
    // A stop is an area the engine reports on: the card shows its figures, not its fields.
    return stop ? { layer: stop.layer, id: stop.code, name: stop.name, properties: { code: stop.code } } : null;
  }, [picked, stop]);
  // The charts mark the part the tour is in: the stop itself, or the district it lies in.
  const stopReport = stop ? reports.get(stop.code) : undefined;
  const stopTarget = useMemo(() => {
    const unit = laggards?.note === null && stop ? laggards.report?.units.find((candidate) => candidate.code === stop.code) : undefined;
    return unit && laggards?.report ? { report: laggards.report, unit } : undefined;
  }, [laggards, stop]);
  const targetsFailure = summary?.unavailable.find((entry) => entry.layer === "targets")?.message ?? null;
  const highlight = stop && scope?.parts.some((part) => part.code === stop.code) ? stop.code : (stopReport?.parentCode ?? null);
  const partLevel = levelLabel(scope?.partLevel ?? "districts", language);
  const rankedLevel = scope?.rankedLevel ?? "streets";
  const kpiCard = (index: number) => {
    const kpi = WALL_KPIS[index];
    return kpi ? (
      <WallKpiCard key={kpi.field} kpi={kpi} unit={scope?.unit} parts={scope?.parts ?? []} partLevel={partLevel} highlight={highlight} language={language} />
    ) : null;
  };

  return (
    <div
      className="wall"
      style={wallStyle(scale)}
      data-testid="wall"
      data-tour-step={tour.step}
      data-tour-index={tour.index}
      data-tour-paused={tour.paused ? "true" : "false"}
    >
      <WallTitleBar
        manifest={manifest}
        asOf={summary?.asOf ?? manifest?.asOf}
        status={{ updatedAt: refresh.updatedAt, failure: refresh.failure, refreshSeconds: options.refreshSeconds, loading: progress }}
        paused={tour.paused}
        quietSeconds={options.quietSeconds}
        language={language}
      />
      <aside className="wall-column wall-left">
        {[0, 1, 2].map(kpiCard)}
        <WallGapRanking ranked={ranked} level={rankedLevel} highlight={stop?.code ?? null} />
      </aside>
      <div className="wall-middle">
        <main className="wall-map-area">
          <MapView
            dataset={dataset}
            water={water}
            settled={!loading}
            tilesUrl={tilesUrl}
            visibility={DEFAULT_VISIBILITY}
            initialCamera={null}
            exposeForDebugging={debug}
            onReady={() => setMapReady(true)}
            onSelect={(feature) => setClicked({ feature, step: tour.step })}
            flyTarget={flyTarget}
            selection={selection}
            theme={options.basemap}
            labelScale={scale}
            {...(options.sandtable ? { tilt: { pitch: SANDTABLE_PITCH }, turnPerFlight: TURN_PER_STOP_DEGREES, extras: sandtable.extras } : {})}
          />
          <WallLegend
            heightNote={
              heightDomain
                ? t("sandtable.height", {
                    indicator: indicatorLabel(t, "partyBranchCoverage", "map"),
                    low: formatIndicatorValue(heightDomain[0], "share"),
                    high: formatIndicatorValue(heightDomain[1], "share"),
                  })
                : null
            }
          />
          {manifest ? <WallCredit manifest={manifest} /> : null}
          {laggards ? <WallTourNote tour={laggards} targetId={options.laggards?.targetId ?? null} language={language} /> : null}
        </main>
        {manifest?.targets !== undefined ? (
          <WallTargets
            targets={targets}
            failure={targetsFailure}
            synthetic={manifest.synthetic.attributes.length > 0}
            toured={laggards?.note === null ? (laggards.report?.target.id ?? null) : null}
            language={language}
          />
        ) : null}
      </div>
      <aside className="wall-column wall-right">
        {[3, 4, 5].map(kpiCard)}
        {focus ? (
          <WallCard
            focus={focus}
            report={reports.get(focus.id)}
            gaps={refresh.gapCounts ? (refresh.gapCounts[focus.id] ?? 0) : undefined}
            progress={picked || !stop ? null : { index: tour.index + 1, count: stops.length }}
            maskNames={options.maskNames}
            language={language}
            target={picked ? undefined : stopTarget}
          />
        ) : null}
      </aside>
    </div>
  );
}
