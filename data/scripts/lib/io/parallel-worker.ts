// A worker thread of parallel.ts: generates the counties it is sent, one message each.
import { parentPort } from "node:worker_threads";
import { districtLines, type DistrictJob } from "./dataset.ts";

parentPort?.on("message", ({ index, job }: { index: number; job: DistrictJob }) => {
  try {
    const { lines, summary } = districtLines(job);
    // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a thread port, not a window
    parentPort?.postMessage({ index, lines, summary });
  } catch (error) {
    // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a thread port, not a window
    parentPort?.postMessage({ index, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
