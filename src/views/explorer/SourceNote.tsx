// The honesty line: which layers are synthetic, where the rest comes from, and the map credit.
import type { Manifest } from "../../data/contract.ts";
import { useTranslate } from "../i18n/i18n.ts";
import { sourceLines } from "../shared/source-lines.ts";

export function SourceNote({ manifest }: { manifest: Manifest }) {
  const t = useTranslate();
  const lines = sourceLines(manifest, t);
  return (
    <footer className="source-note" data-testid="source-note">
      {lines.synthetic ? <p className="synthetic">{lines.synthetic}</p> : null}
      {/* Sources and credit fold away so the map stays visible on a laptop; the synthetic note never does. */}
      <details>
        <summary>
          {t("sources")} / {t("credit")}
        </summary>
        <p>{lines.sources}</p>
        {lines.credit ? <p>{lines.credit}</p> : null}
      </details>
    </footer>
  );
}
