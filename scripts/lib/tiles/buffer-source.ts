// A pmtiles `Source` over bytes in memory, so that tests and checks read an archive with the
// same code a browser uses over HTTP range requests.
import type { RangeResponse, Source } from "pmtiles";

export class BufferSource implements Source {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly key = "memory",
  ) {}

  getKey(): string {
    return this.key;
  }

  /** Like a server answering a range request: a range past the end is cut short, not an error (readers ask for the first 16 KiB of even a tiny archive). */
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const end = Math.max(offset, Math.min(offset + length, this.bytes.length));
    // A copy, not a view: a Node Buffer's .buffer may be a shared pool much larger than the range.
    const data = new Uint8Array(end - offset);
    data.set(this.bytes.subarray(offset, end));
    return { data: data.buffer };
  }
}
