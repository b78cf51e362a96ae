// The summary of a drawn rectangle or lasso: what it encloses, by the engine's definitions.
import type { EnclosedSummary } from "../../domain/enclosed.ts";
import { formatIndicatorValue } from "../../domain/indicator-format.ts";
import { useTranslate, type MessageKey } from "../i18n/i18n.ts";

const ROWS: ReadonlyArray<{ field: keyof EnclosedSummary; format: "share" | "count" }> = [
  { field: "compounds", format: "count" },
  { field: "households", format: "count" },
  { field: "partyBranchCoverage", format: "share" },
  { field: "stationAccessRate", format: "share" },
  { field: "compoundsBeyondService", format: "count" },
  { field: "unassignedCompounds", format: "count" },
  { field: "grids", format: "count" },
  { field: "gridsWithoutWorker", format: "count" },
  { field: "stations", format: "count" },
  { field: "rooms", format: "count" },
  { field: "communities", format: "count" },
];

export function EnclosedPanel({ summary, onClear }: { summary: EnclosedSummary | undefined; onClear: () => void }) {
  const t = useTranslate();
  return (
    <section className="panel enclosed-panel" aria-label={t("enclosed.title")} data-testid="enclosed-panel">
      <header>
        <h2>{t("enclosed.title")}</h2>
        <button type="button" className="detail-close" aria-label={t("shape.clear")} onClick={onClear}>
          ×
        </button>
      </header>
      {summary ? (
        <dl>
          {ROWS.map((row) => (
            <div key={row.field} data-field={row.field}>
              <dt>{t(`enclosed.${row.field}` as MessageKey)}</dt>
              <dd>{formatIndicatorValue(summary[row.field], row.format)}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="kpi-status">{t("enclosed.computing")}</p>
      )}
    </section>
  );
}
