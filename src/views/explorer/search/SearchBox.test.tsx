import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { buildSearchIndex, type SearchEntry, type SearchHit, type SearchLevel } from "../../../domain/search.ts";
import { SearchBox } from "./SearchBox.tsx";

// Real names and codes from public/data/kunming (compound and station names are the demo
// generator's); positions are placeholders.
const ENTRIES: readonly SearchEntry[] = Object.freeze(
  (
    [
      ["street", "530102001", "华山街道", "五华区"],
      ["community", "530102001001", "翠湖西路社区居民委员会", "五华区 › 华山街道"],
      ["community", "530102001007", "翠湖社区居民委员会", "五华区 › 华山街道"],
      ["compound", "530102001002-C004", "翠湖公寓", "华山街道 › 水晶宫社区居民委员会"],
      ["compound", "530102001002-C007", "翠湖雅居", "华山街道 › 水晶宫社区居民委员会"],
      ["station", "530102001007-R", "翠湖社区社工室", "华山街道 › 翠湖社区居民委员会"],
    ] as const
  ).map(([level, id, name, context]) => Object.freeze({ level, id, name, context, position: [102.7, 25.04] as [number, number], bbox: null })),
);
const INDEX = buildSearchIndex(ENTRIES);
const LABELS: Record<SearchLevel, string> = {
  prefecture: "州市",
  district: "区县",
  street: "街道",
  community: "社区",
  grid: "网格",
  compound: "小区",
  station: "社工站 / 社工室",
};

function setup() {
  const onChoose = vi.fn<(hit: SearchHit) => void>();
  render(<SearchBox index={INDEX} onChoose={onChoose} levelLabels={LABELS} label="搜索" placeholder="名称或代码" emptyText="无匹配结果" />);
  const input = screen.getByRole("combobox", { name: "搜索" });
  return { input, onChoose };
}

/** A group's heading: its level label, without the count. */
const headingOf = (group: HTMLElement) => document.getElementById(group.getAttribute("aria-labelledby") ?? "")?.firstChild?.textContent;
const optionNames = () => screen.getAllByRole("option").map((option) => option.querySelector(".search-name")?.textContent);

describe("SearchBox", () => {
  it("shows the hits of a Chinese query grouped by level, the match highlighted", () => {
    const { input } = setup();
    expect(input.getAttribute("aria-expanded")).toBe("false");
    fireEvent.change(input, { target: { value: "翠湖" } });
    expect(input.getAttribute("aria-expanded")).toBe("true");
    const listbox = screen.getByRole("listbox");
    expect(input.getAttribute("aria-controls")).toBe(listbox.id);
    const groups = within(listbox).getAllByRole("group");
    expect(groups.map(headingOf)).toEqual(["社区", "小区", "社工站 / 社工室"]);
    expect(
      within(groups[0] as HTMLElement)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(["翠湖社区居民委员会五华区 › 华山街道", "翠湖西路社区居民委员会五华区 › 华山街道"]);
    expect(Array.from(listbox.querySelectorAll("mark"), (mark) => mark.textContent)).toEqual(["翠湖", "翠湖", "翠湖", "翠湖", "翠湖"]);
  });

  it("moves with the arrow keys and chooses with Enter", () => {
    const { input, onChoose } = setup();
    fireEvent.change(input, { target: { value: "翠湖" } });
    expect(optionNames()).toEqual(["翠湖社区居民委员会", "翠湖西路社区居民委员会", "翠湖公寓", "翠湖雅居", "翠湖社区社工室"]);
    fireEvent.keyDown(input, { key: "ArrowDown" });
    fireEvent.keyDown(input, { key: "ArrowDown" });
    fireEvent.keyDown(input, { key: "ArrowDown" });
    fireEvent.keyDown(input, { key: "ArrowUp" });
    const active = document.getElementById(input.getAttribute("aria-activedescendant") ?? "");
    expect(active?.getAttribute("aria-selected")).toBe("true");
    expect(active?.textContent).toContain("翠湖西路社区居民委员会");
    fireEvent.keyDown(input, { key: "Enter" });
    expect(onChoose).toHaveBeenCalledTimes(1);
    expect(onChoose.mock.calls[0]?.[0]).toMatchObject({ level: "community", id: "530102001001", match: [0, 2] });
    expect((input as HTMLInputElement).value).toBe("翠湖西路社区居民委员会");
    expect(screen.queryByRole("listbox")).toBeNull();
  });

  it("wraps from the first hit to the last with ArrowUp", () => {
    const { input, onChoose } = setup();
    fireEvent.change(input, { target: { value: "翠湖" } });
    fireEvent.keyDown(input, { key: "ArrowUp" });
    fireEvent.keyDown(input, { key: "Enter" });
    expect(onChoose.mock.calls[0]?.[0]).toMatchObject({ level: "station", id: "530102001007-R" });
  });

  it("chooses a hit by code with the mouse", () => {
    const { input, onChoose } = setup();
    fireEvent.change(input, { target: { value: "５３０１０２００１" } });
    fireEvent.click(screen.getByRole("option", { name: /华山街道五华区/ }));
    expect(onChoose.mock.calls[0]?.[0]).toMatchObject({ level: "street", id: "530102001", match: null });
  });

  it("closes with Escape, then clears with a second Escape", () => {
    const { input, onChoose } = setup();
    fireEvent.change(input, { target: { value: "华山" } });
    expect(screen.getByRole("listbox")).toBeTruthy();
    fireEvent.keyDown(input, { key: "Escape" });
    expect(screen.queryByRole("listbox")).toBeNull();
    expect(input.getAttribute("aria-expanded")).toBe("false");
    fireEvent.keyDown(input, { key: "Enter" });
    expect(onChoose).not.toHaveBeenCalled();
    fireEvent.keyDown(input, { key: "Escape" });
    expect((input as HTMLInputElement).value).toBe("");
  });

  it("leaves Enter to the input method while it composes", () => {
    const { input, onChoose } = setup();
    fireEvent.compositionStart(input);
    fireEvent.change(input, { target: { value: "翠" } });
    fireEvent.keyDown(input, { key: "Enter", isComposing: true });
    expect(onChoose).not.toHaveBeenCalled();
    fireEvent.compositionEnd(input, { data: "翠湖" });
    fireEvent.change(input, { target: { value: "翠湖社区居委会" } });
    expect(optionNames()).toEqual(["翠湖社区居民委员会", "翠湖西路社区居民委员会"]);
    fireEvent.keyDown(input, { key: "Enter" });
    expect(onChoose.mock.calls[0]?.[0]).toMatchObject({ id: "530102001007" });
  });

  it("says when nothing matches", () => {
    const { input } = setup();
    fireEvent.change(input, { target: { value: "不存在" } });
    expect(screen.getByRole("status").textContent).toBe("无匹配结果");
    expect(screen.queryByRole("option")).toBeNull();
  });

  it("is disabled until there is an index", () => {
    render(<SearchBox index={undefined} onChoose={() => {}} levelLabels={LABELS} label="搜索" placeholder="名称或代码" emptyText="无匹配结果" />);
    expect((screen.getByRole("combobox") as HTMLInputElement).disabled).toBe(true);
  });
});
