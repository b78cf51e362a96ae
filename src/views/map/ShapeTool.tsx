// Draw a rectangle or a lasso over the map to summarise what it encloses. While a tool is on, a
// transparent layer above the map takes the pointer (so the map does not pan); the finished
// shape is handed on in EPSG:4326 and stays drawn until cleared.
import { useEffect, useState, type PointerEvent } from "react";
import type { MapAdapter } from "./map-adapter.ts";
import { useTranslate } from "../i18n/i18n.ts";

export type ShapeKind = "rectangle" | "lasso";

export interface ShapeToolProps {
  adapter: MapAdapter | undefined;
  onShape: (ring: Array<[number, number]> | null) => void;
  /** Whether a finished shape is on the map (shows "clear"). */
  hasShape: boolean;
}

type Point = [number, number];

/** The drawn path as a closed ring of screen points: four corners, or the lasso thinned to every 4 px. */
export function ringOf(kind: ShapeKind, points: readonly Point[]): Point[] {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return [];
  if (kind === "rectangle") return [first, [last[0], first[1]], last, [first[0], last[1]]];
  const thinned: Point[] = [first];
  for (const point of points) {
    const previous = thinned.at(-1) ?? first;
    if (Math.hypot(point[0] - previous[0], point[1] - previous[1]) >= 4) thinned.push(point);
  }
  return thinned;
}

/** The pointer in the map's CSS pixels. */
function local(event: PointerEvent<HTMLDivElement>): Point {
  const box = event.currentTarget.getBoundingClientRect();
  return [event.clientX - box.left, event.clientY - box.top];
}

export function ShapeTool({ adapter, onShape, hasShape }: ShapeToolProps) {
  const t = useTranslate();
  const [kind, setKind] = useState<ShapeKind | null>(null);
  const [points, setPoints] = useState<Point[]>([]);
  const finish = () => {
    const ring = kind ? ringOf(kind, points) : [];
    setPoints([]);
    setKind(null);
    if (!adapter || ring.length < 3) return;
    const area = Math.abs(
      ring.reduce((sum, [x, y], index) => {
        const [nextX, nextY] = ring[(index + 1) % ring.length] ?? [x, y];
        return sum + x * nextY - nextX * y;
      }, 0),
    );
    // A click without a drag is not a shape.
    if (area < 100) return;
    onShape(ring.map(([x, y]) => adapter.map.unproject([x, y]).toArray() as Point));
  };
  const drawn = kind ? ringOf(kind, points) : [];
  // Escape leaves the tool wherever the focus is (the drawing layer itself takes no focus).
  useEffect(() => {
    if (!kind) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setKind(null);
      setPoints([]);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [kind]);
  return (
    <>
      <div className="shape-tools" role="toolbar" aria-label={t("shape.title")}>
        {(["rectangle", "lasso"] as const).map((option) => (
          <button key={option} type="button" aria-pressed={kind === option} onClick={() => setKind(kind === option ? null : option)}>
            {t(`shape.${option}`)}
          </button>
        ))}
        {hasShape ? (
          <button type="button" onClick={() => onShape(null)}>
            {t("shape.clear")}
          </button>
        ) : null}
      </div>
      {kind ? (
        <div
          className="shape-canvas"
          data-testid="shape-canvas"
          onPointerDown={(event) => {
            event.currentTarget.setPointerCapture(event.pointerId);
            setPoints([local(event)]);
          }}
          onPointerMove={(event) => {
            const point = local(event);
            setPoints((sofar) => (sofar.length > 0 ? [...sofar, point] : sofar));
          }}
          onPointerUp={finish}
          onPointerCancel={() => setPoints([])}
        >
          <svg width="100%" height="100%" aria-hidden="true">
            {drawn.length > 1 ? <polygon points={drawn.map(([x, y]) => `${x},${y}`).join(" ")} /> : null}
          </svg>
        </div>
      ) : null}
    </>
  );
}
