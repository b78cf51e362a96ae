// Search by name or code over every unit of the dataset, for the search box. Names are
// normalised once when the index is built; a query is one pass over flat arrays, keeping only
// the best `limit` hits per level, so it stays in the low milliseconds at city scale.
import type { MultiPolygon, Polygon } from "geojson";
import type { Layers } from "./dataset.ts";
import { centroidOf } from "./geo.ts";
import { labelPoint } from "./label-point.ts";
import { bboxOf, type Bbox, type Model } from "./model.ts";

export const SEARCH_LEVELS = ["prefecture", "district", "street", "community", "grid", "compound", "station"] as const;
export type SearchLevel = (typeof SEARCH_LEVELS)[number];

export interface SearchEntry {
  level: SearchLevel;
  /** Code (district, street, community) or id (grid, compound, station). */
  id: string;
  name: string;
  /** e.g. "五华区 › 华山街道" */
  context: string;
  /** [longitude, latitude] in degrees (EPSG:4326). */
  position: [number, number];
  /** [west, south, east, north] in degrees; null for points. */
  bbox: [number, number, number, number] | null;
}

export interface SearchHit extends SearchEntry {
  /** Lower ranks first: 0 is an exact name or code. */
  score: number;
  /** [start, end) of the match in name, for highlighting */
  match: [number, number] | null;
}

export interface SearchGroup {
  level: SearchLevel;
  entries: SearchHit[];
  /** Every hit of this level, including those beyond the limit. */
  total: number;
}

export interface SearchIndex {
  readonly size: number;
  search(query: string, limit?: number): SearchGroup[];
}

// Written in many ways for the same unit; longest first so that the whole suffix is removed.
const SUFFIXES = ["社区居民委员会", "社区居委会", "村民委员会", "居民委员会", "街道办事处", "村委会", "居委会", "街道", "社区"];
const WHITESPACE = /\s/u;
const CODE_QUERY = /^\d+(-[0-9a-z]*)?$/;
const TIER = 10_000;
const POSITION = 100;

interface Normalised {
  key: string;
  /** Where each code unit of key comes from in the original text: [start, end) per unit; null when identical. */
  spans: Array<[number, number]> | null;
}

/** NFKC (full-width digits and letters become half-width), lower case, no whitespace. */
function normalise(text: string): Normalised {
  const quick = text.normalize("NFKC").toLowerCase();
  if (quick === text && !WHITESPACE.test(text)) return { key: text, spans: null };
  let key = "";
  const spans: Array<[number, number]> = [];
  let index = 0;
  for (const character of text) {
    const part = WHITESPACE.test(character) ? "" : character.normalize("NFKC").toLowerCase();
    key += part;
    for (let unit = 0; unit < part.length; unit += 1) spans.push([index, index + character.length]);
    index += character.length;
  }
  return { key, spans };
}

function stemOf(key: string): string {
  for (const suffix of SUFFIXES) {
    if (key.length > suffix.length && key.endsWith(suffix)) return key.slice(0, -suffix.length);
  }
  return key;
}

interface Candidate {
  score: number;
  entry: number;
  start: number;
  end: number;
}

