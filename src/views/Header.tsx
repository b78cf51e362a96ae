import type { Manifest } from "../data/contract.ts";
import { useTranslate, type Language } from "./i18n.ts";

export interface HeaderProps {
  manifest: Manifest | undefined;
  language: Language;
  onLanguageChange: (language: Language) => void;
}

export function Header({ manifest, language, onLanguageChange }: HeaderProps) {
  const t = useTranslate();
  const title = language === "en" ? (manifest?.titleEn ?? manifest?.title) : manifest?.title;
  return (
    <header className="header">
      <h1>
        {t("appTitle")}
        {title ? <span className="header-scope"> · {title}</span> : null}
      </h1>
      {manifest ? (
        <span className="header-as-of" data-testid="as-of">
          {t("asOf")} {manifest.asOf}
        </span>
      ) : null}
      <button type="button" className="header-language" onClick={() => onLanguageChange(language === "zh" ? "en" : "zh")}>
        {t("switchLanguage")}
      </button>
    </header>
  );
}
