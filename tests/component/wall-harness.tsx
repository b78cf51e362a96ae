// Shared by the wall's component tests (jsdom). The data: 五华区 (district 530102) cut from the
// committed demo dataset (public/data/kunming, see data/README.md), served by MSW under
// /data/wuhua/ in versions a test switches between: changed figures, a failing file, recovery.
// The map: a stand-in for MapView (jsdom has no WebGL) that reports ready at once, shows what
// it was asked to select and fly to, and clicks a chosen feature.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FeatureCollection, Geometry } from "geojson";
import { http, HttpResponse } from "msw";
import { useEffect } from "react";
import { LAYER_NAMES, type LayerName, type Target } from "../../src/data/contract.ts";
import { analyze, reportOf, type UnitReport } from "../../src/domain/analysis.ts";
import type { EngineLayers } from "../../src/domain/model.ts";
import { deepFreeze } from "../support/deep-freeze.ts";
import type { MapViewProps } from "../../src/views/map/MapView.tsx";
import type { PickedFeature } from "../../src/views/map/map-adapter.ts";
import { publicRoot } from "../setup/handlers.ts";
import { server } from "../setup/msw.ts";

export const MANIFEST_URL = "/data/wuhua/manifest.json";
export const WATER_URL = "/basemap/water.geojson";
const DISTRICT = "530102";

type RawLayer = FeatureCollection<Geometry, Record<string, unknown>>;
export type Layers = Readonly<Record<LayerName, RawLayer>>;

const inDistrict: Record<LayerName, (properties: Record<string, unknown>) => boolean> = {
  prefectures: (properties) => properties.code === DISTRICT.slice(0, 4),
  districts: (properties) => properties.code === DISTRICT,
  streets: (properties) => properties.districtCode === DISTRICT,
  communities: (properties) => String(properties.code).startsWith(DISTRICT),
  grids: (properties) => String(properties.communityCode).startsWith(DISTRICT),
  compounds: (properties) => String(properties.communityCode).startsWith(DISTRICT),
  stations: (properties) => String(properties.streetCode).startsWith(DISTRICT),
};

const kunming = (file: string): unknown => JSON.parse(readFileSync(join(publicRoot, "data", "kunming", file), "utf8"));

/** The demo dataset's 五华区, every layer cut to the district; frozen. */
export function districtLayers(): Layers {
  const layers = Object.fromEntries(
    LAYER_NAMES.map((layer) => {
      const collection = kunming(`${layer}.geojson`) as RawLayer;
      return [layer, { type: "FeatureCollection", features: collection.features.filter((feature) => inDistrict[layer](feature.properties)) }];
    }),
  );
  return deepFreeze(layers) as Layers;
}

/** The same layers with a party branch in the first `count` compounds that had none. */
export function withPartyBranches(layers: Layers, count: number): Layers {
  let left = count;
  const features = layers.compounds.features.map((feature) => {
    if (left === 0 || feature.properties.partyBranch) return feature;
    left -= 1;
    return { ...feature, properties: { ...feature.properties, partyBranch: true } };
  });
  return deepFreeze({ ...layers, compounds: { ...layers.compounds, features } });
}

export function cityReport(layers: Layers): UnitReport {
  return reportOf(analyze(layers as unknown as EngineLayers)).city;
}

export interface ServedVersion {
  asOf: string;
  layers: Layers;
  /** A file that answers HTTP 500 in this version. */
  failing?: "manifest" | "targets" | LayerName;
  /** A targets file (targetsFileSchema) to serve as /data/wuhua/targets.json, named in the manifest. */
  targets?: unknown;
}

/** The demo city's targets file (public/data/kunming/targets.json), frozen. */
export function cityTargets(): { contract: number; targets: Target[] } {
  return deepFreeze(kunming("targets.json") as { contract: number; targets: Target[] });
}

/** Serves `/data/wuhua/` from the version last set; counts the requests that failed. */
export function serveVersions(initial: ServedVersion): { set: (version: ServedVersion) => void; failedRequests: () => number } {
  let current = initial;
  let failed = 0;
  // The district's layers only: the city's registered units are not served here, its targets only when a version has them.
  const { targets: _targets, registeredUnits: _units, ...manifest } = kunming("manifest.json") as Record<string, unknown>;
  server.use(
    http.get(/\/data\/wuhua\/([a-z]+)\.(json|geojson)$/, ({ request }) => {
      const name =
        new URL(request.url).pathname
          .split("/")
          .pop()
          ?.replace(/\.(geo)?json$/, "") ?? "";
      if (name === current.failing) {
        failed += 1;
        return new HttpResponse("unavailable", { status: 500, statusText: "Internal Server Error" });
      }
      if (name === "manifest")
        return HttpResponse.json({ ...manifest, id: "wuhua", asOf: current.asOf, ...(current.targets === undefined ? {} : { targets: "targets.json" }) });
      if (name === "targets" && current.targets !== undefined) return HttpResponse.json(current.targets);
      const layer = LAYER_NAMES.find((candidate) => candidate === name);
      return layer ? HttpResponse.json(current.layers[layer]) : new HttpResponse("not found", { status: 404 });
    }),
  );
  return { set: (version) => (current = version), failedRequests: () => failed };
}

/** What the stand-in map clicks when its button is pressed. */
export const mapClicks: { next: PickedFeature | null } = { next: null };

/**
 * MapView in jsdom: ready at once; on data attributes its selection, flight target and how many
 * compounds it would draw with a party branch (so a test sees the map's data reload); a click button.
 */
export function MapStandIn({ onReady, onSelect, selection, flyTarget, dataset }: MapViewProps) {
  useEffect(() => onReady?.(), [onReady]);
  const branches = dataset?.layers.compounds.features.filter((feature) => feature.properties.partyBranch).length;
  return (
    <div
      data-testid="map"
      data-ready="true"
      data-selection={selection ? `${selection.layer}:${selection.id}` : ""}
      data-fly={flyTarget?.bbox?.join(",") ?? ""}
      data-party-branches={branches ?? ""}
    >
      <button type="button" onClick={() => onSelect?.(mapClicks.next, [0, 0])}>
        click the map
      </button>
    </div>
  );
}
