// The wall's tour as a pure function of time: which stop is shown, when to move on, and when a
// person at the screen has paused it. A hook (use-tour.ts) calls it on a timer; all times are
// milliseconds on one monotonic clock.

export interface TourState {
  /** The stop on screen; -1 before the first step. */
  index: number;
  /** Counts every move to a stop, so the same stop reached again is still a new step. */
  step: number;
  /** When the current stop was reached. */
  stepStartedAt: number;
  /** True while someone is using the screen. */
  paused: boolean;
}

export interface TourClock {
  now: number;
  /** The last touch, mouse move or key press; null if there has been none. */
  lastInteractionAt: number | null;
  /** Number of stops; 0 while the data is loading. */
  count: number;
  dwellMs: number;
  /** Quiet time after the last interaction before the tour resumes. */
  quietMs: number;
}

export function initialTour(now: number): TourState {
  return { index: -1, step: 0, stepStartedAt: now, paused: false };
}

export function nextIndex(index: number, count: number): number {
  return count > 0 ? (index + 1) % count : -1;
}

function moveOn(state: TourState, clock: TourClock): TourState {
  // A list that shrank under the current stop starts again from the first.
  const from = state.index < clock.count ? state.index : -1;
  return { index: nextIndex(from, clock.count), step: state.step + 1, stepStartedAt: clock.now, paused: false };
}

/**
 * The tour at `clock.now`. Returns the same object when nothing changes, so a React reducer
 * built on it does not re-render on idle ticks. After a pause the tour goes on to the next stop:
 * the person has moved the map away from the current one.
 */
export function tourTick(state: TourState, clock: TourClock): TourState {
  if (clock.count === 0) return state;
  const interacting = clock.lastInteractionAt !== null && clock.now - clock.lastInteractionAt < clock.quietMs;
  if (interacting) return state.paused ? state : { ...state, paused: true };
  if (state.paused || state.index < 0 || state.index >= clock.count) return moveOn(state, clock);
  return clock.now - state.stepStartedAt >= clock.dwellMs ? moveOn(state, clock) : state;
}
