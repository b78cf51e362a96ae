// The only place the app talks to the network. Failures become DataErrors that say which file
// and why, so the UI can show them next to the layer they belong to.
import { DataError } from "./validate.ts";

export async function fetchJson(url: string, signal?: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    // Relative URLs resolve against the page, also where fetch itself would not (Node, tests).
    response = await fetch(new URL(url, globalThis.location?.href), { signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new DataError(url, [{ file: url, field: "(request)", message: `request failed: ${String(error)}` }]);
  }
  if (!response.ok) {
    throw new DataError(url, [{ file: url, field: "(request)", message: `HTTP ${response.status} ${response.statusText}`.trim() }]);
  }
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
