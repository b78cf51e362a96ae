// What-if planning: place new stations by clicking the map (or take the engine's suggestions),
// drag or remove stations, change the service distance, and see the indicators and the gap list
// move before and after.
import type { UnitReport } from "../../../domain/analysis.ts";
import { formatIndicatorValue } from "../../../domain/indicator-format.ts";
import type { WhatIfResult } from "../../../workers/engine-api.ts";
import { useTranslate, type MessageKey } from "../../i18n/i18n.ts";
import { EMPTY_PLAN, isEmptyPlan, removeStation, type WhatIfPlan } from "../../shared/what-if-plan.ts";

export interface WhatIfPanelProps {
  active: boolean;
  onActiveChange: (active: boolean) => void;
  plan: WhatIfPlan;
  onPlanChange: (plan: WhatIfPlan) => void;
  /** The station whose card is open, which can be removed from the plan. */
  focusedStation: { id: string; name: string } | null;
  /** Names of existing stations by id, to list moved and removed ones. */
  stationName: (id: string) => string;
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
  const { plan, onPlanChange, focusedStation } = props;
  const edits = [
    ...plan.moved.map((move) => ({ id: move.id, text: t("whatIf.moved", { name: props.stationName(move.id) }) })),
    ...plan.removed.map((id) => ({ id, text: t("whatIf.removed", { name: props.stationName(id) }) })),
  ];
  const undo = (id: string) =>
    onPlanChange({ ...plan, moved: plan.moved.filter((move) => move.id !== id), removed: plan.removed.filter((removed) => removed !== id) });
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
            {t("whatIf.distance", { metres: plan.serviceDistance })}
            <input
              type="range"
              min={300}
              max={3000}
              step={100}
              value={plan.serviceDistance}
              onChange={(event) => onPlanChange({ ...plan, serviceDistance: Number(event.target.value) })}
            />
          </label>
          <div className="what-if-actions">
            <button type="button" onClick={props.onSuggest}>
              {t("whatIf.suggest")}
            </button>
            <button type="button" disabled={isEmptyPlan(plan)} onClick={() => onPlanChange(EMPTY_PLAN)}>
              {t("whatIf.clear")}
            </button>
          </div>
          {focusedStation ? (
            <p className="what-if-focus">
              {focusedStation.name}
              <button type="button" data-testid="what-if-remove" onClick={() => onPlanChange(removeStation(plan, focusedStation.id))}>
                {t("whatIf.remove")}
              </button>
            </p>
          ) : null}
          <p className="what-if-count">{t("whatIf.planned", { count: plan.planned.length })}</p>
          {edits.length > 0 ? (
            <ul className="what-if-edits" data-testid="what-if-edits">
              {edits.map((edit) => (
                <li key={edit.id}>
                  {edit.text}
                  <button type="button" onClick={() => undo(edit.id)}>
                    {t("whatIf.undo")}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
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
                  <td>{formatIndicatorValue(props.before?.[row.field], row.format)}</td>
                  <td>{formatIndicatorValue((after ?? props.before)?.[row.field], row.format)}</td>
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
