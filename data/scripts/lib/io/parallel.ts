/**
 * Runs county jobs on worker threads. Each county's output depends only on its job, so the order
 * of completion does not matter: outputs are returned in job order and the files are the same as
 * a single-threaded run. The biggest jobs go first so that no thread is left with a long tail.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { DistrictJob, DistrictLines } from "./dataset.ts";

interface Reply {
  index: number;
  lines?: DistrictLines;
  summary?: string;
  error?: string;
}

const WORKER = new URL("./parallel-worker.mjs", import.meta.url);

/** Worker threads to use: one per core (the main thread only waits while they work). */
export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

export function runInThreads(threads: number) {
  return async (jobs: readonly DistrictJob[], log: (message: string) => void): Promise<DistrictLines[]> => {
    const outputs: (DistrictLines | undefined)[] = Array.from({ length: jobs.length });
    const order = jobs.map((_job, index) => index).toSorted((a, b) => (jobs[b]?.communities.length ?? 0) - (jobs[a]?.communities.length ?? 0) || a - b);
    let next = 0;
    const workers = Array.from({ length: Math.min(threads, jobs.length) }, () => new Worker(WORKER));
    try {
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve, reject) => {
              const send = () => {
                const index = order[next++];
                if (index === undefined) return resolve();
                // A worker thread's port, not a window: there is no target origin.
                // oxlint-disable-next-line unicorn/require-post-message-target-origin
                worker.postMessage({ index, job: jobs[index] });
              };
              worker.on("message", (reply: Reply) => {
                if (reply.error !== undefined || !reply.lines) return reject(new Error(`county ${jobs[reply.index]?.district.code}: ${reply.error}`));
                outputs[reply.index] = reply.lines;
                if (reply.summary) log(`  ${reply.summary}`);
                send();
              });
              worker.on("error", reject);
              send();
            }),
        ),
      );
    } finally {
      await Promise.all(workers.map((worker) => worker.terminate()));
    }
    return outputs.map((output, index) => {
      if (!output) throw new Error(`county ${jobs[index]?.district.code} produced nothing`);
      return output;
    });
  };
}
