// TanStack Query options for a dataset: the manifest, then one query per layer. Query owns the
// fetched data; everything else is derived from it.
import { queryOptions, type QueryClient } from "@tanstack/react-query";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import type { LayerName, Manifest } from "./contract.ts";
import { fetchJson } from "./fetch-json.ts";
import { forgetFirstFiles } from "./first-files.ts";
import { indicatorsQuery } from "./indicators-file.ts";
import { parseLayer, parseManifest, parseWater, type ParsedLayer } from "./validate.ts";

/** Resolves a layer file named in the manifest against the manifest's own URL. */
export function layerUrl(manifestUrl: string, file: string): string {
  const base = new URL(manifestUrl, globalThis.location?.href ?? "http://127.0.0.1/");
  return new URL(file, base).href;
}

export function manifestQuery(manifestUrl: string) {
  return queryOptions({
    queryKey: ["manifest", manifestUrl],
    queryFn: async ({ signal }): Promise<Manifest> => parseManifest(manifestUrl, await fetchJson(manifestUrl, signal)),
    retry: 1,
    // Refreshing is explicit (wall mode); a second observer must not refetch the same file.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function layerQuery<L extends LayerName>(manifestUrl: string, manifest: Manifest | undefined, layer: L) {
  const file = manifest?.layers[layer];
  return queryOptions({
    queryKey: ["layer", manifestUrl, layer, file],
    enabled: file !== undefined,
    queryFn: async ({ signal }): Promise<ParsedLayer<L>> => {
      if (file === undefined) throw new Error(`layer ${layer} is not in the manifest`);
      const url = layerUrl(manifestUrl, file);
      return parseLayer(layer, url, await fetchJson(url, signal));
    },
    retry: 1,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Water polygons of the embedded basemap: geometry is checked, properties are free. */
export function waterQuery(url: string) {
  return queryOptions({
    queryKey: ["basemap-water", url],
    queryFn: async ({ signal }): Promise<FeatureCollection<Polygon | MultiPolygon>> => parseWater(url, await fetchJson(url, signal)),
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
}

/**
 * Starts the fetches a dataset's first frame waits for (manifest, then a tiled dataset's
 * indicators, and the basemap water) before React has mounted: the map's creation would otherwise
 * sit between the first render and the queries' own start. The queries find the data in the cache.
 * Resolves once the manifest has loaded or failed; the indicators may still be on their way.
 */
export async function prefetchDataset(client: QueryClient, manifestUrl: string, waterUrl: string): Promise<void> {
  const water = client.prefetchQuery(waterQuery(waterUrl));
  await client.prefetchQuery(manifestQuery(manifestUrl));
  const manifest = client.getQueryData(manifestQuery(manifestUrl).queryKey);
  const indicators = manifest?.indicators === undefined ? undefined : client.prefetchQuery(indicatorsQuery(layerUrl(manifestUrl, manifest.indicators)));
  // Whatever index.html's inline script fetched and these did not take is left for nobody.
  void Promise.all([water, indicators]).then(forgetFirstFiles);
}
