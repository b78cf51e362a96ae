// Bytes on the wire for one page, from Chrome DevTools Protocol network events, and every URL
// the page asked for (so the run can fail if anything leaves 127.0.0.1).
//
// The page's own CDP session does not see requests made inside dedicated workers (MapLibre's
// worker fetches GeoJSON sources by URL), so workers are auto-attached in non-flat mode and
// their Network events arrive wrapped in Target.receivedMessageFromTarget. Chromium reports a
// worker's own script as its headers only (a few hundred bytes), a blind spot of CDP; the
// server-side tally (static-server's onResponse) shows the difference.
import type { CDPSession } from "playwright-core";

interface Finished {
  /** Wall-clock time the response finished, in ms since the epoch. */
  wallMs: number;
  bytes: number;
}

interface RequestWillBeSent {
  request: { url: string };
  timestamp: number;
  wallTime: number;
}

interface LoadingFinished {
  timestamp: number;
  encodedDataLength: number;
}

interface ChildMessage {
  method?: string;
  params?: unknown;
}

export class NetworkRecorder {
  readonly requestedUrls: string[] = [];
  private readonly finished: Finished[] = [];
  /**
   * CDP stamps loadingFinished with a monotonic clock (seconds) and requestWillBeSent with both
   * that clock and wall time; their difference converts the first into the second, which the
   * page's performance.timeOrigin also uses.
   */
  private wallMinusMonotonic: number | undefined;
  private nextChildMessageId = 1;

  private constructor(private readonly session: CDPSession) {}

  /** Starts recording, page and workers; call before navigating. */
  static async attach(session: CDPSession): Promise<NetworkRecorder> {
    const recorder = new NetworkRecorder(session);
    session.on("Network.requestWillBeSent", (event) => recorder.onRequest(event));
    session.on("Network.loadingFinished", (event) => recorder.onFinished(event));
    session.on("Target.attachedToTarget", (event) => recorder.onChild(event.sessionId));
    session.on("Target.receivedMessageFromTarget", (event) => {
      const message = JSON.parse(event.message) as ChildMessage;
      if (message.method === "Network.requestWillBeSent") recorder.onRequest(message.params as RequestWillBeSent);
      else if (message.method === "Network.loadingFinished") recorder.onFinished(message.params as LoadingFinished);
    });
    await session.send("Network.enable", {});
    // Paused at start, so Network.enable reaches a worker before its first fetch.
    await session.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
    return recorder;
  }

  private onRequest(event: RequestWillBeSent): void {
    this.requestedUrls.push(event.request.url);
    this.wallMinusMonotonic ??= event.wallTime - event.timestamp;
  }

  private onFinished(event: LoadingFinished): void {
    if (this.wallMinusMonotonic === undefined) return;
    this.finished.push({ wallMs: (event.timestamp + this.wallMinusMonotonic) * 1000, bytes: event.encodedDataLength });
  }

  /** Enables Network in an attached worker, then lets it run (every attached target waits for this). */
  private onChild(sessionId: string): void {
    for (const method of ["Network.enable", "Runtime.runIfWaitingForDebugger"]) {
      const message = JSON.stringify({ id: this.nextChildMessageId++, method, params: {} });
      // The page may already be closing; a worker that is gone needs nothing.
      this.session.send("Target.sendMessageToTarget", { sessionId, message }).catch(() => undefined);
    }
  }

  /** Encoded bytes (headers and body as received) of every response that finished by `wallMs`. */
  bytesFinishedBy(wallMs: number): number {
    return this.finished.reduce((sum, item) => (item.wallMs <= wallMs ? sum + item.bytes : sum), 0);
  }
}
