// Shown while an import session opens from this browser's storage, or instead of the map when it
// cannot (discarded, storage cleared): what happened, and the way back.
import { useTranslate } from "../i18n/i18n.ts";

export function SessionProblem({ error }: { error: string | undefined }) {
  const t = useTranslate();
  if (error === undefined) return <p className="loading">{t("loading")}</p>;
  return (
    <main className="session-problem" role="alert" data-testid="session-problem">
      <p>{t("import.sessionMissing", { message: error })}</p>
      <a href="?">{t("import.backToBase")}</a>
    </main>
  );
}
