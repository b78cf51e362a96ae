// The benchmark's baseline: a plain MapLibre page (no React, no deck.gl, no validation) that
// draws the same six layers from the same GeoJSON files as MapLibre `geojson` sources, in the
// app's colours and line widths. What the app costs beyond this is the price of its stack.
//
// Query string: data=<manifest URL> (layer files resolve against it, as in the app),
// width/height=<px> (the map's size, set to the app's map element so both draw as many pixels).
// It sets data-ready="true" on [data-testid="map"] once every source is loaded and the map is
// idle, and exposes `window.partyMap = { map }`, the shape the probes expect.
// Unlike the app it draws no water and no labels: the comparison is about the data layers.
import { palette, rgbaToCss } from "../../../src/layers/palette.ts";

/** URL prefix where the server mounts node_modules/maplibre-gl/dist. */
export const MAPLIBRE_PREFIX = "/vendor/maplibre-gl/";
export const BASELINE_PATH = "/baseline/index.html";

const colours = {
  background: palette.background,
  land: palette.land,
  districtLine: palette.districtLine,
  streetLine: rgbaToCss(palette.streetLine),
  communityLine: rgbaToCss(palette.communityLine),
  gridLine: rgbaToCss(palette.gridLine),
  compoundCovered: rgbaToCss(palette.compoundCovered),
  compoundGap: rgbaToCss(palette.compoundGap),
  compoundLine: rgbaToCss(palette.compoundLine),
  station: rgbaToCss(palette.station),
  stationRoom: rgbaToCss(palette.stationRoom),
  stationOutline: rgbaToCss(palette.stationOutline),
};

// Runs in the browser as a module script; plain JavaScript, since nothing compiles it.
const SCRIPT = `
import { Map, setWorkerUrl } from "${MAPLIBRE_PREFIX}maplibre-gl.mjs";
setWorkerUrl("${MAPLIBRE_PREFIX}maplibre-gl-worker.mjs");
const colours = ${JSON.stringify(colours)};
const params = new URLSearchParams(location.search);
const manifestUrl = new URL(params.get("data") ?? "/data/kunming/manifest.json", location.href);
const container = document.querySelector('[data-testid="map"]');
container.style.width = (params.get("width") ?? "1280") + "px";
container.style.height = (params.get("height") ?? "752") + "px";
const manifest = await (await fetch(manifestUrl)).json();
const source = (layer) => ({ type: "geojson", data: new URL(manifest.layers[layer], manifestUrl).href });
const layerIds = ["districts", "streets", "communities", "grids", "compounds", "stations"];
const map = new Map({
  container,
  attributionControl: false,
  fadeDuration: 0,
  maxCanvasSize: [8192, 8192],
  bounds: manifest.bbox,
  fitBoundsOptions: { padding: 24 },
  style: {
    version: 8,
    sources: Object.fromEntries(layerIds.map((layer) => [layer, source(layer)])),
    layers: [
      { id: "background", type: "background", paint: { "background-color": colours.background } },
      { id: "land", type: "fill", source: "districts", paint: { "fill-color": colours.land } },
      { id: "district-line", type: "line", source: "districts", paint: { "line-color": colours.districtLine, "line-width": ["interpolate", ["linear"], ["zoom"], 7, 1.2, 12, 2.4] } },
      { id: "grids", type: "line", source: "grids", paint: { "line-color": colours.gridLine, "line-width": 0.6 } },
      { id: "compounds", type: "fill", source: "compounds", paint: { "fill-color": ["case", ["to-boolean", ["get", "partyBranch"]], colours.compoundCovered, colours.compoundGap] } },
      { id: "compound-line", type: "line", source: "compounds", paint: { "line-color": colours.compoundLine, "line-width": 0.5 } },
      { id: "communities", type: "line", source: "communities", paint: { "line-color": colours.communityLine, "line-width": 1 } },
      { id: "streets", type: "line", source: "streets", paint: { "line-color": colours.streetLine, "line-width": 1.6 } },
      {
        id: "stations",
        type: "circle",
        source: "stations",
        paint: {
          "circle-color": ["match", ["get", "level"], "街道", colours.station, colours.stationRoom],
          "circle-radius": ["match", ["get", "level"], "街道", 7, 4],
          "circle-stroke-color": colours.stationOutline,
          "circle-stroke-width": 1.5,
        },
      },
    ],
  },
});
window.partyMap = { map };
const markReady = () => {
  if (!layerIds.every((id) => map.getSource(id) && map.isSourceLoaded(id))) return;
  map.off("idle", markReady);
  container.setAttribute("data-ready", "true");
};
map.on("idle", markReady);
map.on("error", (event) => console.error("baseline map error:", event.error?.message ?? event));
`;

export function baselineHtml(): string {
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <title>MapLibre baseline</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${MAPLIBRE_PREFIX}maplibre-gl.css" />
    <style>html, body { margin: 0; } [data-testid="map"] { position: relative; }</style>
  </head>
  <body>
    <div data-testid="map" data-ready="false"></div>
    <script type="module">${SCRIPT}</script>
  </body>
</html>
`;
}
