import { describe, expect, it } from "vitest";
import { INDICATOR_IDS } from "../../domain/indicator-registry.ts";
import { DEFAULT_THRESHOLDS } from "../../domain/indicators.ts";
import { translate, type Language } from "../i18n/i18n.ts";
import { definitionKey, indicatorDefinition, indicatorLabel, labelKey, type LabelPlace } from "./indicator-text.ts";

const LANGUAGES: readonly Language[] = ["zh", "en"];
const PLACES: readonly LabelPlace[] = ["panel", "map", "wall"];
const speak = (language: Language) => (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate(language, key, values);

describe("indicator texts", () => {
  it.each(LANGUAGES)("gives every indicator a label in each place and a definition in %s", (language) => {
    const t = speak(language);
    const texts = INDICATOR_IDS.flatMap((id) => [
      ...PLACES.map((place) => ({ of: `${id} in ${place}`, text: indicatorLabel(t, id, place) })),
      { of: `${id} definition`, text: indicatorDefinition(t, id) },
    ]);
    // Empty, a bare message key, or a placeholder left unfilled.
    expect(texts.filter(({ text }) => text === "" || /^[\w-]+\.[\w.]+$|\{\w+\}/.test(text))).toEqual([]);
  });

  it("gives every indicator its own label and definition", () => {
    expect(new Set(INDICATOR_IDS.map((id) => labelKey(id))).size).toBe(INDICATOR_IDS.length);
    expect(new Set(INDICATOR_IDS.map((id) => definitionKey(id))).size).toBe(INDICATOR_IDS.length);
  });

  it("keeps the map's and the wall's own wording where they have one", () => {
    const t = speak("zh");
    expect(indicatorLabel(t, "redPropertyRate")).toBe("红色物业比例");
    expect(indicatorLabel(t, "redPropertyRate", "map")).toBe("红色物业覆盖率");
    expect(indicatorLabel(t, "dualRegisteredMembers", "wall")).toBe("双报到党员");
    expect(indicatorLabel(t, "partyBranchCoverage", "map")).toBe(indicatorLabel(t, "partyBranchCoverage"));
  });

  it("names the service distance in force in the station-access definition", () => {
    const thresholds = { ...DEFAULT_THRESHOLDS, serviceDistanceMetres: 800 };
    expect(indicatorDefinition(speak("zh"), "stationAccessRate", thresholds)).toContain("800 米以内");
    expect(indicatorDefinition(speak("en"), "stationAccessRate", thresholds)).toContain("within 800 m of");
    expect(indicatorDefinition(speak("zh"), "stationAccessRate")).toContain("1,000 米以内");
    expect(indicatorDefinition(speak("zh"), "stationAccessRate", thresholds)).not.toContain("1,000");
  });

  it("names the households-per-worker standard in force", () => {
    expect(indicatorDefinition(speak("zh"), "householdsPerWorker")).toMatch(/标准为每人 500 户/);
    expect(indicatorDefinition(speak("en"), "householdsPerWorker", { ...DEFAULT_THRESHOLDS, householdsPerWorker: 350 })).toMatch(
      /the standard is 350 per worker/,
    );
  });
});
