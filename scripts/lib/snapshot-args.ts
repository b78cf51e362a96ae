// Arguments of `npm run snapshot`: what to render (a view, a preset, a format, an atlas) and where
// to write it. Pure apart from the injected file-system check, and unit-tested.
import { parseArgs } from "node:util";
import { dirname, extname, resolve } from "node:path";
import { parseUrl } from "../../src/app/url-state.ts";
import { DEFAULT_PRESET, isPresetName, PRESET_NAMES, type PresetName } from "../../src/export/presets.ts";
import { ATLAS_SCOPES, type AtlasScope } from "../../src/domain/atlas-units.ts";
import { SNAPSHOT_PARAMETERS, type SnapshotFormat } from "../../src/export/snapshot-query.ts";

export const SNAPSHOT_USAGE = `Usage: npm run snapshot -- --out <file.png|file.pdf> [options]

  --view <link>      a permalink (http://host/?lang=en#map=12/25.04/102.7), or its query and/or
                     hash ("?lang=en#map=…", "#map=…", "map=12/25.04/102.7&layers=streets");
                     empty: the app's default view
  --preset <name>    ${PRESET_NAMES.join(", ")}
                     (default ${DEFAULT_PRESET})
  --format png|pdf   default: from the extension of --out
  --atlas <level>    districts, streets or communities: one PDF page per county, township or
                     community of the view's selected area
  --out <file>       where to write; its folder must exist and its extension match the format
  --viewport WxH     the browser window the view is seen in (default 1440x900)
  --no-build         serve the existing dist/ instead of building the app first
  --timeout <s>      give up after this many seconds (default 900)`;

/** A mistake in the command line: printed with the usage, exit code 2. */
export class SnapshotUsageError extends Error {}

export interface SnapshotOptions {
  /** Query string and hash the app opens with, snapshot request included. */
  search: string;
  hash: string;
  preset: PresetName;
  format: SnapshotFormat;
  atlas: AtlasScope | null;
  out: string;
  viewport: { width: number; height: number };
  build: boolean;
  timeoutMs: number;
}

/** Parameters the app reads from the query string; everything else belongs to the hash. */
const QUERY_KEYS = new Set(["lang", "data"]);

/** Splits a permalink, or a bare query and/or hash, into the app's query and hash. */
export function splitView(view: string): { query: URLSearchParams; hash: URLSearchParams } {
  const text = view.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) && !/^https?:\/\//i.test(text))
    throw new SnapshotUsageError(`--view: only http(s) links are understood, not "${text}"`);
  const link = /^https?:\/\//i.test(text) ? new URL(text) : null;
  const [before = "", after = ""] = link
    ? [link.search, link.hash]
    : text.includes("#")
      ? [text.slice(0, text.indexOf("#")), text.slice(text.indexOf("#"))]
      : [text, ""];
  const query = new URLSearchParams(before.replace(/^[^?]*\?/, ""));
  const hash = new URLSearchParams(after.replace(/^#/, ""));
  // A bare "map=…&lang=en" mixes both: sort each parameter to where the app reads it.
  if (!link && !before.includes("?") && !text.includes("#")) {
    for (const [key, value] of Array.from(query)) {
      if (QUERY_KEYS.has(key)) continue;
      query.delete(key);
      hash.append(key, value);
    }
  }
  for (const key of [...SNAPSHOT_PARAMETERS, "debug"]) query.delete(key);
  return { query, hash };
}

function checkView(query: URLSearchParams, hash: URLSearchParams): void {
  const hashText = hash.toString();
  const state = parseUrl(`?${query}`, `#${hashText}`);
  if (hash.has("map") && state.camera === null)
    throw new SnapshotUsageError(`--view: map must be zoom/latitude/longitude (for example 12/25.04/102.7), not "${hash.get("map")}"`);
  if (hash.has("sel") && state.selection === null)
    throw new SnapshotUsageError(`--view: sel must be <layer>:<code> (for example districts:530102), not "${hash.get("sel")}"`);
  const language = query.get("lang");
  if (language !== null && language !== "zh" && language !== "en") throw new SnapshotUsageError(`--view: lang must be zh or en, not "${language}"`);
}

const FORMATS: Record<string, SnapshotFormat> = { ".png": "png", ".pdf": "pdf" };

export function parseSnapshotArgs(argv: readonly string[], directoryExists: (path: string) => boolean): SnapshotOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        view: { type: "string", default: "" },
        preset: { type: "string", default: DEFAULT_PRESET },
        format: { type: "string" },
        atlas: { type: "string" },
        out: { type: "string" },
        viewport: { type: "string", default: "1440x900" },
        "no-build": { type: "boolean", default: false },
        timeout: { type: "string", default: "900" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new SnapshotUsageError(error instanceof Error ? error.message : String(error));
  }
  if (!isPresetName(values.preset)) throw new SnapshotUsageError(`--preset: "${values.preset}" is not a preset; choose one of ${PRESET_NAMES.join(", ")}`);
  const atlas = values.atlas ?? null;
  const scope = ATLAS_SCOPES.find((candidate) => candidate === atlas) ?? null;
  if (atlas !== null && scope === null) throw new SnapshotUsageError(`--atlas must be ${ATLAS_SCOPES.join(", ")}, not "${atlas}"`);
  if (!values.out) throw new SnapshotUsageError("--out is required: the file to write");
  const out = resolve(values.out);
  const extension = extname(out).toLowerCase();
  const fromExtension = FORMATS[extension];
  if (values.format !== undefined && values.format !== "png" && values.format !== "pdf")
    throw new SnapshotUsageError(`--format must be png or pdf, not "${values.format}"`);
  const format: SnapshotFormat = atlas ? "pdf" : ((values.format as SnapshotFormat | undefined) ?? fromExtension ?? "png");
  if (atlas && values.format === "png") throw new SnapshotUsageError("--atlas writes a multi-page PDF; --format png cannot hold it");
  if (fromExtension !== format)
    throw new SnapshotUsageError(`--out: a ${format.toUpperCase()} needs a .${format} file name, not "${extension || "(no extension)"}"`);
  if (!directoryExists(dirname(out))) throw new SnapshotUsageError(`--out: the folder ${dirname(out)} does not exist`);
  const size = /^(\d{3,4})x(\d{3,4})$/.exec(values.viewport);
  if (!size) throw new SnapshotUsageError(`--viewport must be WIDTHxHEIGHT in pixels (for example 1440x900), not "${values.viewport}"`);
  const timeout = Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) throw new SnapshotUsageError(`--timeout must be a number of seconds, not "${values.timeout}"`);

  const { query, hash } = splitView(values.view);
  checkView(query, hash);
  query.set("snapshot", values.preset);
  query.set("format", format);
  if (scope) query.set("atlas", scope);
  const hashText = hash.toString().replaceAll("%2F", "/").replaceAll("%2C", ",").replaceAll("%3A", ":").replaceAll("%3B", ";");
  return {
    search: `?${query}`,
    hash: hashText ? `#${hashText}` : "",
    preset: values.preset,
    format,
    atlas: scope,
    out,
    viewport: { width: Number(size[1]), height: Number(size[2]) },
    build: !values["no-build"],
    timeoutMs: timeout * 1000,
  };
}
