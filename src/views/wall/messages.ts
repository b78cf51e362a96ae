// Interface strings of the wall feature; i18n.ts merges them. Every key needs both languages.
const zh = {} as const;

export const wallMessages: { zh: typeof zh; en: Record<keyof typeof zh, string> } = {
  zh,
  en: {},
};
