// What one opening of the composer works from: the screen's style and view captured when it
// opened, the hidden export map (created on first use, removed on close) and the text measurer.
// Drawing jobs run one after another, so a preview never races an export on the same map.
import { useEffect, useMemo, useRef } from "react";
import type { StyleSpecification } from "maplibre-gl";
import type { MapAdapter } from "../map/map-adapter.ts";
import { canvasMeasure } from "./canvas-measure.ts";
import { exportStyle } from "../../export/export-style.ts";
import type { ScreenView } from "../../export/map-camera.ts";
import { DEFAULT_MAX_TILE_PIXELS, SnapshotMapRenderer } from "./map-renderer.ts";
import type { MeasureText } from "../../export/scene-types.ts";

export interface SnapshotSession {
  view: ScreenView;
  style: StyleSpecification;
  atlasStyle: StyleSpecification;
  measure: MeasureText;
  /** Runs `job` with the export map once every earlier job has finished. */
  run<T>(job: (renderer: SnapshotMapRenderer) => Promise<T>): Promise<T>;
}

export function useSnapshotSession(adapter: MapAdapter, maxTilePixels: number | null): SnapshotSession {
  const renderer = useRef<SnapshotMapRenderer | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const session = useMemo((): SnapshotSession => {
    const map = adapter.map;
    const centre = map.getCenter();
    const container = map.getContainer();
    const screenStyle = map.getStyle();
    return {
      view: {
        longitude: centre.lng,
        latitude: centre.lat,
        zoom: map.getZoom(),
        bearing: map.getBearing(),
        width: container.clientWidth,
        height: container.clientHeight,
      },
      style: exportStyle(screenStyle, { focus: false }),
      atlasStyle: exportStyle(screenStyle, { focus: true }),
      measure: canvasMeasure(),
      run: <T>(job: (current: SnapshotMapRenderer) => Promise<T>): Promise<T> => {
        const next = queue.current.then(() => {
          renderer.current ??= new SnapshotMapRenderer(maxTilePixels ?? DEFAULT_MAX_TILE_PIXELS);
          return job(renderer.current);
        });
        // A failed job must not block the ones after it; its caller sees the error.
        queue.current = next.catch(() => undefined);
        return next;
      },
    };
  }, [adapter, maxTilePixels]);
  useEffect(
    () => () => {
      renderer.current?.destroy();
      renderer.current = null;
    },
    [],
  );
  return session;
}
