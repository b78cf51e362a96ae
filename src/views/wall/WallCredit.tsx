// The wall's honesty line, under the map: which layers are synthetic, and the map credit.
import type { Manifest } from "../../data/contract.ts";
import { useTranslate } from "../i18n.ts";

export function WallCredit({ manifest }: { manifest: Manifest }) {
  const t = useTranslate();
  const syntheticNames = manifest.synthetic.map((layer) => t(`layer.${layer}`)).join("、");
  return (
    <footer className="wall-credit" data-testid="source-note">
      {manifest.synthetic.length > 0 ? <p className="wall-credit-synthetic">{t("synthetic", { layers: syntheticNames })}</p> : null}
      {manifest.credit ? (
        <p>
          {t("credit")}:{manifest.credit}
        </p>
      ) : null}
    </footer>
  );
}
