// What-if planning: place new stations by clicking the map (or take the engine's suggestions),
// change the service distance, and see the indicators and the gap list move before and after.
import type { UnitReport } from "../domain/analysis.ts";
import type { WhatIfResult } from "../workers/engine-api.ts";
import { useTranslate, type MessageKey } from "./i18n.ts";
import { formatValue } from "./KpiPanel.tsx";

export interface WhatIfPanelProps {
  active: boolean;
  onActiveChange: (active: boolean) => void;
  planned: ReadonlyArray<[number, number]>;
  onPlannedChange: (planned: Array<[number, number]>) => void;
  serviceDistance: number;
  onServiceDistanceChange: (metres: number) => void;
  before: UnitReport | undefined;
  result: WhatIfResult | undefined;
  onSuggest: () => void;
  enabled: boolean;
}

const COMPARED: ReadonlyArray<{ field: keyof UnitReport; label: MessageKey; format: "share" | "count" }> = [
  { field: "stationAccessRate", label: "kpi.stationAccessRate", format: "share" },
  { field: "stationAccessHouseholds", label: "whatIf.households", format: "count" },
  { field: "streetsWithoutStation", label: "kpi.streetsWithoutStation", format: "count" },
];

export function WhatIfPanel(props: WhatIfPanelProps) {
  const t = useTranslate();
  const after = props.result?.city;
  return (
    <section className="panel what-if-panel" aria-label={t("whatIf.title")} data-testid="what-if-panel">
      <h2>
        <label>
          <input type="checkbox" checked={props.active} disabled={!props.enabled} onChange={(event) => props.onActiveChange(event.target.checked)} />
          {t("whatIf.title")}
        </label>
      </h2>
      {props.active ? (
        <>
          <p className="what-if-hint">{t("whatIf.hint")}</p>
          <label className="what-if-distance">
            {t("whatIf.distance", { metres: props.serviceDistance })}
            <input type="range" min={300} max={3000} step={100} value={props.serviceDistance} onChange={(event) => props.onServiceDistanceChange(Number(event.target.value))} />
          </label>
          <div className="what-if-actions">
            <button type="button" onClick={props.onSuggest}>
              {t("whatIf.suggest")}
            </button>
            <button type="button" disabled={props.planned.length === 0} onClick={() => props.onPlannedChange([])}>
              {t("whatIf.clear")}
            </button>
          </div>
          <p className="what-if-count">{t("whatIf.planned", { count: props.planned.length })}</p>
          <table className="what-if-table" data-testid="what-if-table">
            <thead>
              <tr>
                <th />
                <th>{t("whatIf.before")}</th>
                <th>{t("whatIf.after")}</th>
              </tr>
            </thead>
            <tbody>
              {COMPARED.map((row) => (
                <tr key={row.field} data-field={row.field}>
                  <th>{t(row.label)}</th>
                  <td>{formatValue(props.before?.[row.field], row.format)}</td>
                  <td>{formatValue((after ?? props.before)?.[row.field], row.format)}</td>
                </tr>
              ))}
              <tr data-field="gaps">
                <th>{t("whatIf.gaps")}</th>
                <td colSpan={2}>{props.result ? `−${props.result.diff.gapsRemoved.length} / +${props.result.diff.gapsAdded.length}` : "—"}</td>
              </tr>
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
