// Interface strings, Simplified Chinese first. Place names stay as the data has them.
import { createContext, useContext } from "react";

export type Language = "zh" | "en";

const zh = {
  appTitle: "党建地图",
  asOf: "数据截至",
  loading: "正在加载数据…",
  layers: "图层",
  "layer.districts": "区县",
  "layer.streets": "街道",
  "layer.communities": "社区",
  "layer.grids": "网格",
  "layer.compounds": "小区",
  "layer.stations": "社工站 / 社工室",
  "legend.compoundCovered": "已建小区党支部",
  "legend.compoundGap": "未建小区党支部",
  "legend.station": "街道社工站",
  "legend.stationRoom": "社区社工室",
  synthetic: "示意数据:{layers}的几何为合成演示数据,非真实边界与位置。",
  sources: "数据来源",
  credit: "地图说明",
  dataErrors: "数据问题",
  moreIssues: "另有 {count} 处问题未列出",
  warning: "提示",
  switchLanguage: "English",
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  appTitle: "Party-building map",
  asOf: "Data as of",
  loading: "Loading data…",
  layers: "Layers",
  "layer.districts": "Districts",
  "layer.streets": "Sub-districts",
  "layer.communities": "Communities",
  "layer.grids": "Grids",
  "layer.compounds": "Compounds",
  "layer.stations": "Social-work stations / rooms",
  "legend.compoundCovered": "Compound party branch",
  "legend.compoundGap": "No compound party branch",
  "legend.station": "Sub-district station",
  "legend.stationRoom": "Community room",
  synthetic: "Illustrative data: the geometry of {layers} is synthetic, not real boundaries or locations.",
  sources: "Sources",
  credit: "Map note",
  dataErrors: "Data problems",
  moreIssues: "{count} more problems not listed",
  warning: "Note",
  switchLanguage: "中文",
};

const messages: Record<Language, Record<MessageKey, string>> = { zh, en };

export function translate(language: Language, key: MessageKey, values: Record<string, string | number> = {}): string {
  return messages[language][key].replace(/\{(\w+)\}/g, (_match, name: string) => String(values[name] ?? `{${name}}`));
}

export const LanguageContext = createContext<Language>("zh");

export function useTranslate(): (key: MessageKey, values?: Record<string, string | number>) => string {
  const language = useContext(LanguageContext);
  return (key, values) => translate(language, key, values);
}
