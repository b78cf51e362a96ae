// The header's dataset switch: the datasets this installation serves (its catalogue), the one on
// screen chosen. Choosing another opens it afresh by its link (?data=…), as a shared link would.
import { useQuery } from "@tanstack/react-query";
import { catalogueQuery } from "../../data/catalogue.ts";
import { useTranslate, type Language } from "../i18n/i18n.ts";

export interface DatasetSwitchProps {
  manifestUrl: string;
  /** The open dataset's title, for a dataset the catalogue does not list (one's own data). */
  title: string | undefined;
  language: Language;
}

const absolute = (url: string) => new URL(url, document.baseURI).href;

/** Opens a dataset by its link; a view (camera, selection, plan) belongs to the dataset it was made on, so the hash goes. */
function open(manifest: string): void {
  const url = new URL(window.location.href);
  url.searchParams.set("data", manifest);
  url.hash = "";
  window.location.assign(url.href);
}

export function DatasetSwitch({ manifestUrl, title, language }: DatasetSwitchProps) {
  const t = useTranslate();
  const catalogue = useQuery(catalogueQuery());
  const entries = catalogue.data?.datasets ?? [];
  if (entries.length === 0) return null;
  const current = entries.find((entry) => absolute(entry.manifest) === absolute(manifestUrl));
  return (
    <select className="header-dataset" aria-label={t("dataset.switch")} value={current?.manifest ?? manifestUrl} onChange={(event) => open(event.target.value)}>
      {current ? null : <option value={manifestUrl}>{title ?? manifestUrl}</option>}
      {entries.map((entry) => (
        <option key={entry.manifest} value={entry.manifest}>
          {language === "en" ? (entry.nameEn ?? entry.name) : entry.name}
        </option>
      ))}
    </select>
  );
}
