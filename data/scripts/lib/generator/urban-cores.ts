/**
 * Where each district's built-up core is, so seeds can be dense there and sparse elsewhere.
 * The five city districts share Kunming's centre (呈贡 has its own new-town core); each county
 * has its county town. Positions are approximate WGS84 degrees of the real towns; only density
 * depends on them, never a published boundary.
 */
import type { Point } from "../geometry/polygon.ts";

export type CoreKind = "city" | "county";

export interface UrbanCore {
  point: Point;
  kind: CoreKind;
}

/** 昆明 city centre (around 东风广场), degrees. */
export const KUNMING_CENTRE: Point = [102.712, 25.04];

/** Kunming's districts; the other counties of the province take the centre of their land. */
const CORES: Readonly<Record<string, UrbanCore>> = {
  "530102": { point: KUNMING_CENTRE, kind: "city" }, // 五华区
  "530103": { point: KUNMING_CENTRE, kind: "city" }, // 盘龙区
  "530111": { point: KUNMING_CENTRE, kind: "city" }, // 官渡区
  "530112": { point: KUNMING_CENTRE, kind: "city" }, // 西山区
  "530113": { point: [103.188, 26.083], kind: "county" }, // 东川区 (铜都)
  "530114": { point: [102.822, 24.886], kind: "city" }, // 呈贡区 (new town)
  "530115": { point: [102.595, 24.669], kind: "county" }, // 晋宁区 (昆阳)
  "530124": { point: [102.497, 25.222], kind: "county" }, // 富民县
  "530125": { point: [103.141, 24.92], kind: "county" }, // 宜良县 (匡远)
  "530126": { point: [103.29, 24.772], kind: "county" }, // 石林县 (鹿阜)
  "530127": { point: [103.037, 25.339], kind: "county" }, // 嵩明县 (嵩阳)
  "530128": { point: [102.469, 25.556], kind: "county" }, // 禄劝县 (屏山)
  "530129": { point: [103.256, 25.559], kind: "county" }, // 寻甸县 (仁德)
  "530181": { point: [102.478, 24.919], kind: "county" }, // 安宁市 (连然)
};

/** The core of a district, when the table knows it. */
export function urbanCoreOf(districtCode: string): UrbanCore | null {
  return CORES[districtCode] ?? null;
}
