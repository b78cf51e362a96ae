// MSW handlers that serve the real files of public/ (the committed demo dataset), counting
// requests so tests can assert what was fetched. MSW is the only network fake in this project.
import { readFile } from "node:fs/promises";
import { join, normalize } from "node:path";
import { http, HttpResponse } from "msw";

export const publicRoot = join(import.meta.dirname, "..", "..", "public");
export const requestCounts = new Map<string, number>();

export const publicFileHandler = http.get(/\/(data|basemap)\/.+/, async ({ request }) => {
  const path = normalize(decodeURIComponent(new URL(request.url).pathname)).replace(/^\/+/, "");
  requestCounts.set(path, (requestCounts.get(path) ?? 0) + 1);
  try {
    const body = await readFile(join(publicRoot, path));
    return new HttpResponse(body, { headers: { "content-type": "application/json" } });
  } catch {
    return new HttpResponse("not found", { status: 404 });
  }
});
