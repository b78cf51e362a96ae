// Draggable handles for what-if stations: every planned or moved station, and the existing
// station whose card is open. Dropping one moves it in the plan; arrow keys nudge a focused
// handle by 10 CSS pixels and Delete removes it, so the plan can be edited without a mouse.
import { Marker } from "maplibre-gl";
import { useEffect, useRef } from "react";
import type { MapAdapter } from "./map-adapter.ts";

export interface WhatIfHandle {
  id: string;
  position: [number, number];
  label: string;
}

export interface WhatIfHandlesProps {
  adapter: MapAdapter | undefined;
  handles: readonly WhatIfHandle[];
  onMove: (id: string, position: [number, number]) => void;
  onRemove: (id: string) => void;
}

const NUDGE_PIXELS = 10;
const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

export function WhatIfHandles({ adapter, handles, onMove, onRemove }: WhatIfHandlesProps) {
  const callbacks = useRef({ onMove, onRemove });
  // Handles are rebuilt when the plan changes; keep keyboard focus on the one being nudged.
  const focused = useRef<string | null>(null);
  useEffect(() => {
    callbacks.current = { onMove, onRemove };
  });
  useEffect(() => {
    if (!adapter) return;
    const map = adapter.map;
    let rebuilding = false;
    const markers = handles.map((handle) => {
      const element = document.createElement("button");
      element.type = "button";
      element.className = "what-if-handle";
      element.dataset.station = handle.id;
      element.setAttribute("aria-label", handle.label);
      element.title = handle.label;
      const marker = new Marker({ element, draggable: true }).setLngLat(handle.position).addTo(map);
      marker.on("dragend", () => {
        const { lng, lat } = marker.getLngLat();
        callbacks.current.onMove(handle.id, [lng, lat]);
      });
      element.addEventListener("focus", () => {
        focused.current = handle.id;
      });
      element.addEventListener("blur", () => {
        // Rebuilding the handles blurs the focused one; that is not the user leaving it.
        if (!rebuilding && focused.current === handle.id) focused.current = null;
      });
      if (focused.current === handle.id) queueMicrotask(() => element.focus());
      element.addEventListener("keydown", (event) => {
        // The map's own keyboard handler would pan on the same arrow keys.
        event.stopPropagation();
        if (event.key === "Delete" || event.key === "Backspace") {
          event.preventDefault();
          callbacks.current.onRemove(handle.id);
          return;
        }
        const step = ARROWS[event.key];
        if (!step) return;
        event.preventDefault();
        const point = map.project(marker.getLngLat());
        const { lng, lat } = map.unproject([point.x + step[0] * NUDGE_PIXELS, point.y + step[1] * NUDGE_PIXELS]);
        callbacks.current.onMove(handle.id, [lng, lat]);
      });
      // A click on a handle is not a click on the map (which would plan another station).
      element.addEventListener("click", (event) => event.stopPropagation());
      return marker;
    });
    return () => {
      rebuilding = true;
      for (const marker of markers) marker.remove();
    };
  }, [adapter, handles]);
  return null;
}
