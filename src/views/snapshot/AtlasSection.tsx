// The atlas part of the composer: one PDF page per county, township or community of the area shown.
import { useTranslate } from "../i18n/i18n.ts";
import { ATLAS_SCOPES, type AtlasScope } from "../../domain/atlas-units.ts";

export interface AtlasSectionProps {
  /** False until the engine has the dataset (its model holds the outlines). */
  available: boolean;
  scope: AtlasScope;
  onScopeChange: (scope: AtlasScope) => void;
  areaName: string;
  pageCount: number;
  busy: boolean;
  onExport: () => void;
}

/** Measured on the 2-core test machine with software WebGL: about 1–1.5 s a page at A4 150 dpi. */
const SECONDS_PER_PAGE = 1.5;

export function AtlasSection(props: AtlasSectionProps) {
  const t = useTranslate();
  if (!props.available) {
    return (
      <section className="snapshot-atlas">
        <h3>{t("snapshot.atlas")}</h3>
        <p className="snapshot-note">{t("snapshot.atlas.unavailable")}</p>
      </section>
    );
  }
  const minutes = Math.ceil((props.pageCount * SECONDS_PER_PAGE) / 60);
  return (
    <section className="snapshot-atlas">
      <h3>{t("snapshot.atlas")}</h3>
      <label className="snapshot-field">
        {t("snapshot.atlas.level")}
        <select data-testid="snapshot-atlas-scope" value={props.scope} onChange={(event) => props.onScopeChange(event.target.value as AtlasScope)}>
          {ATLAS_SCOPES.map((scope) => (
            <option key={scope} value={scope}>
              {t(`snapshot.atlas.${scope}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="snapshot-note" data-testid="snapshot-atlas-pages" data-pages={props.pageCount}>
        {props.pageCount > 0 ? t("snapshot.atlas.pages", { area: props.areaName, count: props.pageCount }) : t("snapshot.atlas.empty")}
        {minutes > 2 ? ` · ${t("snapshot.atlas.slow", { minutes })}` : ""}
      </p>
      <button type="button" data-testid="snapshot-atlas-export" disabled={props.busy || props.pageCount === 0} onClick={props.onExport}>
        {t("snapshot.atlas.export")}
      </button>
    </section>
  );
}
