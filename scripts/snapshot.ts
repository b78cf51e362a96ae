// Renders a meeting sheet from the command line, the same sheet the app's composer exports:
//   npm run snapshot -- --view '<permalink or query>' --preset a3-landscape-300 --format pdf --out pack.pdf
// Builds the app (or reuses dist/ with --no-build), serves it on 127.0.0.1, opens the view in
// headless Chromium with the snapshot request, clicks export, saves the file and stops the server.
import { existsSync, statSync } from "node:fs";
import { launchBrowser } from "../tests/browser/browser.ts";
import { exportTo, newSnapshotPage, openComposer, serveApp } from "./lib/snapshot-app.ts";
import { parseSnapshotArgs, SNAPSHOT_USAGE, SnapshotUsageError, type SnapshotOptions } from "./lib/snapshot-args.ts";

function options(): SnapshotOptions {
  try {
    return parseSnapshotArgs(process.argv.slice(2), (path) => existsSync(path) && statSync(path).isDirectory());
  } catch (error) {
    if (!(error instanceof SnapshotUsageError)) throw error;
    console.error(`snapshot: ${error.message}\n\n${SNAPSHOT_USAGE}`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const chosen = options();
  const started = performance.now();
  const app = await serveApp({ build: chosen.build });
  const browser = await launchBrowser();
  try {
    const page = await newSnapshotPage(browser, chosen.viewport);
    await openComposer(page, new URL(`./${chosen.search}${chosen.hash}`, app.url).href, chosen.timeoutMs);
    const timing = await exportTo(page, chosen.atlas ? "snapshot-atlas-export" : "snapshot-export", chosen.out, chosen.timeoutMs);
    const pages = timing.reported.pages ? `, ${timing.reported.pages} page(s)` : "";
    console.log(
      `wrote ${chosen.out} (${chosen.preset}, ${chosen.format}${pages}, ${(statSync(chosen.out).size / 1024).toFixed(0)} KB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await browser.close();
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(`snapshot: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
