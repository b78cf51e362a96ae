import { describe, expect, it } from "vitest";
import { wallScale } from "./wall-scale.ts";

describe("wallScale", () => {
  it.each([
    ["the design size", 1920, 1080, 1],
    ["4K", 3840, 2160, 2],
    ["a 3×1 splice wall", 5760, 1080, 1],
    ["a 4×2 splice wall", 7680, 2160, 2],
    ["a laptop", 1280, 720, 0.6667],
    ["a 16:10 monitor, sized by its width", 1920, 1200, 1],
    ["a portrait screen, held at half size", 1080, 1920, 0.5625],
    ["a tiny window", 400, 300, 0.5],
    ["an empty box", 0, 0, 1],
    ["nonsense", Number.NaN, 1080, 1],
  ])("%s (%i×%i) → %f", (_label, width, height, expected) => {
    expect(wallScale(width, height)).toBe(expected);
  });
});
