// Over the map, on a laggards tour: which target's laggards are toured, or why the wall tours
// its default route instead (no targets, no such target, nothing behind).
import { useTranslate, type Language } from "../i18n/i18n.ts";
import type { LaggardTour } from "./wall-targets.ts";

/** `targetId`: the target the link asked for (null: the first one behind). */
export function WallTourNote({ tour, targetId, language }: { tour: LaggardTour; targetId: string | null; language: Language }) {
  const t = useTranslate();
  const { report, note } = tour;
  const title = report ? (language === "en" ? (report.target.titleEn ?? report.target.title) : report.target.title) : "";
  const text = (() => {
    if (note === "noTargets") return t("wall.tour.noTargets");
    if (note === "unknownTarget") return t("wall.tour.unknownTarget", { id: targetId ?? "" });
    if (note === "allMet") return t("wall.tour.allMet", { title });
    return report ? t("wall.tour.laggards", { title, level: t(`programmes.target.level.${report.target.level}`) }) : "";
  })();
  return (
    <p className={note === null ? "wall-tour-note" : "wall-tour-note is-fallback"} data-testid="wall-tour-note" data-note={note ?? "laggards"}>
      {text}
    </p>
  );
}
