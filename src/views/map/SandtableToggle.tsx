// The 3D sandtable (电子沙盘) switch: a native toggle button, so it is reachable and operable by
// keyboard and announces its state (aria-pressed).
import { useTranslate } from "../i18n/i18n.ts";

export function SandtableToggle({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  const t = useTranslate();
  return (
    <div className="sandtable-tools">
      <button type="button" aria-pressed={on} title={t("sandtable.hint")} onClick={() => onChange(!on)} data-testid="sandtable-toggle">
        {t("sandtable.toggle")}
      </button>
    </div>
  );
}