export function buildSearchIndex(entries: readonly SearchEntry[]): SearchIndex {
  const count = entries.length;
  const names = entries.map((entry) => normalise(entry.name));
  const keys = names.map(({ key }) => key);
  const stems = keys.map(stemOf);
  const spans = names.map((name) => name.spans);
  const codes = entries.map((entry) => entry.id.toLowerCase());
  const levels = Uint8Array.from(entries, (entry) => SEARCH_LEVELS.indexOf(entry.level));

  function nameMatch(index: number, query: string, queryStem: string): Candidate | undefined {
    const key = keys[index] ?? "";
    const stem = stems[index] ?? "";
    const suffixed = stem.length < key.length;
    const position = key.indexOf(query);
    if (position === 0 && key.length === query.length) return { score: 0, entry: index, start: 0, end: key.length };
    // A query with a suffix only looks for units with one, in whichever way it is written.
    if (queryStem !== query && !suffixed) return position < 0 ? undefined : substring(index, position, query.length, key.length);
    if (stem === queryStem) return { score: TIER + key.length, entry: index, start: 0, end: queryStem === query ? query.length : key.length };
    const byName = position < 0 ? undefined : substring(index, position, query.length, key.length);
    const stemPosition = queryStem === query ? -1 : stem.indexOf(queryStem);
    const byStem = stemPosition < 0 ? undefined : substring(index, stemPosition, queryStem.length, key.length);
    if (byStem && (!byName || byStem.score < byName.score)) return byStem;
    return byName;
  }

  function codeMatch(index: number, query: string): Candidate | undefined {
    const code = codes[index] ?? "";
    if (!code.startsWith(query)) return undefined;
    const extra = code.length - query.length;
    return { score: extra === 0 ? 0 : 2 * TIER + Math.min(extra, TIER - 1), entry: index, start: 0, end: 0 };
  }

  function search(query: string, limit = 8): SearchGroup[] {
    const normalised = normalise(query.trim()).key;
    if (normalised === "") return [];
    const cap = Math.max(0, Math.floor(limit));
    const byCode = CODE_QUERY.test(normalised);
    const queryStem = stemOf(normalised);
    const best: Candidate[][] = SEARCH_LEVELS.map(() => []);
    const totals = SEARCH_LEVELS.map(() => 0);
    for (let index = 0; index < count; index += 1) {
      const candidate = byCode ? codeMatch(index, normalised) : nameMatch(index, normalised, queryStem);
      if (!candidate) continue;
      const level = levels[index] ?? 0;
      totals[level] = (totals[level] ?? 0) + 1;
      const kept = best[level];
      if (kept) keepBest(kept, candidate, cap);
    }
    const groups: SearchGroup[] = [];
    SEARCH_LEVELS.forEach((level, levelIndex) => {
      const total = totals[levelIndex] ?? 0;
      if (total === 0) return;
      const hits = (best[levelIndex] ?? []).map((candidate) => toHit(candidate, byCode));
      groups.push({ level, entries: hits, total });
    });
    return groups;
  }

  function toHit(candidate: Candidate, byCode: boolean): SearchHit {
    const entry = entries[candidate.entry] as SearchEntry;
    const map = spans[candidate.entry];
    const start = map ? (map[candidate.start]?.[0] ?? 0) : candidate.start;
    const end = map ? (map[candidate.end - 1]?.[1] ?? entry.name.length) : candidate.end;
    const match: [number, number] | null = byCode ? null : [start, end];
    return { ...entry, score: candidate.score, match };
  }

  return { size: count, search };
}

function substring(index: number, position: number, length: number, keyLength: number): Candidate {
  const tier = position === 0 ? 2 : 3;
  return { score: tier * TIER + Math.min(position, 99) * POSITION + Math.min(keyLength, 99), entry: index, start: position, end: position + length };
}

/** Inserts into a list sorted by score, then input order, no longer than `cap`. */
function keepBest(kept: Candidate[], candidate: Candidate, cap: number): void {
  const last = kept[kept.length - 1];
  if (kept.length >= cap && (!last || last.score <= candidate.score)) return;
  let position = kept.length;
  while (position > 0 && (kept[position - 1]?.score ?? 0) > candidate.score) position -= 1;
  kept.splice(position, 0, candidate);
  if (kept.length > cap) kept.pop();
}

/** The two nearest ancestors, outermost first, so that equal names in different places differ. */
function context(...names: Array<string | undefined>): string {
  return names
    .filter((name) => name !== undefined)
    .slice(-2)
    .join(" › ");
}

/** labelPoint is sure to fall inside the unit; the centroid is cheaper, for the many small ones. */
function area(geometry: Polygon | MultiPolygon, precise: boolean): Pick<SearchEntry, "position" | "bbox"> {
  const [longitude = Number.NaN, latitude = Number.NaN] = precise ? labelPoint(geometry) : centroidOf(geometry);
  return { position: [longitude, latitude], bbox: bboxOf(geometry) };
}

