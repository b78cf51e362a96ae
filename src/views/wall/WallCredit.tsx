// The wall's honesty line, under the map: which layers are synthetic, and the map credit.
import type { Manifest } from "../../data/contract.ts";
import { useTranslate } from "../i18n/i18n.ts";
import { syntheticNote } from "../shared/source-lines.ts";

export function WallCredit({ manifest }: { manifest: Manifest }) {
  const t = useTranslate();
  const synthetic = syntheticNote(manifest.synthetic, t);
  return (
    <footer className="wall-credit" data-testid="source-note">
      {synthetic ? <p className="wall-credit-synthetic">{synthetic}</p> : null}
      {manifest.credit ? (
        <p>
          {t("credit")}:{manifest.credit}
        </p>
      ) : null}
    </footer>
  );
}
