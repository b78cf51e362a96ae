// The only place the app talks to the network. Failures become DataErrors that say which file
// and why, so the UI can show them next to the layer they belong to.
import { takeFirstFile } from "./first-files.ts";
import { DataError } from "./validate.ts";

async function request(url: string, signal?: AbortSignal): Promise<Response> {
  // Relative URLs resolve against the page, also where fetch itself would not (Node, tests).
  const absolute = new URL(url, globalThis.location?.href);
  // Requested by index.html's inline script before this code arrived; a failure there is asked again here.
  const early = await takeFirstFile(absolute.href);
  if (early?.ok) return early;
  let response: Response;
  try {
    response = await fetch(absolute, { signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new DataError(url, [{ file: url, field: "(request)", message: `request failed: ${String(error)}` }]);
  }
  if (!response.ok) {
    throw new DataError(url, [{ file: url, field: "(request)", message: `HTTP ${response.status} ${response.statusText}`.trim() }]);
  }
  return response;
}

/**
 * A binary file's bytes; `onProgress` hears the bytes received so far and the total when it is
 * known: from Content-Length, or, when the server encoded the body (the length then counts encoded
 * bytes while the body arrives decoded), from `sizeFromStart` reading the file's own first bytes.
 */
export async function fetchBytes(
  url: string,
  onProgress?: (loaded: number, total: number | null) => void,
  signal?: AbortSignal,
  sizeFromStart?: (start: Uint8Array) => number | null,
): Promise<Uint8Array> {
  const response = await request(url, signal);
  const length = Number(response.headers.get("content-length"));
  const encoded = (response.headers.get("content-encoding") ?? "identity") !== "identity";
  let total = !encoded && Number.isFinite(length) && length > 0 ? length : null;
  if (!response.body || !onProgress) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (total === null && chunks.length === 0 && sizeFromStart) total = sizeFromStart(value);
    chunks.push(value);
    loaded += value.length;
    onProgress(loaded, total);
  }
  const out = new Uint8Array(loaded);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

export async function fetchJson(url: string, signal?: AbortSignal): Promise<unknown> {
  const response = await request(url, signal);
  const text = await response.text();
  if (/^\s*</.test(text)) {
    // Static servers with an SPA fallback answer a missing file with index.html.
    throw new DataError(url, [{ file: url, field: "(file)", message: "the server returned an HTML page instead of JSON (is the file missing?)" }]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DataError(url, [{ file: url, field: "(file)", message: `not valid JSON: ${reason}` }]);
  }
}
