import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { firstFilesScript } from "./src/data/first-files.ts";

// base "./" so the built app runs from any folder of any static host (intranet servers, file shares).
export default defineConfig({
  base: "./",
  // No SPA fallback: a missing data file must be a 404, not index.html.
  appType: "mpa",
  plugins: [
    react(),
    // The manifest, indicators and water are requested by an inline script at the top of the page,
    // while the app's JavaScript downloads (src/data/first-files.ts). It must come before the
    // stylesheet: a classic script waits for the stylesheets above it.
    {
      name: "first-files",
      transformIndexHtml: {
        order: "pre",
        handler: (html) => html.replace("<!-- first-files -->", `<script>${firstFilesScript()}</script>`),
      },
    },
  ],
  server: { host: "127.0.0.1" },
  preview: { host: "127.0.0.1", port: 4173 },
  worker: {
    format: "es",
    // MapLibre's workers import a script with import() only when its name ends in .mjs; any other
    // they fetch and eval, which a strict Content-Security-Policy forbids (src/views/map/pmtiles-worker.ts).
    rolldownOptions: { output: { entryFileNames: (chunk) => `assets/[name]-[hash].${chunk.name.startsWith("pmtiles-worker") ? "mjs" : "js"}` } },
  },
  build: {
    target: "es2022",
    chunkSizeWarningLimit: 2500,
  },
});
