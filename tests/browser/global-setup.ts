// Builds the app once and serves dist/ on 127.0.0.1 for the browser tests, the same way
// `npm start` does (vite preview), then stops the server when the run ends.
import { cp } from "node:fs/promises";
import { join } from "node:path";
import { buildTiles } from "../../scripts/lib/tiles/build-tiles.ts";
import { readDataset } from "../../scripts/lib/read-dataset.ts";
import { indicatorsFile, registerTiles } from "../../scripts/lib/tiles/tiled-indicators.ts";
import { build, preview, type PreviewServer } from "vite";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: PreviewServer | undefined;

export default async function setup(project: TestProject) {
  await build({ logLevel: "warn", configFile: "vite.config.ts" });
  // Test-only datasets (bad input) are served beside the real one, never shipped in public/.
  await cp("tests/fixtures", "dist/fixtures", { recursive: true });
  // The demo city as a tiled dataset, built the way `npm run tiles` builds one.
  const tiled = "dist/fixtures/kunming-tiled";
  await cp("public/data/kunming", tiled, { recursive: true });
  const archive = join(tiled, "tiles.pmtiles");
  buildTiles(tiled, { out: archive });
  registerTiles(tiled, archive, indicatorsFile(readDataset(tiled)));
  server = await preview({ configFile: "vite.config.ts", preview: { host: "127.0.0.1", port: 0, strictPort: false } });
  const address = server.httpServer.address();
  if (!address || typeof address === "string") throw new Error("preview server has no TCP address");
  project.provide("baseUrl", `http://127.0.0.1:${address.port}/`);
  return async () => {
    await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
  };
}
