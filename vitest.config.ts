import { defineConfig, mergeConfig } from "vitest/config";
import viteConfig from "./vite.config.ts";

// Three projects: pure code in node (an accidental DOM import fails there), components in jsdom
// with MSW, and end-to-end tests that drive the built app in headless Chromium.
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: "node",
            environment: "node",
            include: ["src/{data,domain,layers,export}/**/*.test.ts", "data/scripts/**/*.test.ts", "scripts/**/*.test.ts", "tests/unit/**/*.test.ts"],
            testTimeout: 120_000,
          },
        },
        {
          extends: true,
          test: {
            name: "jsdom",
            environment: "jsdom",
            include: ["src/{views,app}/**/*.test.{ts,tsx}", "tests/component/**/*.test.{ts,tsx}"],
            setupFiles: ["tests/setup/jsdom.ts"],
            testTimeout: 60_000,
          },
        },
        {
          extends: true,
          test: {
            name: "browser",
            environment: "node",
            include: ["tests/browser/**/*.test.ts"],
            globalSetup: ["tests/browser/global-setup.ts"],
            fileParallelism: false,
            testTimeout: 120_000,
            hookTimeout: 180_000,
          },
        },
      ],
    },
  }),
);
