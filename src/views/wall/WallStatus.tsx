// How fresh the figures are: refreshed on schedule, or a visible "stale since" notice while a
// failed refresh is retried (the last good figures stay on screen meanwhile).
import { useTranslate } from "../i18n.ts";
import { useNow } from "./use-now.ts";

export interface WallStatusProps {
  /** When the figures on screen were last confirmed (ms since the epoch); 0 before the first load. */
  updatedAt: number;
  failure: Error | null;
  refreshSeconds: number;
}

const twoDigits = (value: number) => String(value).padStart(2, "0");

export function WallStatus({ updatedAt, failure, refreshSeconds }: WallStatusProps) {
  const t = useTranslate();
  const now = useNow(15_000);
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
