// The gap list as CSV for officials' spreadsheets: Chinese headers, a UTF-8 byte-order mark so
// Excel reads the Chinese correctly, quotes where a field needs them.
import { explainScore, type Gap } from "../domain/gaps.ts";
import type { Language } from "./i18n.ts";
import { translate, type MessageKey } from "./i18n.ts";

const HEADERS: Record<Language, string[]> = {
  zh: ["排名", "缺口类型", "严重程度", "单位名称", "单位编号", "区县代码", "街道代码", "社区代码", "涉及户数", "原因", "评分", "评分说明", "经度", "纬度"],
  en: ["Rank", "Gap kind", "Severity", "Unit", "Unit ID", "District code", "Sub-district code", "Community code", "Households", "Reason", "Score", "Score explained", "Longitude", "Latitude"],
};

function cell(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function gapsToCsv(gaps: readonly Gap[], language: Language): string {
  const rows = gaps.map((gap, index) => [
    index + 1,
    translate(language, `gap.${gap.kind}` as MessageKey),
    translate(language, `severity.${gap.severity}` as MessageKey),
    gap.unitName,
    gap.unitId,
    gap.districtCode,
    gap.streetCode,
    gap.communityCode,
    gap.households,
    language === "zh" ? gap.reason : gap.reasonEn,
    gap.score,
    explainScore(gap),
    gap.location[0],
    gap.location[1],
  ]);
  return `\uFEFF${[HEADERS[language], ...rows].map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`;
}

export function downloadText(text: string, fileName: string, type = "text/csv;charset=utf-8"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
