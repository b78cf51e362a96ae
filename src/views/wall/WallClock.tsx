// The title bar's clock: date, weekday and time, re-rendered alone once a second.
import { useMemo } from "react";
import type { Language } from "../i18n/i18n.ts";
import { useNow } from "./use-now.ts";

export function WallClock({ language }: { language: Language }) {
  const now = useNow(1000);
  const formats = useMemo(() => {
    const locale = language === "zh" ? "zh-CN" : "en-GB";
    return {
      date: new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", weekday: "long" }),
      time: new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false }),
    };
  }, [language]);
  const date = new Date(now);
  return (
    <div className="wall-clock" data-testid="wall-clock">
      <span className="wall-clock-date">{formats.date.format(date)}</span>
      <time className="wall-clock-time" dateTime={date.toISOString()}>
        {formats.time.format(date)}
      </time>
    </div>
  );
}
