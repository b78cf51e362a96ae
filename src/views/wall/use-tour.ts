// Drives the tour scheduler on a timer and pauses it while someone uses the screen: a touch, a
// click, the wheel, a key, or the mouse moving more than a few pixels (a resting pointer may
// still send pointermove events when the content under it changes).
import { useEffect, useReducer, useRef } from "react";
import { initialTour, tourTick, type TourClock, type TourState } from "./tour-scheduler.ts";

/** Ticks are cheap (a pure function, no render unless the state changes). */
const TICK_MS = 250;
/** Pointer travel, in CSS pixels, that counts as someone moving the mouse. */
const MOVE_THRESHOLD_PIXELS = 3;

export interface TourOptions {
  count: number;
  dwellMs: number;
  quietMs: number;
  /** False until the map has drawn: the tour starts on a ready map. */
  enabled: boolean;
}

export function useTour({ count, dwellMs, quietMs, enabled }: TourOptions): TourState {
  const [state, dispatch] = useReducer(tourTick, undefined, () => initialTour(performance.now()));
  const lastInteraction = useRef<number | null>(null);

  useEffect(() => {
    const touched = () => {
      lastInteraction.current = performance.now();
    };
    let pointer: { x: number; y: number } | null = null;
    const moved = (event: PointerEvent) => {
      const previous = pointer;
      if (previous && Math.hypot(event.clientX - previous.x, event.clientY - previous.y) < MOVE_THRESHOLD_PIXELS) return;
      pointer = { x: event.clientX, y: event.clientY };
      if (previous) touched();
    };
    const events = ["pointerdown", "wheel", "keydown", "touchstart"] as const;
    for (const name of events) window.addEventListener(name, touched, { passive: true });
    window.addEventListener("pointermove", moved, { passive: true });
    return () => {
      for (const name of events) window.removeEventListener(name, touched);
      window.removeEventListener("pointermove", moved);
    };
  }, []);

  useEffect(() => {
    if (!enabled) return;
    const tick = () => {
      const clock: TourClock = { now: performance.now(), lastInteractionAt: lastInteraction.current, count, dwellMs, quietMs };
      dispatch(clock);
    };
    tick();
    const timer = window.setInterval(tick, TICK_MS);
    return () => window.clearInterval(timer);
  }, [enabled, count, dwellMs, quietMs]);

  return state;
}
