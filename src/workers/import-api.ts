// The import in a worker: files are read, converted and checked off the main thread, so the page
// keeps drawing while a 200 MB file streams through. Progress comes back through a callback;
// cancelling terminates the worker (import-client.ts), which drops whatever it held.
import { transfer } from "comlink";
import type { ImportContext } from "../data/import/parents.ts";
import { importLayer, type ImportOptions, type ImportProgress, type ImportResult } from "../data/import/import-layer.ts";
import type { ImportInput } from "../data/import/source.ts";

/** A browser File as an import input: its head, its bytes, or its stream in chunks. */
export function fileInput(file: File): ImportInput {
  return {
    name: file.name,
    size: file.size,
    head: async () => new Uint8Array(await file.slice(0, 512).arrayBuffer()),
    bytes: async () => new Uint8Array(await file.arrayBuffer()),
    chunks: async function* () {
      const reader = file.stream().getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    },
  };
}

export type WorkerImportOptions = Omit<ImportOptions, "signal" | "onProgress">;

/**
 * The result as the page gets it: the report and counts, and the features as UTF-8 GeoJSON bytes,
 * transferred, not copied. The page never parses a large layer: decoding 488,000 compounds there
 * stalled it for 3 s (measured on the 200 MB file); bytes go to IndexedDB and a blob as they are.
 */
export type WorkerImportResult = Omit<ImportResult, "collection"> & { json: Uint8Array };

export const importApi = {
  async run(
    files: File[],
    options: WorkerImportOptions,
    context: ImportContext | undefined,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<WorkerImportResult> {
    let last = 0;
    // At most ten progress messages a second cross to the page.
    const throttled = (progress: ImportProgress) => {
      const now = performance.now();
      if (now - last < 100 && progress.done < progress.total) return;
      last = now;
      onProgress?.(progress);
    };
    const { collection, ...result } = await importLayer(files.map(fileInput), { ...options, onProgress: throttled }, context);
    const json = new TextEncoder().encode(JSON.stringify(collection));
    return transfer({ ...result, json }, [json.buffer]);
  },
};

export type ImportApi = typeof importApi;
