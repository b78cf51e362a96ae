// The honesty line: which layers are synthetic, where the rest comes from, and the map credit.
import type { Manifest } from "../data/contract.ts";
import { useTranslate } from "./i18n.ts";

export function SourceNote({ manifest }: { manifest: Manifest }) {
  const t = useTranslate();
  const syntheticNames = manifest.synthetic.map((layer) => t(`layer.${layer}`)).join("、");
  return (
    <footer className="source-note" data-testid="source-note">
      {manifest.synthetic.length > 0 ? <p className="synthetic">{t("synthetic", { layers: syntheticNames })}</p> : null}
      <p>
        {t("sources")}:{manifest.sources.map((source) => `${source.name} (${source.licence})`).join(";")}
      </p>
      {manifest.credit ? (
        <p>
          {t("credit")}:{manifest.credit}
        </p>
      ) : null}
    </footer>
  );
}
