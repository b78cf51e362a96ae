// The benchmark's static server: whole files, byte ranges (as PMTiles readers ask for them),
// 404s, no listings, and no way out of a mounted folder.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRange, resolvePath, startStaticServer, type ResponseRecord, type StaticServer } from "./static-server.ts";

// Fixture: bytes 0..99 in a .pmtiles file, so every range has a known content.
const ARCHIVE = Uint8Array.from({ length: 100 }, (_, index) => index);

let root: string;
let server: StaticServer;
const responses: ResponseRecord[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "static-server-"));
  const site = join(root, "site");
  const generated = join(root, "generated");
  mkdirSync(join(site, "assets"), { recursive: true });
  mkdirSync(join(site, "empty"), { recursive: true });
  mkdirSync(generated);
  writeFileSync(join(site, "index.html"), "<!doctype html><title>app</title>");
  writeFileSync(join(site, "assets", "app.js"), "console.log(1);");
  writeFileSync(join(generated, "tiles.pmtiles"), ARCHIVE);
  writeFileSync(join(generated, "empty.json"), "");
  // A file beside the served folders that no URL may reach.
  writeFileSync(join(root, "secret.txt"), "secret");
  server = await startStaticServer({
    mounts: [
      { prefix: "/", folder: site },
      { prefix: "/generated/", folder: generated },
    ],
    files: new Map([["/baseline/index.html", { body: "<p>baseline</p>", contentType: "text/html; charset=utf-8" }]]),
    onResponse: (record) => responses.push(record),
  });
});

afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw request: fetch() would normalise "/../" away before it reached the server. */
function get(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Reply> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const outgoing = request({ hostname, port, path, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

describe("parseRange", () => {
  it.each([
    { header: undefined, expected: null },
    { header: "bytes=0-9", expected: { start: 0, end: 9 } },
    { header: "bytes=90-", expected: { start: 90, end: 99 } },
    { header: "bytes=-10", expected: { start: 90, end: 99 } },
    { header: "bytes=-500", expected: { start: 0, end: 99 } },
    { header: "bytes=95-200", expected: { start: 95, end: 99 } },
    { header: "bytes=100-", expected: "unsatisfiable" },
    { header: "bytes=9-3", expected: "unsatisfiable" },
    { header: "bytes=-0", expected: "unsatisfiable" },
    { header: "bytes=0-1,5-6", expected: null },
    { header: "items=0-1", expected: null },
    { header: "bytes=-", expected: null },
  ])("$header", ({ header, expected }) => {
    expect(parseRange(header, 100)).toEqual(expected);
  });
});

describe("resolvePath", () => {
  const mounts = [
    { prefix: "/", folder: "/srv/site" },
    { prefix: "/generated/", folder: "/srv/data" },
  ];
  it.each([
    { path: "/", expected: "/srv/site/index.html" },
    { path: "/assets/app.js", expected: "/srv/site/assets/app.js" },
    { path: "/generated/province/manifest.json", expected: "/srv/data/province/manifest.json" },
    { path: "/generated/../../etc/passwd", expected: null },
    { path: "/../etc/passwd", expected: null },
  ])("$path", ({ path, expected }) => {
    expect(resolvePath(path, mounts)).toBe(expected);
  });
});

describe("the static server", () => {
  it("serves index.html at / and files with their content type", async () => {
    const page = await get("/");
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.body.toString()).toContain("<title>app</title>");
    const script = await get("/assets/app.js?v=1");
    expect(script.status).toBe(200);
    expect(script.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(script.headers["accept-ranges"]).toBe("bytes");
  });

  it("serves the second mount and pages held in memory", async () => {
    const archive = await get("/generated/tiles.pmtiles");
    expect(archive.status).toBe(200);
    expect(archive.headers["content-length"]).toBe("100");
    expect([...archive.body]).toEqual([...ARCHIVE]);
    const baseline = await get("/baseline/index.html");
    expect(baseline.status).toBe(200);
    expect(baseline.body.toString()).toBe("<p>baseline</p>");
  });

  it.each([
    { range: "bytes=0-9", contentRange: "bytes 0-9/100", from: 0, to: 9 },
    { range: "bytes=90-", contentRange: "bytes 90-99/100", from: 90, to: 99 },
    { range: "bytes=-5", contentRange: "bytes 95-99/100", from: 95, to: 99 },
    { range: "bytes=50-50", contentRange: "bytes 50-50/100", from: 50, to: 50 },
  ])("answers Range $range with 206 and exactly those bytes", async ({ range, contentRange, from, to }) => {
    const reply = await get("/generated/tiles.pmtiles", { Range: range });
    expect(reply.status).toBe(206);
    expect(reply.headers["content-range"]).toBe(contentRange);
    expect(reply.headers["content-length"]).toBe(String(to - from + 1));
    expect(Array.from(reply.body)).toEqual(Array.from(ARCHIVE.slice(from, to + 1)));
  });

  it("answers a range past the end with 416 and the size", async () => {
    const reply = await get("/generated/tiles.pmtiles", { Range: "bytes=100-200" });
    expect(reply.status).toBe(416);
    expect(reply.headers["content-range"]).toBe("bytes */100");
  });

  it("sends headers without a body for HEAD, and serves an empty file", async () => {
    const head = await get("/generated/tiles.pmtiles", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-length"]).toBe("100");
    expect(head.body.length).toBe(0);
    const empty = await get("/generated/empty.json");
    expect(empty.status).toBe(200);
    expect(empty.body.length).toBe(0);
  });

  it.each(["/missing.js", "/generated/missing.json", "/empty/", "/assets/", "/generated/"])("answers %s with 404 (no fallback, no listing)", async (path) => {
    const reply = await get(path);
    expect(reply.status).toBe(404);
    expect(reply.body.toString()).not.toContain("app.js");
  });

  it.each([
    "/../secret.txt",
    "/generated/../secret.txt",
    "/%2e%2e/secret.txt",
    "/generated/%2E%2E/%2e%2e/secret.txt",
    "/assets/..%2f..%2fsecret.txt",
    "/..%5csecret.txt",
    "/%00",
  ])("refuses %s", async (path) => {
    const reply = await get(path);
    expect(reply.status).toBe(403);
    expect(reply.body.toString()).not.toContain("secret");
  });

  it("reports each response with the body bytes it sent", async () => {
    const before = Date.now();
    await get("/generated/tiles.pmtiles", { Range: "bytes=10-19" });
    await get("/missing.js");
    const [range, missing] = responses.slice(-2);
    expect(range).toMatchObject({ path: "/generated/tiles.pmtiles", status: 206, bodyBytes: 10 });
    expect(range?.finishedAtMs).toBeGreaterThanOrEqual(before);
    expect(missing).toMatchObject({ path: "/missing.js", status: 404 });
  });

  it("refuses methods other than GET and HEAD", async () => {
    expect((await get("/", {}, "POST")).status).toBe(405);
  });
});
