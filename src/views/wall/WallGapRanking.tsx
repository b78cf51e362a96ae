// The areas with the most gaps (缺口清单 counted per county, street or community, the tour's
// level), the one the tour is showing marked.
import { scaleLinear } from "d3";
import { useFormatNumber, useTranslate } from "../i18n/i18n.ts";
import type { RankedArea, ScopeLevel } from "./wall-kpis.ts";

export interface WallGapRankingProps {
  /** Undefined while the engine is still counting. */
  ranked: readonly RankedArea[] | undefined;
  /** What is ranked: the counties of a province, the streets of a city, or the children of the toured unit. */
  level: ScopeLevel;
  highlight: string | null;
}

export function WallGapRanking({ ranked, level, highlight }: WallGapRankingProps) {
  const t = useTranslate();
  const number = useFormatNumber();
  const width = scaleLinear()
    .domain([0, Math.max(1, ranked?.[0]?.gaps ?? 1)])
    .range([0, 100]);
  return (
    <section className="wall-panel wall-ranking" data-testid="wall-ranking">
      <h2>{t(`wall.ranking.${level}`)}</h2>
      {ranked ? (
        <ol>
          {ranked.map((area, index) => (
            <li
              key={area.code}
              className={area.code === highlight ? "is-current" : undefined}
              data-code={area.code}
              title={t("wall.ranking.bar", { name: area.name, count: area.gaps })}
            >
              <span className="wall-rank">{index + 1}</span>
              <span className="wall-rank-name">{area.name}</span>
              <span className="wall-rank-bar">
                <span style={{ width: `${width(area.gaps)}%` }} />
              </span>
              <span className="wall-rank-count">{number(area.gaps)}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="wall-muted">{t("wall.ranking.pending")}</p>
      )}
    </section>
  );
}
