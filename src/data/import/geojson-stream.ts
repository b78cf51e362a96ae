// A streaming reader for GeoJSON FeatureCollections: text goes in chunk by chunk, features come
// out one by one, so a 200 MB file never sits in memory as one string plus one parsed tree. It
// tracks strings and nesting to find the top-level "features" array and cuts out each element;
// each is parsed alone, so one broken feature does not lose the others. Everything outside the
// array is kept (it is small) and parsed at the end to check the collection itself.

export type StreamItem = { feature: unknown; index: number } | { broken: string; index: number };

export interface StreamEnd {
  /** The top level without its features, parsed; undefined when it is not valid JSON. */
  top: unknown;
  topError?: string;
  /** Whether a top-level "features" array was found. */
  foundFeatures: boolean;
  /** The text ended inside a value: the file is cut off. */
  truncated: boolean;
  featureCount: number;
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COLON = 58;
const COMMA = 44;

export class GeoJsonStream {
  private readonly decoder = new TextDecoder("utf-8");
  private buffer = "";
  private position = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private stringStart = -1;
  /** The last string seen at depth 1 (a key candidate) and whether a colon followed it. */
  private lastTopString = "";
  private expectValueOfKey: string | null = null;
  /** "outside": before or after the features array; "features": inside it. */
  private mode: "outside" | "features" | "after" = "outside";
  private featureStart = -1;
  private outside: string[] = [];
  private outsideFrom = 0;
  private index = 0;
  private first = true;

  /** Feeds a chunk; returns the features completed by it. */
  push(chunk: Uint8Array): StreamItem[] {
    let text = this.decoder.decode(chunk, { stream: true });
    if (this.first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (text.length > 0) this.first = false;
    }
    return this.scan(text);
  }

  end(): { items: StreamItem[]; end: StreamEnd } {
    const items = this.scan(this.decoder.decode());
    const truncated = this.depth > 0 || this.inString;
    if (this.mode !== "features") this.outside.push(this.buffer.slice(this.outsideFrom));
    const outsideText = this.outside.join("");
    let top: unknown;
    let topError: string | undefined;
    if (!truncated) {
      try {
        top = JSON.parse(outsideText);
      } catch (error) {
        topError = error instanceof Error ? error.message : String(error);
      }
    }
    return { items, end: { top, topError, foundFeatures: this.mode !== "outside", truncated, featureCount: this.index } };
  }

  private scan(text: string): StreamItem[] {
    // Keep only what is still needed: the current feature, or the outside text not yet saved.
    const keepFrom = this.mode === "features" ? (this.featureStart >= 0 ? this.featureStart : this.position) : this.outsideFrom;
    const dropped = Math.min(keepFrom, this.stringStart >= 0 ? this.stringStart : keepFrom);
    if (this.mode !== "features" && dropped > this.outsideFrom) this.outside.push(this.buffer.slice(this.outsideFrom, dropped));
    this.buffer = this.buffer.slice(dropped) + text;
    this.position -= dropped;
    if (this.featureStart >= 0) this.featureStart -= dropped;
    if (this.stringStart >= 0) this.stringStart -= dropped;
    this.outsideFrom = Math.max(0, this.outsideFrom - dropped);
    const items: StreamItem[] = [];
    const buffer = this.buffer;
    const length = buffer.length;
    for (let i = this.position; i < length; i++) {
      const code = buffer.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (code === BACKSLASH) this.escaped = true;
        else if (code === QUOTE) {
          this.inString = false;
          if (this.depth === 1 && this.mode === "outside") this.lastTopString = buffer.slice(this.stringStart + 1, i);
          this.stringStart = -1;
        }
        continue;
      }
      switch (code) {
        case QUOTE:
          this.inString = true;
          this.stringStart = i;
          break;
        case COLON:
          if (this.depth === 1 && this.mode === "outside") this.expectValueOfKey = this.lastTopString;
          break;
        case COMMA:
          if (this.depth === 1) this.expectValueOfKey = null;
          break;
        case OPEN_BRACE:
        case OPEN_BRACKET:
          if (code === OPEN_BRACKET && this.depth === 1 && this.mode === "outside" && this.expectValueOfKey === "features") {
            // Save the outside text up to and including "[", then skip the elements.
            this.outside.push(buffer.slice(this.outsideFrom, i + 1));
            this.mode = "features";
            this.depth += 1;
            break;
          }
          if (this.mode === "features" && this.depth === 2) this.featureStart = i;
          this.depth += 1;
          break;
        case CLOSE_BRACE:
        case CLOSE_BRACKET:
          this.depth -= 1;
          if (this.mode === "features") {
            if (this.depth === 2 && this.featureStart >= 0) {
              items.push(this.parseFeature(buffer.slice(this.featureStart, i + 1)));
              this.featureStart = -1;
            } else if (this.depth === 1) {
              this.mode = "after";
              this.outsideFrom = i;
            }
          }
          break;
        default:
          break;
      }
    }
    this.position = length;
    return items;
  }

  private parseFeature(text: string): StreamItem {
    const index = this.index;
    this.index += 1;
    try {
      return { feature: JSON.parse(text), index };
    } catch (error) {
      return { broken: error instanceof Error ? error.message : String(error), index };
    }
  }
}