export function searchEntriesFromLayers(layers: Layers): SearchEntry[] {
  const prefectureNames = new Map(layers.prefectures.features.map((feature) => [feature.properties.code, feature.properties.name]));
  const districtNames = new Map(layers.districts.features.map((feature) => [feature.properties.code, feature.properties.name]));
  const streets = new Map(layers.streets.features.map((feature) => [feature.properties.code, feature.properties]));
  const communities = new Map(layers.communities.features.map((feature) => [feature.properties.code, feature.properties]));
  const underStreet = (code: string) => {
    const street = streets.get(code);
    return [street ? districtNames.get(street.districtCode) : undefined, street?.name];
  };
  const underCommunity = (code: string) => {
    const community = communities.get(code);
    return [...(community ? underStreet(community.streetCode) : []), community?.name];
  };

  const entries: SearchEntry[] = [];
  for (const { properties, geometry } of layers.prefectures.features) {
    entries.push({ level: "prefecture", id: properties.code, name: properties.name, context: "", ...area(geometry, true) });
  }
  for (const { properties, geometry } of layers.districts.features) {
    const prefecture = prefectureNames.get(properties.prefectureCode ?? properties.code.slice(0, 4));
    entries.push({ level: "district", id: properties.code, name: properties.name, context: context(prefecture), ...area(geometry, true) });
  }
  for (const { properties, geometry } of layers.streets.features) {
    entries.push({
      level: "street",
      id: properties.code,
      name: properties.name,
      context: context(districtNames.get(properties.districtCode)),
      ...area(geometry, true),
    });
  }
  for (const { properties, geometry } of layers.communities.features) {
    entries.push({
      level: "community",
      id: properties.code,
      name: properties.name,
      context: context(...underStreet(properties.streetCode)),
      ...area(geometry, true),
    });
  }
  for (const { properties, geometry } of layers.grids.features) {
    entries.push({
      level: "grid",
      id: properties.id,
      name: properties.name,
      context: context(...underCommunity(properties.communityCode)),
      ...area(geometry, false),
    });
  }
  for (const { properties, geometry } of layers.compounds.features) {
    entries.push({
      level: "compound",
      id: properties.id,
      name: properties.name,
      context: context(...underCommunity(properties.communityCode)),
      ...area(geometry, false),
    });
  }
  for (const { properties, geometry } of layers.stations.features) {
    const [longitude = Number.NaN, latitude = Number.NaN] = geometry.coordinates;
    const parents = properties.communityCode === null ? underStreet(properties.streetCode) : underCommunity(properties.communityCode);
    entries.push({ level: "station", id: properties.id, name: properties.name, context: context(...parents), position: [longitude, latitude], bbox: null });
  }
  return entries;
}

const place = (row: { longitude: number; latitude: number; bbox: Bbox }) => ({ position: [row.longitude, row.latitude] as [number, number], bbox: row.bbox });

/**
 * The same entries from the engine's model (tiled datasets, in the worker): every unit down to
 * grids and residential units, placed at its centroid and framed by its box.
 */
export function searchEntriesFromModel(model: Model): SearchEntry[] {
  const entries: SearchEntry[] = [];
  const streetContext = (index: number) => {
    const street = model.streets[index];
    return [street ? model.districts[street.districtIndex]?.name : undefined, street?.name];
  };
  const communityContext = (index: number) => {
    const community = model.communities[index];
    return [...(community ? streetContext(community.streetIndex) : []), community?.name];
  };
  for (const row of model.prefectures)
    entries.push({
      level: "prefecture",
      id: row.code,
      name: row.name,
      context: "",
      position: [(row.bbox[0] + row.bbox[2]) / 2, (row.bbox[1] + row.bbox[3]) / 2],
      bbox: row.bbox,
    });
  for (const row of model.districts)
    entries.push({ level: "district", id: row.code, name: row.name, context: context(model.prefectures[row.prefectureIndex]?.name), ...place(row) });
  for (const row of model.streets)
    entries.push({ level: "street", id: row.code, name: row.name, context: context(model.districts[row.districtIndex]?.name), ...place(row) });
  for (const row of model.communities)
    entries.push({ level: "community", id: row.code, name: row.name, context: context(...streetContext(row.streetIndex)), ...place(row) });
  for (const row of model.grids)
    entries.push({ level: "grid", id: row.id, name: row.name, context: context(...communityContext(row.communityIndex)), ...place(row) });
  for (const row of model.compounds)
    entries.push({ level: "compound", id: row.id, name: row.name, context: context(...communityContext(row.communityIndex)), ...place(row) });
  for (const row of model.stations) {
    const parents = row.communityIndex >= 0 ? communityContext(row.communityIndex) : streetContext(row.streetIndex);
    entries.push({ level: "station", id: row.id, name: row.name, context: context(...parents), position: [row.longitude, row.latitude], bbox: null });
  }
  return entries;
}
