import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useMapFirst } from "./use-map-first.ts";

describe("useMapFirst", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("waits for the map's first frame", () => {
    const { result, rerender } = renderHook(({ ready }) => useMapFirst(ready, 1000), { initialProps: { ready: false } });
    expect(result.current).toBe(false);
    rerender({ ready: true });
    expect(result.current).toBe(true);
  });

  it("shows the panels anyway when the map never gets ready", () => {
    const { result } = renderHook(() => useMapFirst(false, 1000));
    act(() => vi.advanceTimersByTime(999));
    expect(result.current).toBe(false);
    act(() => vi.advanceTimersByTime(1));
    expect(result.current).toBe(true);
  });

  it("does not hide the panels again when the map is replaced", () => {
    const { result, rerender } = renderHook(({ ready }) => useMapFirst(ready, 1000), { initialProps: { ready: false } });
    rerender({ ready: true });
    rerender({ ready: false });
    expect(result.current).toBe(true);
    act(() => vi.advanceTimersByTime(1000));
    expect(result.current).toBe(true);
  });
});
