// The words of the source note: which layers' geometry and attributes are synthetic, where the
// data comes from, and the map credit. The on-screen note, the wall, the gap exports and every
// exported sheet print the same lines.
import type { LayerName, Manifest } from "../../data/contract.ts";
import type { MessageKey } from "../i18n/i18n.ts";

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export interface SourceLines {
  /** The synthetic-data warning, or null when every layer is real. */
  synthetic: string | null;
  sources: string;
  /** The map credit / 审图号 line, or null when there is none. */
  credit: string | null;
}

const names = (layers: readonly LayerName[], t: Translate) => layers.map((layer) => t(`layer.${layer}`)).join("、");

/**
 * One sentence on what is invented: layers whose geometry and attributes both are, then those
 * with only synthetic geometry, then those with only synthetic attributes. Null when nothing is.
 */
export function syntheticNote(synthetic: Manifest["synthetic"], t: Translate): string | null {
  const attributes = new Set(synthetic.attributes);
  const both = synthetic.geometry.filter((layer) => attributes.has(layer));
  const geometryOnly = synthetic.geometry.filter((layer) => !attributes.has(layer));
  const attributesOnly = synthetic.attributes.filter((layer) => !synthetic.geometry.includes(layer));
  const parts = [
    ...(both.length > 0 ? [t("synthetic.both", { layers: names(both, t) })] : []),
    ...(geometryOnly.length > 0 ? [t("synthetic.geometry", { layers: names(geometryOnly, t) })] : []),
    ...(attributesOnly.length > 0 ? [t("synthetic.attributes", { layers: names(attributesOnly, t) })] : []),
  ];
  return parts.length > 0 ? t("synthetic", { parts: parts.join(t("synthetic.separator")) }) : null;
}

/** `credit` replaces the manifest's credit (the snapshot's editable field); "" removes it. */
export function sourceLines(manifest: Manifest, t: Translate, credit: string | undefined = manifest.credit): SourceLines {
  return {
    synthetic: syntheticNote(manifest.synthetic, t),
    sources: `${t("sources")}:${manifest.sources.map((source) => `${source.name} (${source.licence})`).join(";")}`,
    credit: credit ? `${t("credit")}:${credit}` : null,
  };
}
