// The files a cold start draws from first: the dataset's manifest, then (tiled datasets) its
// indicators file, and the basemap's water. A small inline script in index.html requests them
// while the app's JavaScript is still downloading (vite.config.ts writes it into the page), and
// fetch-json.ts takes each response once, in place of its own request.
//
// Measured on the city, software WebGL: the app's scripts take about 0.55 s to arrive and
// evaluate, and the manifest arrived 0.25 s after that, so React first rendered an empty shell,
// the GPU spent up to 0.5 s drawing it, and the map's WebGL context waited behind it. With the
// manifest already here, the map is created in React's first commit, before that first paint.

/** Manifest of the dataset opened when the URL names none. */
export const DEFAULT_DATASET = "data/yunnan/manifest.json";
/** Water polygons of the embedded basemap, relative to the page. */
export const WATER_URL = "basemap/water.geojson";
/** The dataset names of import sessions start with this; they open from IndexedDB, not the network. */
export const SESSION_PREFIX = "import:";

/** Where the inline script leaves its responses: absolute URL → the pending response. */
const SLOT = "partyFirstFiles";

interface Slot {
  files: Record<string, Promise<Response> | undefined>;
  /**
   * Settles once the script has asked for every file it will: the indicators' URL is known only
   * from the manifest, and the app, reading the same manifest, must not ask for them first.
   */
  ready: Promise<void> | null;
}

/**
 * The inline script, plain ES2017 without imports. Any failure (an old browser, a bad URL, a
 * failed request) leaves the app to make its own requests, with its usual error messages.
 */
export function firstFilesScript(): string {
  return `(function () {
  try {
    var query = new URLSearchParams(location.search);
    var dataset = query.get("data") || ${JSON.stringify(DEFAULT_DATASET)};
    if (dataset.indexOf(${JSON.stringify(SESSION_PREFIX)}) === 0) return;
    var slot = (window[${JSON.stringify(SLOT)}] = { files: {}, ready: null });
    var get = function (url) { return (slot.files[url] = fetch(url)); };
    var manifest = new URL(dataset, location.href).href;
    get(new URL(${JSON.stringify(WATER_URL)}, location.href).href).catch(function () {});
    slot.ready = get(manifest)
      .then(function (response) { return response.ok ? response.clone().json() : null; })
      .then(function (json) {
        if (json && typeof json.indicators === "string") get(new URL(json.indicators, manifest).href).catch(function () {});
      })
      .catch(function () {});
  } catch (error) {}
})();`;
}

const slotOf = () => (globalThis as unknown as Record<string, Slot | undefined>)[SLOT];

/**
 * Drops the responses nobody took (an indicators file of a manifest that failed validation, say),
 * so a page left open for days neither holds their bodies nor serves them to a later refresh.
 */
export function forgetFirstFiles(): void {
  const slot = slotOf();
  if (slot) slot.files = {};
}

/** The inline script's response for `url` (absolute), once: a second call finds nothing. */
export async function takeFirstFile(url: string): Promise<Response | undefined> {
  const slot = slotOf();
  if (!slot) return undefined;
  await slot.ready;
  const pending = slot.files[url];
  delete slot.files[url];
  return pending?.catch(() => undefined);
}
