// What the 考核督导 view adds to the explorer: the change since an earlier date on the map and in
// the legend, and the 双报到 arcs as a deck.gl ArcLayer over the MapLibre map (work MapLibre
// cannot do). The arcs are not pickable: deck.gl's picking is a GPU pass, far too slow in
// software WebGL; the panel lists what they show instead.
import { useEffect, useMemo } from "react";
import type { Layer } from "@deck.gl/core";
import type { TargetLevel } from "../../data/contract.ts";
import type { DateDiff } from "../../domain/date-diff.ts";
import { FIRST_LABEL_LAYER } from "../../layers/basemap-style.ts";
import type { DataStyleInput } from "../../layers/data-style.ts";
import { palette, rgbaToCss } from "../../layers/palette.ts";
import { useDateDiff, useRegisteredArcs } from "../data/engine-client.ts";
import type { Language } from "../i18n/i18n.ts";
import { translate } from "../i18n/i18n.ts";
import type { LegendGroup } from "../shared/legend-items.ts";
import type { MapAdapter } from "../map/map-adapter.ts";
import type { ProgrammeView } from "./programme-view.ts";

export interface ProgrammesInput {
  engineUrl: string;
  view: ProgrammeView;
  areaCode: string;
  engineReady: boolean;
  adapter: MapAdapter | undefined;
  language: Language;
}

const LEVEL: Record<"streets" | "communities", TargetLevel> = { streets: "street", communities: "community" };

export function useProgrammes({ engineUrl, view, areaCode, engineReady, adapter, language }: ProgrammesInput) {
  const compare = view.compare;
  const diffQuery = useDateDiff(
    engineUrl,
    compare?.from ?? null,
    LEVEL[compare?.level ?? "streets"],
    compare?.indicator ?? "partyBranchCoverage",
    areaCode,
    engineReady && compare !== null,
  );
  const diff: DateDiff | undefined = compare ? diffQuery.data : undefined;
  const changes = useMemo((): DataStyleInput["changes"] => {
    if (!compare || !diff) return null;
    const codes = (kind: DateDiff["units"][number]["kind"]) => diff.units.filter((unit) => unit.kind === kind).map((unit) => unit.code);
    return { level: compare.level, newGap: codes("new-gap"), worse: codes("worse"), improved: codes("improved") };
  }, [compare, diff]);
  const arcs = useRegisteredArcs(engineUrl, areaCode, engineReady && view.arcs);
  const arcData = view.arcs ? arcs.data : undefined;
  useArcLayer(adapter, arcData);
  const legend = useMemo((): LegendGroup[] => {
    const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate(language, key, values);
    const groups: LegendGroup[] = [];
    if (changes && diff) {
      groups.push({
        id: "changes",
        title: `${t("programmes.compare")} (${diff.from} → ${diff.to})`,
        items: [
          { label: t("programmes.change.new-gap"), colour: palette.changeNewGap, shape: "fill" },
          { label: t("programmes.change.worse"), colour: palette.changeWorse, shape: "fill" },
          { label: t("programmes.change.improved"), colour: palette.changeImproved, shape: "fill" },
        ],
      });
    }
    if (arcData && arcData.length > 0) {
      groups.push({
        id: "arcs",
        title: t("programmes.arcs"),
        items: [{ label: t("programmes.arcs.legend"), colour: rgbaToCss(palette.arcSource), shape: "line" }],
      });
    }
    return groups;
  }, [changes, diff, arcData, language]);
  // The same arcs as straight lines for exports (deck.gl's layer cannot be exported).
  const arcLines = useMemo(() => {
    if (!arcData || arcData.length === 0) return null;
    const widest = Math.max(1, ...arcData.map((arc) => arc.members));
    return arcData.map((arc) => ({ from: arc.from, to: arc.to, width: arcWidth(arc.members, widest) }));
  }, [arcData]);
  return { diff, diffPending: compare !== null && diffQuery.isFetching, changes, arcLines, arcCount: view.arcs && arcs.data ? arcs.data.length : null, legend };
}

/** An arc's width in pixels: 1 to 4 by its registered members. */
const arcWidth = (members: number, widest: number) => 1 + (3 * members) / widest;

type Arc = NonNullable<ReturnType<typeof useRegisteredArcs>["data"]>[number];

/** Hands the map adapter an ArcLayer for the arcs (none: no deck.gl layer, and its code is never fetched). */
function useArcLayer(adapter: MapAdapter | undefined, arcs: readonly Arc[] | undefined): void {
  useEffect(() => {
    if (!adapter) return;
    if (!arcs || arcs.length === 0) {
      adapter.setLayers([]);
      return;
    }
    let cancelled = false;
    void import("@deck.gl/layers").then(({ ArcLayer }) => {
      if (cancelled) return;
      const widest = Math.max(1, ...arcs.map((arc) => arc.members));
      // beforeId (interleaved overlay): under the labels, above the fills and the sandtable's prisms.
      const props = {
        id: "registered-arcs",
        data: arcs,
        getSourcePosition: (arc: Arc) => arc.from,
        getTargetPosition: (arc: Arc) => arc.to,
        getSourceColor: palette.arcSource,
        getTargetColor: palette.arcTarget,
        getWidth: (arc: Arc) => arcWidth(arc.members, widest),
        widthUnits: "pixels",
        getHeight: 0.4,
        pickable: false,
        beforeId: FIRST_LABEL_LAYER,
      };
      const layer = new ArcLayer<Arc>(props as ConstructorParameters<typeof ArcLayer<Arc>>[0]);
      adapter.setLayers([layer as unknown as Layer]);
    });
    return () => {
      cancelled = true;
    };
  }, [adapter, arcs]);
}
