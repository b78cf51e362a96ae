/**
 * Names for synthetic things: compounds, grids, stations and grid workers. Compound names are
 * built from parts common in Kunming estate names; rural settlements are village groups (村民小组).
 * Person names are invented from frequent surnames and given-name characters and belong to nobody.
 */
import type { Random } from "./prng.ts";

/** "翠湖西路社区居民委员会" → "翠湖西路社区", "白邑村委会" → "白邑村". */
export function shortCommunityName(name: string): string {
  const rules: readonly [RegExp, string][] = [
    [/社区居民委员会$/, "社区"],
    [/社区居委会$/, "社区"],
    [/居民委员会$/, "社区"],
    [/居委会$/, "社区"],
    [/村民委员会$/, "村"],
    [/村委会$/, "村"],
  ];
  for (const [pattern, replacement] of rules) {
    if (pattern.test(name)) return name.replace(pattern, replacement).replace(/村村$/, "村");
  }
  return name;
}

const COMPOUND_PREFIXES = [
  "翠湖",
  "金色",
  "春城",
  "世纪",
  "书香",
  "阳光",
  "云秀",
  "滇池",
  "金碧",
  "青云",
  "彩云",
  "盘龙",
  "碧鸡",
  "金马",
  "长城",
  "润城",
  "佳园",
  "恒盛",
  "银海",
  "锦华",
  "翠景",
  "东方",
  "新城",
  "花园",
  "紫云",
  "春晖",
  "丽苑",
  "和谐",
  "兴隆",
  "福泰",
  "华城",
  "康乐",
  "融城",
  "泰和",
  "龙泉",
  "白塔",
  "西苑",
  "北辰",
  "南亚",
  "万和",
  "馨园",
  "雅居",
  "茶花",
  "玉兰",
  "樱花",
  "海源",
  "红塔",
  "金鼎",
] as const;

const COMPOUND_SUFFIXES = ["花园", "小区", "苑", "家园", "新村", "公寓", "雅居", "名城", "嘉园", "府", "里", "宿舍"] as const;

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"] as const;

/** An urban compound name not yet in `taken` (which it extends). */
export function urbanCompoundName(random: Random, taken: Set<string>): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    let name = `${random.pick(COMPOUND_PREFIXES)}${random.pick(COMPOUND_SUFFIXES)}`;
    if (attempt > 20) name += `${random.pick(NUMERALS)}期`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  const fallback = `${random.pick(COMPOUND_PREFIXES)}小区${taken.size + 1}号院`;
  taken.add(fallback);
  return fallback;
}

/** "白邑村第3村民小组": rural settlements are named after their village group. */
export function villageGroupName(communityName: string, group: number): string {
  return `${shortCommunityName(communityName)}第${group}村民小组`;
}

export function gridName(communityName: string, index: number): string {
  return `${shortCommunityName(communityName)}第${index}网格`;
}

export function streetStationName(streetName: string): string {
  return `${streetName}社会工作服务站`;
}

export function communityRoomName(communityName: string): string {
  return `${shortCommunityName(communityName)}社工室`;
}

const SURNAMES = [
  "王",
  "李",
  "张",
  "刘",
  "陈",
  "杨",
  "赵",
  "黄",
  "周",
  "吴",
  "徐",
  "孙",
  "胡",
  "朱",
  "高",
  "林",
  "何",
  "郭",
  "马",
  "罗",
  "梁",
  "宋",
  "郑",
  "谢",
  "韩",
  "唐",
  "冯",
  "于",
  "董",
  "萧",
  "程",
  "曹",
  "袁",
  "邓",
  "许",
  "傅",
  "沈",
  "曾",
  "彭",
  "吕",
  "苏",
  "卢",
  "蒋",
  "蔡",
  "贾",
  "丁",
  "魏",
  "薛",
  "叶",
  "阎",
  "余",
  "潘",
  "杜",
  "戴",
  "夏",
  "钟",
  "汪",
  "田",
  "任",
  "姜",
  "范",
  "方",
  "石",
  "姚",
  "谭",
  "廖",
  "邹",
  "熊",
  "金",
  "陆",
  "郝",
  "孔",
  "白",
  "崔",
  "康",
  "毛",
  "邱",
  "秦",
  "江",
  "史",
  "顾",
  "侯",
  "邵",
  "孟",
  "龙",
  "万",
  "段",
  "普",
  "李",
  "杨",
] as const;

const GIVEN_CHARACTERS = [
  "伟",
  "芳",
  "娜",
  "秀",
  "敏",
  "静",
  "丽",
  "强",
  "磊",
  "军",
  "洋",
  "勇",
  "艳",
  "杰",
  "娟",
  "涛",
  "明",
  "超",
  "霞",
  "平",
  "刚",
  "桂",
  "英",
  "华",
  "玲",
  "建",
  "国",
  "云",
  "红",
  "春",
  "兰",
  "志",
  "海",
  "燕",
  "波",
  "林",
  "琴",
  "雪",
  "梅",
  "鹏",
  "斌",
  "文",
  "婷",
  "晶",
  "亮",
  "宇",
  "浩",
  "凯",
  "莉",
  "萍",
  "丹",
  "荣",
  "昆",
  "滇",
] as const;

/** A plausible invented Chinese name: surname plus one or two given-name characters. */
export function personName(random: Random): string {
  const given = random.chance(0.7) ? `${random.pick(GIVEN_CHARACTERS)}${random.pick(GIVEN_CHARACTERS)}` : random.pick(GIVEN_CHARACTERS);
  return `${random.pick(SURNAMES)}${given}`;
}

const VILLAGE_PREFIXES = [
  "大",
  "小",
  "上",
  "下",
  "新",
  "老",
  "东",
  "西",
  "南",
  "北",
  "中",
  "后",
  "前",
  "高",
  "河",
  "石",
  "松",
  "竹",
  "李家",
  "张家",
  "杨家",
  "王家",
  "马家",
  "普家",
] as const;
const VILLAGE_BASES = ["村", "寨", "营", "屯", "坝", "箐", "沟", "田", "坡", "庄", "冲", "塘", "山", "湾", "哨", "铺"] as const;

/**
 * A natural village's name not yet in `taken` (which it extends): half are place names built like
 * Yunnan's (上寨, 大箐, 李家营), half the numbered 村民小组 of the village committee.
 */
export function naturalVillageName(random: Random, communityName: string, taken: Set<string>): string {
  if (random.chance(0.5)) {
    for (let attempt = 0; attempt < 20; attempt++) {
      const name = `${random.pick(VILLAGE_PREFIXES)}${random.pick(VILLAGE_BASES)}`;
      if (!taken.has(name)) {
        taken.add(name);
        return name;
      }
    }
  }
  for (let group = 1; ; group++) {
    const name = villageGroupName(communityName, group);
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}
