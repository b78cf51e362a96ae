import { describe, expect, it } from "vitest";
import { maskName, maskPersonalFields } from "./mask-name.ts";

describe("maskName", () => {
  it.each([
    ["张小兰", "张*兰"],
    ["张三", "张*"],
    ["欧阳小明", "欧**明"],
    ["王", "*"],
    ["", ""],
    ["  李四  ", "李*"],
    // A rare surname outside the BMP (U+20BB7, 𠮷) stays one character.
    ["𠮷小明", "𠮷*明"],
    ["Anna Li", "A*****i"],
  ])("%s → %s", (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});

describe("maskPersonalFields", () => {
  const grid = Object.freeze({ id: "G01", name: "翠湖西路社区第1网格", workers: 2, workerName: "邱雪滇" });

  it("masks a grid worker's name and leaves the rest, without touching the input", () => {
    expect(maskPersonalFields("grids", grid)).toEqual({ id: "G01", name: "翠湖西路社区第1网格", workers: 2, workerName: "邱*滇" });
    expect(grid.workerName).toBe("邱雪滇");
  });

  it("leaves a missing name missing and other layers alone", () => {
    expect(maskPersonalFields("grids", { workerName: null }).workerName).toBeNull();
    expect(maskPersonalFields("compounds", { name: "锦华新村" })).toEqual({ name: "锦华新村" });
  });
});
