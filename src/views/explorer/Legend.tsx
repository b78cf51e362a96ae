// The map's legend: one group per visible layer, in the colours the map draws.
import { useState } from "react";
import type { LegendGroup } from "../shared/legend-items.ts";
import { useTranslate } from "../i18n/i18n.ts";

export function Legend({ groups }: { groups: readonly LegendGroup[] }) {
  const t = useTranslate();
  const [open, setOpen] = useState(true);
  if (groups.length === 0) return null;
  return (
    <section className="map-legend" aria-label={t("legend.title")} data-testid="legend">
      <button type="button" className="legend-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t("legend.title")}
      </button>
      {open ? (
        <dl>
          {groups.map((group) => (
            <div key={group.id} className="legend-group" data-legend={group.id}>
              <dt>{group.title}</dt>
              {group.items.map((item) => (
                <dd key={item.label}>
                  <span className={`swatch swatch-${item.shape}`} style={{ ["--swatch" as string]: item.colour }} />
                  {item.label}
                </dd>
              ))}
              {group.note ? <dd className="legend-note">{group.note}</dd> : null}
            </div>
          ))}
        </dl>
      ) : null}
    </section>
  );
}
