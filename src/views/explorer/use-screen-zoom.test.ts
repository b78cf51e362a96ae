import { renderHook } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useScreenZoom } from "./use-screen-zoom.ts";

function screenOf(width: number) {
  vi.stubGlobal("matchMedia", (query: string) => ({
    matches: width >= Number(/min-width: (\d+)px/.exec(query)?.[1] ?? Infinity),
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

describe("useScreenZoom", () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each([
    { width: 1366, zoom: 1 },
    { width: 2560, zoom: 1.3 },
    { width: 3840, zoom: 1.7 },
  ])("is $zoom on a $width px wide screen", ({ width, zoom }) => {
    screenOf(width);
    expect(renderHook(() => useScreenZoom()).result.current).toBe(zoom);
  });
});
