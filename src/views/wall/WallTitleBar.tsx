// The wall's title bar: 数据截至 and data status on the left, the title in the middle, the tour's
// pause notice and the clock on the right.
import type { Manifest } from "../../data/contract.ts";
import { useTranslate, type Language } from "../i18n/i18n.ts";
import { WallClock } from "./WallClock.tsx";
import { WallStatus, type WallStatusProps } from "./WallStatus.tsx";

export interface WallTitleBarProps {
  manifest: Manifest | undefined;
  /** The 数据截至 date of the figures on screen (it follows refreshes). */
  asOf: string | undefined;
  status: WallStatusProps;
  paused: boolean;
  quietSeconds: number;
  language: Language;
}

export function WallTitleBar({ manifest, asOf, status, paused, quietSeconds, language }: WallTitleBarProps) {
  const t = useTranslate();
  const title = language === "en" ? (manifest?.titleEn ?? manifest?.title) : manifest?.title;
  return (
    <header className="wall-title">
      <div className="wall-title-side">
        {asOf ? (
          <span className="wall-as-of" data-testid="as-of">
            {t("asOf")} <strong>{asOf}</strong>
          </span>
        ) : null}
        <WallStatus {...status} />
      </div>
      <h1>
        <span>{title ?? t("appTitle")}</span>
        <small>{t("wall.subtitle")}</small>
      </h1>
      <div className="wall-title-side wall-title-end">
        {paused ? (
          <span className="wall-chip" data-testid="wall-paused">
            {t("wall.tour.paused", { seconds: quietSeconds })}
          </span>
        ) : null}
        <WallClock language={language} />
      </div>
    </header>
  );
}
