// Map first: the side panels below the KPIs wait for the map's first complete frame.
//
// On a client that draws in software (SwiftShader here; a VDI terminal on a government intranet
// in the field), the compositor's frames are the bottleneck of a cold start, and painting the
// programme, chart, gap, layer and filter panels while the first tiles were drawn cost the map
// about 0.45 s of a 3.5 s city load (medians of 6 loads, panels hidden by CSS against shown).
// They are rendered and kept up to date all along (their queries run); their layout and
// painting wait (display: none). If the first frame never comes (a map that cannot draw), they
// show after `maxWaitMs`.
import { useEffect, useState } from "react";

/** Most a panel waits for the map before it is shown anyway. */
export const MAP_FIRST_MAX_WAIT_MS = 8000;

/** True once the map is ready, or `maxWaitMs` after the first render, whichever comes first; never false again. */
export function useMapFirst(mapReady: boolean, maxWaitMs = MAP_FIRST_MAX_WAIT_MS): boolean {
  const [waited, setWaited] = useState(false);
  const [shown, setShown] = useState(mapReady);
  useEffect(() => {
    const timer = setTimeout(() => setWaited(true), maxWaitMs);
    return () => clearTimeout(timer);
  }, [maxWaitMs]);
  if (!shown && (mapReady || waited)) setShown(true);
  return shown || mapReady || waited;
}
