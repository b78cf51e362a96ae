// The explorer's selection: what is selected (from the URL), its fields and breadcrumb, and the
// ways to select something (a click, a search hit, a gap, a breadcrumb step). A clicked feature
// brings its own fields; anything else (a link reopened, a search hit, a gap) is looked up in
// the engine's model, which has every unit of a GeoJSON or a tiled dataset alike.
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { LayerName } from "../../data/contract.ts";
import type { Crumb } from "../../domain/dataset.ts";
import type { Bbox } from "../../domain/model.ts";
import type { UnitInfo } from "../../domain/unit-lookup.ts";
import { engineClient } from "../data/engine-client.ts";
import type { PickedFeature } from "../map/map-adapter.ts";
import type { FlyTarget } from "../map/MapView.tsx";

export interface Selection {
  layer: LayerName;
  id: string;
}

export interface SelectionOptions {
  manifestUrl: string;
  selection: Selection | null;
  onSelectionChange: (selection: Selection | null) => void;
  /** The engine has the dataset: lookups can be answered. */
  engineReady: boolean;
  /** Whether the dataset's root is a province (its breadcrumb starts at the prefecture). */
  province: boolean;
  /** The whole dataset's box: the breadcrumb's first step flies back to it. */
  bbox: Bbox | undefined;
  onFly: (target: FlyTarget) => void;
}

export interface SelectionState {
  selected: PickedFeature | null;
  crumbs: Crumb[];
  select: (feature: PickedFeature | null) => void;
  /** Select a unit (with its fields when the caller has them), flying to `fly` if given or to the unit's own box once known. */
  selectUnit: (unit: UnitRef, fly?: FlyTarget | null) => void;
  /** A breadcrumb step; null goes back to the whole dataset. */
  chooseCrumb: (crumb: Crumb | null) => void;
}

export interface UnitRef {
  layer: LayerName;
  id: string;
  name: string;
  properties?: Record<string, unknown>;
}

const flyTo = (info: Pick<UnitInfo, "position" | "bbox">): FlyTarget => ({ position: info.position, bbox: info.bbox[0] === info.bbox[2] ? null : info.bbox });

export function useSelection(options: SelectionOptions): SelectionState {
  const { manifestUrl, selection, engineReady } = options;
  const [picked, setPicked] = useState<PickedFeature | null>(null);
  const lookup = useQuery({
    queryKey: ["engine-describe", manifestUrl, selection?.layer ?? "", selection?.id ?? ""],
    queryFn: () => (selection ? engineClient(manifestUrl).describe(selection.layer, selection.id) : null),
    enabled: engineReady && selection !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const info = lookup.data ?? null;
  const selected = useMemo((): PickedFeature | null => {
    if (!selection) return null;
    if (picked && picked.layer === selection.layer && picked.id === selection.id) return picked;
    return info && info.layer === selection.layer && info.id === selection.id
      ? { layer: info.layer, id: info.id, name: info.name, properties: info.properties }
      : null;
  }, [selection, picked, info]);
  const province = options.province;
  const crumbs = useMemo(
    () => (selection && info && info.id === selection.id ? info.ancestry.filter((crumb) => crumb.layer !== "prefectures" || province) : []),
    [selection, info, province],
  );

  const select = (feature: PickedFeature | null) => {
    setPicked(feature);
    options.onSelectionChange(feature ? { layer: feature.layer, id: feature.id } : null);
  };
  const selectUnit = (unit: UnitRef, fly: FlyTarget | null = null) => {
    setPicked(unit.properties ? { layer: unit.layer, id: unit.id, name: unit.name, properties: unit.properties } : null);
    options.onSelectionChange({ layer: unit.layer, id: unit.id });
    if (fly) options.onFly(fly);
    else if (engineReady) {
      void engineClient(manifestUrl)
        .describe(unit.layer, unit.id)
        .then((found) => found && options.onFly(flyTo(found)));
    }
  };
  const chooseCrumb = (crumb: Crumb | null) => {
    if (crumb) return selectUnit({ layer: crumb.layer, id: crumb.id, name: crumb.name });
    select(null);
    const bbox = options.bbox;
    if (bbox) options.onFly({ position: [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2], bbox });
  };
  return { selected, crumbs, select, selectUnit, chooseCrumb };
}
