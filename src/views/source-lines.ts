// The words of the source note: which layers are synthetic, where the data comes from, and the
// map credit. The on-screen note and every exported sheet print the same lines.
import type { Manifest } from "../data/contract.ts";
import type { MessageKey } from "./i18n.ts";

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export interface SourceLines {
  /** The synthetic-geometry warning, or null when every layer is real. */
  synthetic: string | null;
  sources: string;
  /** The map credit / 审图号 line, or null when there is none. */
  credit: string | null;
}

/** `credit` replaces the manifest's credit (the snapshot's editable field); "" removes it. */
export function sourceLines(manifest: Manifest, t: Translate, credit: string | undefined = manifest.credit): SourceLines {
  const syntheticNames = manifest.synthetic.map((layer) => t(`layer.${layer}`)).join("、");
  return {
    synthetic: manifest.synthetic.length > 0 ? t("synthetic", { layers: syntheticNames }) : null,
    sources: `${t("sources")}:${manifest.sources.map((source) => `${source.name} (${source.licence})`).join(";")}`,
    credit: credit ? `${t("credit")}:${credit}` : null,
  };
}
