// A tiny static file server for benchmarks and checks: folders mounted at URL prefixes, a few
// pages held in memory, HTTP Range requests (PMTiles reads archives by byte ranges), and nothing
// else: no directory listing, no SPA fallback (a missing file is a 404, as on a plain intranet
// host), and no path may climb out of its folder.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";

export interface Mount {
  /** URL prefix, starting and ending with "/" (for example "/generated/"). */
  prefix: string;
  /** Folder on disk served under the prefix. */
  folder: string;
}

export interface MemoryFile {
  body: string | Uint8Array;
  contentType: string;
}

export interface StaticServerOptions {
  mounts: readonly Mount[];
  /** Exact URL paths answered from memory (generated pages), checked before the mounts. */
  files?: ReadonlyMap<string, MemoryFile>;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Called as each response finishes: a server-side count of what went over the wire. */
  onResponse?: (record: ResponseRecord) => void;
}

export interface ResponseRecord {
  path: string;
  status: number;
  /** Body bytes of files and in-memory pages sent (error texts and headers not included). */
  bodyBytes: number;
  /** Wall-clock ms since the epoch when the last byte was handed to the socket. */
  finishedAtMs: number;
}

export interface StaticServer {
  /** Base URL with a trailing slash, e.g. http://127.0.0.1:40123/ */
  url: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".geojson": "application/geo+json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".pbf": "application/x-protobuf",
  ".pmtiles": "application/vnd.pmtiles",
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
}

/** Inclusive byte range, as in a Content-Range header. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Parses a Range header against a file of `size` bytes. Returns null when the header should be
 * ignored (absent, another unit, several ranges: RFC 9110 lets a server answer those with the
 * whole file), "unsatisfiable" for a 416, or the one range to send.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | "unsatisfiable" | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return null;
  if (first === "") {
    // Suffix range: the last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || end < start) return "unsatisfiable";
  return { start, end };
}

/**
 * Maps a URL path to a file inside a mount, or null if it is in no mount or tries to leave its
 * folder. A path ending in "/" means that folder's index.html (never a listing).
 */
export function resolvePath(urlPath: string, mounts: readonly Mount[]): string | null {
  // Longest prefix first, so "/generated/" wins over "/".
  const ordered = mounts.toSorted((a, b) => b.prefix.length - a.prefix.length);
  for (const mount of ordered) {
    if (!urlPath.startsWith(mount.prefix)) continue;
    const rest = urlPath.slice(mount.prefix.length);
    const relative = rest === "" || rest.endsWith("/") ? `${rest}index.html` : rest;
    const root = resolve(mount.folder);
    const file = resolve(join(root, relative));
    if (file !== root && !file.startsWith(root + sep)) return null;
    return file;
  }
  return null;
}

function decodePath(rawUrl: string): string | null {
  const pathname = rawUrl.split(/[?#]/, 1)[0] ?? "/";
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  // Refused outright rather than normalised: no legitimate asset URL contains these.
  if (decoded.includes("\0") || decoded.includes("\\") || decoded.split("/").includes("..")) return null;
  return decoded;
}

/** Body bytes a handler chose to send, for the onResponse tally. */
interface Sent {
  bodyBytes: number;
}

function sendText(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": Buffer.byteLength(text), ...headers });
  response.end(text);
}

async function handle(request: IncomingMessage, response: ServerResponse, options: StaticServerOptions, sent: Sent): Promise<void> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    sendText(response, 405, "method not allowed\n", { Allow: "GET, HEAD" });
    return;
  }
  const head = request.method === "HEAD";
  const urlPath = decodePath(request.url ?? "/");
  if (urlPath === null) {
    sendText(response, 403, "forbidden\n");
    return;
  }
  const memory = options.files?.get(urlPath);
  if (memory) {
    const body = typeof memory.body === "string" ? Buffer.from(memory.body) : memory.body;
    response.writeHead(200, { "Content-Type": memory.contentType, "Content-Length": body.length, "Cache-Control": "no-store" });
    sent.bodyBytes = head ? 0 : body.length;
    response.end(head ? undefined : body);
    return;
  }
  const file = resolvePath(urlPath, options.mounts);
  if (file === null) {
    sendText(response, 404, "not found\n");
    return;
  }
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    sendText(response, 404, "not found\n");
    return;
  }
  const range = parseRange(request.headers.range, info.size);
  // Every benchmark page is a cold load in a fresh browser context; no-store keeps it that way.
  const common = { "Content-Type": contentTypeOf(file), "Accept-Ranges": "bytes", "Cache-Control": "no-store" };
  if (range === "unsatisfiable") {
    sendText(response, 416, "range not satisfiable\n", { "Content-Range": `bytes */${info.size}` });
    return;
  }
  const { start, end } = range ?? { start: 0, end: info.size - 1 };
  const length = info.size === 0 ? 0 : end - start + 1;
  if (range) response.writeHead(206, { ...common, "Content-Length": length, "Content-Range": `bytes ${start}-${end}/${info.size}` });
  else response.writeHead(200, { ...common, "Content-Length": length });
  if (head || length === 0) {
    response.end();
    return;
  }
  sent.bodyBytes = length;
  const stream = createReadStream(file, { start, end });
  stream.on("error", () => response.destroy());
  stream.pipe(response);
}

/** Starts the server on 127.0.0.1 only: the benchmark must never be reachable from elsewhere. */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const sent: Sent = { bodyBytes: 0 };
    const { onResponse } = options;
    if (onResponse) {
      response.on("finish", () => onResponse({ path: request.url ?? "", status: response.statusCode, bodyBytes: sent.bodyBytes, finishedAtMs: Date.now() }));
    }
    handle(request, response, options, sent).catch((error: unknown) => {
      if (!response.headersSent) sendText(response, 500, `${String(error)}\n`);
      else response.destroy();
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolveClose) => {
        // Browsers keep connections alive; without this, close() would wait for them to time out.
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
