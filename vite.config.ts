import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// base "./" so the built app runs from any folder of any static host (intranet servers, file shares).
export default defineConfig({
  base: "./",
  // No SPA fallback: a missing data file must be a 404, not index.html.
  appType: "mpa",
  plugins: [react()],
  server: { host: "127.0.0.1" },
  preview: { host: "127.0.0.1", port: 4173 },
  worker: { format: "es" },
  build: {
    target: "es2022",
    chunkSizeWarningLimit: 2500,
  },
});
