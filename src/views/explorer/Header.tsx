import type { Manifest } from "../../data/contract.ts";
import { DatasetSwitch } from "./DatasetSwitch.tsx";
import { useTranslate, type Language } from "../i18n/i18n.ts";

export interface HeaderProps {
  manifest: Manifest | undefined;
  manifestUrl: string;
  language: Language;
  onLanguageChange: (language: Language) => void;
  /** Opens the snapshot composer; omitted until the map can be exported. */
  onSnapshot?: (() => void) | undefined;
  /** Opens the import panel. */
  onImport?: (() => void) | undefined;
  /** Set when the dataset on screen holds imported data: discards it and goes back to the original. */
  onDiscardImport?: (() => void) | undefined;
  /** The earlier date the view shows (the 考核督导 timeline), or null for the dataset's own. */
  viewDate?: string | null;
}

export function Header({ manifest, manifestUrl, language, onLanguageChange, onSnapshot, onImport, onDiscardImport, viewDate = null }: HeaderProps) {
  const t = useTranslate();
  const title = language === "en" ? (manifest?.titleEn ?? manifest?.title) : manifest?.title;
  return (
    <header className="header">
      <h1>
        {t("appTitle")}
        {title ? <span className="header-scope"> · {title}</span> : null}
      </h1>
      <DatasetSwitch manifestUrl={manifestUrl} title={title} language={language} />
      {manifest ? (
        <span className="header-as-of" data-testid="as-of">
          {t("asOf")} {manifest.asOf}
        </span>
      ) : null}
      {viewDate ? (
        <span className="header-view-date" data-testid="view-date" role="status">
          {t("programmes.viewing", { date: viewDate })}
        </span>
      ) : null}
      {onDiscardImport ? (
        <span className="import-session-badge" data-testid="import-session">
          {t("import.session")}{" "}
          <button type="button" className="header-language" data-testid="import-discard" onClick={onDiscardImport}>
            {t("import.discard")}
          </button>
        </span>
      ) : null}
      {onImport ? (
        <button type="button" className="header-language" data-testid="open-import" onClick={onImport}>
          {t("import.open")}
        </button>
      ) : null}
      {onSnapshot ? (
        <button type="button" className="header-language" data-testid="open-snapshot" onClick={onSnapshot}>
          {t("snapshot.open")}
        </button>
      ) : null}
      <button type="button" className="header-language" onClick={() => onLanguageChange(language === "zh" ? "en" : "zh")}>
        {t("switchLanguage")}
      </button>
    </header>
  );
}
