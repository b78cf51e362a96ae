// The dataset as it stood on an earlier date (the 考核督导 timeline): what the dated records say
// did not exist yet is taken away. Stations count from `openedOn` (isServing reads the model's
// date), party branches from `partyBranchSince`, grid staffing from `staffedOn`, 双报到 units from
// `registeredOn`. A record without a date:
// - a party branch: known on the dataset's date, unknown before it (null, never a gap);
// - a staffed grid or a registered unit: counted at every date (a count cannot say "unknown").
import type { CompoundRow, GridRow, Model } from "./model.ts";

/** The earliest date the dated records reach back to (null when nothing is dated). */
export function earliestRecord(model: Model): string | null {
  let earliest: string | null = null;
  const see = (date: string | null | undefined) => {
    if (date && (earliest === null || date < earliest)) earliest = date;
  };
  for (const station of model.stations) see(station.openedOn);
  for (const compound of model.compounds) see(compound.partyBranchSince);
  for (const grid of model.grids) see(grid.staffedOn);
  for (const unit of model.registeredUnits ?? []) see(unit.registeredOn);
  return earliest;
}

/** The model on `date`; the model itself when `date` is its own date or later (nothing is projected forward). */
export function modelAsOf(model: Model, date: string): Model {
  if (date >= model.asOf) return model;
  // Rows are copied field by field only where they change; unchanged rows are shared.
  const compounds = model.compounds.map((row): CompoundRow => {
    if (row.partyBranch !== true) return row;
    const since = row.partyBranchSince;
    const partyBranch = since === null ? null : since <= date;
    return partyBranch === true ? row : { ...row, partyBranch };
  });
  const grids = model.grids.map((row): GridRow =>
    row.workers > 0 && row.staffedOn !== null && row.staffedOn > date ? { ...row, workers: 0, workerName: null } : row,
  );
  const registeredUnits = model.registeredUnits?.filter((unit) => unit.registeredOn === null || unit.registeredOn <= date);
  return {
    ...model,
    asOf: date,
    compounds: Object.freeze(compounds) as CompoundRow[],
    grids: Object.freeze(grids) as GridRow[],
    ...(registeredUnits ? { registeredUnits: Object.freeze(registeredUnits) as typeof registeredUnits } : {}),
  };
}

/** Whole days from `from` to `to` (ISO dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `date` moved by whole days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Evenly spread dates from `from` to `to`, both included (at most `count`, at least the two ends). */
export function sampleDates(from: string, to: string, count: number): string[] {
  const span = daysBetween(from, to);
  if (span <= 0) return [to];
  const steps = Math.max(1, Math.min(count - 1, span));
  return Array.from({ length: steps + 1 }, (_, step) => addDays(from, Math.round((span * step) / steps)));
}
