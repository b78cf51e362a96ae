// Files on disk as import inputs: the head and the whole file read on demand, or streamed in
// 1 MiB chunks so a 200 MB GeoJSON never sits in memory as one buffer.
import { createReadStream } from "node:fs";
import { open, readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import type { ImportInput } from "../../../src/data/import/source.ts";

export async function fileInput(path: string): Promise<ImportInput> {
  const { size } = await stat(path);
  return {
    name: basename(path),
    size,
    head: async () => {
      const handle = await open(path, "r");
      try {
        const buffer = new Uint8Array(Math.min(512, size));
        await handle.read(buffer, 0, buffer.length, 0);
        return buffer;
      } finally {
        await handle.close();
      }
    },
    bytes: async () => new Uint8Array(await readFile(path)),
    chunks: async function* () {
      for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) yield new Uint8Array(chunk as Buffer);
    },
  };
}
