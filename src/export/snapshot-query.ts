// The snapshot part of a URL: `?snapshot=<preset>&format=pdf&atlas=streets` opens the composer
// with those choices (the snapshot script uses it), and the permalink a sheet prints drops it.
import { ATLAS_SCOPES, type AtlasScope } from "../domain/atlas-units.ts";
import { DEFAULT_PRESET, isPresetName, type PresetName } from "./presets.ts";

export type SnapshotFormat = "png" | "pdf";
export type { AtlasScope };

export interface SnapshotRequest {
  preset: PresetName;
  format: SnapshotFormat;
  /** Open on the atlas of this level (within the selected area), or null for a single sheet. */
  atlas: AtlasScope | null;
  /** Largest map canvas side in pixels before the map is drawn in tiles (tests force small tiles). */
  maxTilePixels: number | null;
  /** A preset name in the URL that is not one: the composer says so and uses the default. */
  unknownPreset: string | null;
}

/** Query parameters that belong to the snapshot request, not to the view. */
export const SNAPSHOT_PARAMETERS = ["snapshot", "format", "atlas", "snapshotTile"] as const;

/** The snapshot request in a query string, or null when it asks for none. */
export function parseSnapshotQuery(search: string): SnapshotRequest | null {
  const query = new URLSearchParams(search);
  const name = query.get("snapshot");
  if (name === null) return null;
  const atlasValue = query.get("atlas");
  const atlas = ATLAS_SCOPES.find((scope) => scope === atlasValue) ?? null;
  const formatValue = query.get("format");
  const format: SnapshotFormat = formatValue === "pdf" || (formatValue === null && atlas !== null) ? "pdf" : "png";
  const tile = Number(query.get("snapshotTile"));
  const known = isPresetName(name);
  return {
    preset: known ? name : DEFAULT_PRESET,
    format,
    atlas,
    maxTilePixels: Number.isInteger(tile) && tile >= 256 && tile <= 8192 ? tile : null,
    unknownPreset: known || name === "" || name === "1" ? null : name,
  };
}

/** Characters a QR code's byte mode can carry as they are: anything else is percent-encoded. */
function asciiOnly(url: string): string {
  return url.replace(/[^\x20-\x7e]+/g, (text) => encodeURIComponent(text));
}

/** The link printed on a sheet: the live view, without the request to open the composer. */
export function sheetPermalink(url: string): string {
  const parsed = new URL(url, "http://localhost/");
  for (const parameter of [...SNAPSHOT_PARAMETERS, "debug"]) parsed.searchParams.delete(parameter);
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(url);
  const text = absolute ? parsed.href : `${parsed.pathname}${parsed.search}${parsed.hash}`;
  return asciiOnly(text);
}

/**
 * The permalink of one atlas page: the same view settings, centred on the unit with its card
 * open. `map` is zoom/latitude/longitude as the app writes it.
 */
export function unitPermalink(url: string, unit: { layer: AtlasScope; code: string }, camera: { zoom: number; latitude: number; longitude: number }): string {
  const parsed = new URL(sheetPermalink(url), "http://localhost/");
  const view = new URLSearchParams(parsed.hash.replace(/^#/, ""));
  view.set("map", `${camera.zoom.toFixed(2)}/${camera.latitude.toFixed(5)}/${camera.longitude.toFixed(5)}`);
  view.set("sel", `${unit.layer}:${unit.code}`);
  parsed.hash = view.toString().replaceAll("%2F", "/").replaceAll("%2C", ",").replaceAll("%3A", ":").replaceAll("%3B", ";");
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(url);
  return absolute ? parsed.href : `${parsed.pathname}${parsed.search}${parsed.hash}`;
}
