// Where tile contents wait while a PMTiles archive is built. The directories can only be written
// once every tile is known, yet they come before the tile data in the file; keeping the data in
// a temporary file means a large archive is never held in memory, let alone twice.
import { closeSync, openSync, readSync, rmSync, writeSync } from "node:fs";

export interface TileStore {
  /** Bytes appended so far: the offset the next append will land at. */
  readonly length: number;
  append(bytes: Uint8Array): void;
  /** The stored bytes in order, in chunks. */
  chunks(): Iterable<Uint8Array>;
  /** Releases what the store holds (the temporary file, if any). */
  dispose(): void;
}

/** For tests and small archives. */
export class MemoryTileStore implements TileStore {
  private readonly parts: Uint8Array[] = [];
  length = 0;

  append(bytes: Uint8Array): void {
    this.parts.push(bytes);
    this.length += bytes.length;
  }

  chunks(): Iterable<Uint8Array> {
    return this.parts;
  }

  dispose(): void {
    this.parts.length = 0;
  }
}

const CHUNK_BYTES = 4 * 1024 * 1024;

/** Appends to a temporary file through a 4 MiB buffer, so that small tiles do not each cost a system call. */
export class FileTileStore implements TileStore {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private buffered = 0;
  private written = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, "w+");
  }

  get length(): number {
    return this.written + this.buffered;
  }

  append(bytes: Uint8Array): void {
    if (this.buffered + bytes.length > CHUNK_BYTES) this.flush();
    if (bytes.length > CHUNK_BYTES) {
      this.written += writeAll(this.fd, bytes, this.written);
      return;
    }
    this.buffer.set(bytes, this.buffered);
    this.buffered += bytes.length;
  }

  *chunks(): Iterable<Uint8Array> {
    this.flush();
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    for (let position = 0; position < this.written;) {
      const read = readSync(this.fd, chunk, 0, Math.min(CHUNK_BYTES, this.written - position), position);
      if (read === 0) throw new Error(`${this.path}: ended at ${position} of ${this.written} bytes`);
      position += read;
      yield chunk.subarray(0, read);
    }
  }

  dispose(): void {
    closeSync(this.fd);
    rmSync(this.path, { force: true });
  }

  private flush(): void {
    if (this.buffered === 0) return;
    this.written += writeAll(this.fd, this.buffer.subarray(0, this.buffered), this.written);
    this.buffered = 0;
  }
}

/** writeSync may write less than asked; loop until everything is out. */
export function writeAll(fd: number, bytes: Uint8Array, position: number): number {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
  return done;
}
