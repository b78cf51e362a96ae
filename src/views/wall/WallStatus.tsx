// How fresh the figures are: refreshed on schedule, or a visible "stale since" notice while a
// failed refresh is retried (the last good figures stay on screen meanwhile).
import type { LoadProgress } from "../../workers/engine-api.ts";
import { useTranslate, type MessageKey } from "../i18n/i18n.ts";
import { useNow } from "./use-now.ts";

export interface WallStatusProps {
  /** When the figures on screen were last confirmed (ms since the epoch); 0 before the first load. */
  updatedAt: number;
  failure: Error | null;
  refreshSeconds: number;
  /** How far the first load has got, while there are no figures yet. */
  loading?: LoadProgress | undefined;
}

const twoDigits = (value: number) => String(value).padStart(2, "0");

const megabytes = (bytes: number) => (bytes / 1_000_000).toFixed(1);

export function WallStatus({ updatedAt, failure, refreshSeconds, loading }: WallStatusProps) {
  const t = useTranslate();
  const now = useNow(15_000);
  if (!failure && updatedAt === 0 && loading) {
    const { stage, loaded, total } = loading;
    const bytes =
      stage !== "download"
        ? ""
        : total
          ? t("load.bytes", { loaded: megabytes(loaded), total: megabytes(total) })
          : t("load.bytesUnknown", { loaded: megabytes(loaded) });
    const text =
      stage === "download" || stage === "decode"
        ? t("wall.status.loading", { what: `${t("load.table")} ${bytes}`.trim() })
        : t(`load.stage.${stage}` as MessageKey);
    return (
      <span className="wall-status" data-testid="wall-loading">
        {text}
      </span>
    );
  }
  if (!failure) return <span className="wall-status">{t("wall.status.live", { seconds: refreshSeconds })}</span>;
  if (updatedAt === 0) {
    return (
      <span className="wall-status is-stale" role="alert" data-testid="wall-stale">
        {t("wall.status.failed", { message: failure.message })}
      </span>
    );
  }
  const shown = new Date(updatedAt);
  const minutes = Math.max(0, Math.floor((now - updatedAt) / 60_000));
  return (
    <span className="wall-status is-stale" role="alert" data-testid="wall-stale" title={failure.message}>
      {t("wall.status.stale", { time: `${twoDigits(shown.getHours())}:${twoDigits(shown.getMinutes())}`, minutes })}
    </span>
  );
}
