// Interface strings of the snapshot feature; i18n.ts merges them. Every key needs both languages.
const zh = {} as const;

export const snapshotMessages: { zh: typeof zh; en: Record<keyof typeof zh, string> } = {
  zh,
  en: {},
};
