import { describe, expect, it } from "vitest";
import { initialTour, nextIndex, tourTick, type TourClock, type TourState } from "./tour-scheduler.ts";

const clock = (now: number, patch: Partial<TourClock> = {}): TourClock => ({ now, lastInteractionAt: null, count: 3, dwellMs: 1000, quietMs: 5000, ...patch });

/** One interaction at 1,200 ms: it holds the tour at stop 1 until 6,200 ms. */
const interactionAt1200 = (now: number) => ({ lastInteractionAt: now >= 1200 ? 1200 : null });

/** Runs ticks at the given times and returns the index after each. */
function indices(times: number[], patch: (now: number) => Partial<TourClock> = () => ({})): number[] {
  let state: TourState = initialTour(0);
  return times.map((now) => {
    state = tourTick(state, clock(now, patch(now)));
    return state.index;
  });
}

describe("nextIndex", () => {
  it.each([
    [-1, 3, 0],
    [0, 3, 1],
    [2, 3, 0],
    [0, 1, 0],
    [4, 0, -1],
  ])("after %i of %i comes %i", (index, count, expected) => {
    expect(nextIndex(index, count)).toBe(expected);
  });
});

describe("tourTick", () => {
  it("waits for stops, then starts at the first at once", () => {
    const waiting = tourTick(initialTour(0), clock(100, { count: 0 }));
    expect(waiting.index).toBe(-1);
    expect(tourTick(waiting, clock(200)).index).toBe(0);
  });

  it("moves on after each dwell and wraps round", () => {
    expect(indices([0, 500, 999, 1000, 1500, 2000, 3000])).toEqual([0, 0, 0, 1, 1, 2, 0]);
  });

  it("counts every step, also back at the same stop", () => {
    let state = initialTour(0);
    for (const now of [0, 1000, 2000, 3000]) state = tourTick(state, clock(now, { count: 1 }));
    expect(state).toMatchObject({ index: 0, step: 4 });
  });

  it("returns the same object when nothing changes", () => {
    const started = tourTick(initialTour(0), clock(0));
    expect(tourTick(started, clock(10))).toBe(started);
  });

  it("pauses while someone interacts and resumes at the next stop after the quiet period", () => {
    expect(indices([0, 1000, 1300, 2500, 6000, 6200, 6300, 7199, 7200], interactionAt1200)).toEqual([0, 1, 1, 1, 1, 2, 2, 2, 0]);
  });

  it("reports the pause and stays paused while interactions continue", () => {
    let state = tourTick(initialTour(0), clock(0));
    state = tourTick(state, clock(100, { lastInteractionAt: 90 }));
    expect(state.paused).toBe(true);
    const paused = state;
    expect(tourTick(paused, clock(4000, { lastInteractionAt: 3900 }))).toBe(paused);
    expect(tourTick(paused, clock(9000, { lastInteractionAt: 3900 }))).toMatchObject({ paused: false, index: 1 });
  });

  it("starts again from the first stop when the list shrinks under the current one", () => {
    let state = initialTour(0);
    for (const now of [0, 1000, 2000]) state = tourTick(state, clock(now));
    expect(state.index).toBe(2);
    expect(tourTick(state, clock(2100, { count: 2 })).index).toBe(0);
  });
});
