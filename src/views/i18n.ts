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
  close: "关闭",
  "search.label": "搜索地名或代码",
  "search.placeholder": "搜索街道、社区、小区、网格或代码…",
  "search.empty": "没有找到匹配的单位",
  "kpi.title": "关键指标",
  "kpi.computing": "正在计算…",
  "kpi.failed": "指标计算失败:{message}",
  "kpi.partyBranchCoverage": "小区党支部覆盖率",
  "kpi.partyBranchCoverage.definition": "已建党支部的小区数 ÷ 小区总数",
  "kpi.redPropertyRate": "红色物业比例",
  "kpi.redPropertyRate.definition": "物业企业建有党组织的小区数 ÷ 小区总数",
  "kpi.stationAccessRate": "社工站服务覆盖(户)",
  "kpi.stationAccessRate.definition": "距最近社工站(室)1,000 米以内的小区户数 ÷ 小区总户数(直线距离,小区中心点)",
  "kpi.streetsWithoutStation": "未建社工站街道",
  "kpi.streetsWithoutStation.definition": "没有街道级社工站的街道(乡镇)数,目标为 0(社工站全覆盖)",
  "kpi.gridsWithoutWorker": "无网格员网格",
  "kpi.gridsWithoutWorker.definition": "网格员人数为 0 的网格数",
  "kpi.unassignedCompounds": "未入格小区",
  "kpi.unassignedCompounds.definition": "未划入任何网格的小区数(含所属网格不存在或属于其他社区的)",
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
  close: "Close",
  "search.label": "Search by name or code",
  "search.placeholder": "Search sub-districts, communities, compounds, grids or codes…",
  "search.empty": "No matching unit",
  "kpi.title": "Key indicators",
  "kpi.computing": "Computing…",
  "kpi.failed": "Indicators failed: {message}",
  "kpi.partyBranchCoverage": "Compound party-branch coverage",
  "kpi.partyBranchCoverage.definition": "Compounds with a party branch ÷ all compounds",
  "kpi.redPropertyRate": "Red-property rate",
  "kpi.redPropertyRate.definition": "Compounds whose property company has a party organisation ÷ all compounds",
  "kpi.stationAccessRate": "Station reach (households)",
  "kpi.stationAccessRate.definition": "Households in compounds within 1,000 m of a station or room ÷ households in compounds (straight line from the compound's centre)",
  "kpi.streetsWithoutStation": "Sub-districts without a station",
  "kpi.streetsWithoutStation.definition": "Sub-districts with no street-level social-work station; the target is 0 (full coverage)",
  "kpi.gridsWithoutWorker": "Grids without a worker",
  "kpi.gridsWithoutWorker.definition": "Grids with no grid worker",
  "kpi.unassignedCompounds": "Compounds in no grid",
  "kpi.unassignedCompounds.definition": "Compounds assigned to no grid (including a missing grid or one of another community)",
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
