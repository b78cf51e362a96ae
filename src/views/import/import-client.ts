// Runs one import in its own worker. Cancelling terminates the worker: parsing stops at once and
// everything it held is freed, which an AbortSignal (it cannot cross to a worker) would not do.
import { proxy, wrap } from "comlink";
import type { ImportProgress } from "../../data/import/import-layer.ts";
import type { ImportContext } from "../../data/import/parents.ts";
import type { ImportApi, WorkerImportOptions, WorkerImportResult } from "../../workers/import-api.ts";

export class ImportCancelledError extends Error {
  constructor() {
    super("import cancelled");
    this.name = "ImportCancelledError";
  }
}

export interface RunningImport {
  result: Promise<WorkerImportResult>;
  cancel: () => void;
}

export function runImport(
  files: File[],
  options: WorkerImportOptions,
  context: ImportContext | undefined,
  onProgress: (progress: ImportProgress) => void,
): RunningImport {
  const worker = new Worker(new URL("../../workers/import.worker.ts", import.meta.url), { type: "module" });
  const api = wrap<ImportApi>(worker);
  let rejectCancelled: ((error: Error) => void) | undefined;
  const cancelled = new Promise<never>((_resolve, reject) => {
    rejectCancelled = reject;
  });
  const cancel = () => {
    worker.terminate();
    rejectCancelled?.(new ImportCancelledError());
  };
  const result = Promise.race([api.run(files, options, context, proxy(onProgress)), cancelled]).finally(() => worker.terminate());
  return { result, cancel };
}
