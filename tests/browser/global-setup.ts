// Builds the app once and serves it on 127.0.0.1 for the browser tests, the same way
// `npm start` does (vite preview), then stops the server when the run ends. Each run builds into
// its own temporary folder, so two runs at once (or a run beside `npm start`) do not collide.
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { prepareCity, prepareProvince } from "../../scripts/prepare-data.ts";
import { build, preview, type PreviewServer } from "vite";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** The folder the app was built into and is served from. */
    distDir: string;
  }
}

let server: PreviewServer | undefined;

export default async function setup(project: TestProject) {
  // The tiled copies are generated (cached): make sure they are there before the build copies public/.
  prepareCity({ log: () => undefined });
  await prepareProvince({ log: () => undefined });
  const outDir = await mkdtemp(join(tmpdir(), "party-map-dist-"));
  await build({ logLevel: "warn", configFile: "vite.config.ts", build: { outDir, emptyOutDir: true } });
  // Test-only datasets (bad input) are served beside the real one, never shipped in public/.
  await cp("tests/fixtures", join(outDir, "fixtures"), { recursive: true });
  server = await preview({ configFile: "vite.config.ts", build: { outDir }, preview: { host: "127.0.0.1", port: 0, strictPort: false } });
  const address = server.httpServer.address();
  if (!address || typeof address === "string") throw new Error("preview server has no TCP address");
  project.provide("distDir", outDir);
  project.provide("baseUrl", `http://127.0.0.1:${address.port}/`);
  return async () => {
    await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
    await rm(outDir, { recursive: true, force: true });
  };
}
