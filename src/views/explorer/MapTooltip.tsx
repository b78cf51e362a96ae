// What is under the pointer: name, level and one line of figures, next to the cursor.
import type { PickedFeature } from "../map/map-adapter.ts";
import { levelLabel, summaryLine } from "../shared/field-labels.ts";
import type { Language } from "../i18n/i18n.ts";

export interface MapTooltipProps {
  picked: PickedFeature | null;
  point: { x: number; y: number };
  language: Language;
}

export function MapTooltip({ picked, point, language }: MapTooltipProps) {
  if (!picked) return null;
  return (
    <div className="map-tooltip" role="tooltip" data-testid="map-tooltip" style={{ transform: `translate(${point.x + 14}px, ${point.y + 14}px)` }}>
      <strong>{picked.name}</strong>
      <span className="map-tooltip-level">{levelLabel(picked.layer, language)}</span>
      <div>{summaryLine(picked.layer, picked.properties, language)}</div>
    </div>
  );
}
