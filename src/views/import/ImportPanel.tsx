// The import panel: files in (dropped anywhere on the page, or picked), a layer per file, the
// coordinate system and join mode, then one check per layer in a worker with a progress bar and
// cancel, the reports, and the way out: load onto the map (a session kept in this browser) or
// save as a dataset folder.
import { useEffect, useRef, useState } from "react";
import { zipSync } from "fflate";
import type { FeatureCollection } from "geojson";
import { LAYER_NAMES, type LayerName } from "../../data/contract.ts";
import { datasetFolder } from "../../data/import-session-store.ts";
import type { StoredLayer } from "../../data/import/session.ts";
import type { Layers } from "../../domain/dataset.ts";
import { useTranslate, type Language, type MessageKey } from "../i18n/i18n.ts";
import { downloadBlob } from "../snapshot/download.ts";
import { ImportReport } from "./ImportReport.tsx";
import { MappingEditor } from "./MappingEditor.tsx";
import { POINT_OUTLINE_METRES, useImport } from "./use-import.ts";
import "./import-panel.css";

const CRS_CHOICES = ["", "EPSG:4326", "EPSG:4490", "gcj02", "bd09", "EPSG:3857"] as const;
const CRS_LABELS: Record<string, string> = {
  "EPSG:4326": "WGS84 (EPSG:4326)",
  "EPSG:4490": "CGCS2000 (EPSG:4490)",
  gcj02: "GCJ-02 高德/腾讯",
  bd09: "BD-09 百度",
  "EPSG:3857": "Web Mercator (EPSG:3857)",
};

export interface ImportPanelProps {
  language: Language;
  /** The dataset on screen (absolute manifest URL) and its layers, when it is a GeoJSON dataset. */
  baseUrl: string;
  layers: Layers | undefined;
  tiled: boolean;
  previous: readonly StoredLayer[];
  /** A tiled dataset's area outlines, from its engine: imports are checked against them. */
  outlines?: ((layer: "districts" | "streets" | "communities") => Promise<FeatureCollection>) | undefined;
  /** Files dropped on the page (before or while the panel is open); a new id adds them. */
  incoming: { id: number; files: readonly File[] } | null;
  onLocate: (position: [number, number]) => void;
  onClose: () => void;
}

export function ImportPanel(props: ImportPanelProps) {
  const t = useTranslate();
  const importer = useImport({ layers: props.layers, baseUrl: props.baseUrl, previous: props.previous, outlines: props.outlines });
  const { state } = importer;
  const picker = useRef<HTMLInputElement>(null);
  const incomingId = props.incoming?.id;
  useEffect(() => {
    if (props.incoming) importer.addFiles(props.incoming.files, props.incoming.id);
    // Only a new drop (a new id) adds files.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [incomingId]);
  const [customCrs, setCustomCrs] = useState(false);
  const [saving, setSaving] = useState<string | null>(null);
  const loadable = importer.imported();
  const progress = state.running?.progress;
  const save = async () => {
    setSaving("…");
    try {
      const report = state.runs.map((item) => ({
        layer: item.layer,
        files: item.groups.map((group) => group.label),
        ...(item.result
          ? { total: item.result.total, loaded: item.result.loaded, counts: item.result.report.counts, entries: item.result.report.entries }
          : { error: item.error }),
      }));
      const files = await datasetFolder(props.baseUrl, loadable, report, new Date().toISOString().slice(0, 10));
      downloadBlob(new Blob([zipSync(files)], { type: "application/zip" }), "dataset-with-import.zip");
      setSaving(null);
    } catch (error) {
      setSaving(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <section className="panel import-panel" data-testid="import-panel" aria-label={t("import.title")}>
      <header>
        <h2>{t("import.title")}</h2>
        <button type="button" onClick={props.onClose}>
          {t("import.close")}
        </button>
      </header>
      <p className="import-drop">
        {t("import.drop")}{" "}
        <button type="button" onClick={() => picker.current?.click()}>
          {t("import.pick")}
        </button>
        <input ref={picker} type="file" multiple hidden data-testid="import-input" onChange={(event) => importer.addFiles([...(event.target.files ?? [])])} />
        <br />
        <small>{t("import.formats")}</small>
      </p>
      {props.tiled ? (
        <p className="import-tiled">
          {t("import.tiled")} <a href="?data=data/kunming/manifest.json">{t("import.tiled.open")}</a>
        </p>
      ) : null}
      {state.groups.length > 0 ? (
        <ul className="import-files">
          {state.groups.map((group, index) => (
            <li key={`${group.label}-${index}`}>
              <span className="import-file">{group.label}</span>
              <select
                aria-label={t("import.layer")}
                data-testid="import-layer"
                value={group.layer ?? ""}
                onChange={(event) => importer.setGroupLayer(index, (event.target.value || null) as LayerName | null)}
              >
                <option value="">{t("import.layer.none")}</option>
                {LAYER_NAMES.map((layer) => (
                  <option key={layer} value={layer}>
                    {t(`layer.${layer}` as MessageKey)}
                  </option>
                ))}
              </select>
              <button type="button" onClick={() => importer.removeGroup(index)}>
                {t("import.remove")}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {state.groups.length > 0 ? (
        <div className="import-options">
          <label>
            {t("import.crs")}{" "}
            <select
              value={customCrs ? "custom" : state.crs}
              onChange={(event) => (event.target.value === "custom" ? setCustomCrs(true) : (setCustomCrs(false), importer.setCrs(event.target.value)))}
            >
              {CRS_CHOICES.map((choice) => (
                <option key={choice} value={choice}>
                  {choice === "" ? t("import.crs.auto") : CRS_LABELS[choice]}
                </option>
              ))}
              <option value="custom">{t("import.crs.custom")}</option>
            </select>
          </label>
          {customCrs ? <input aria-label={t("import.crs.custom")} placeholder="EPSG:4543" onChange={(event) => importer.setCrs(event.target.value)} /> : null}
          <label>
            {t("import.mode")}{" "}
            <select value={state.mode} onChange={(event) => importer.setMode(event.target.value as "join" | "replace")}>
              <option value="join">{t("import.mode.join")}</option>
              <option value="replace">{t("import.mode.replace")}</option>
            </select>
          </label>
          <label>
            <input type="checkbox" checked={state.outlinePoints} onChange={(event) => importer.setOutlinePoints(event.target.checked)} />{" "}
            {t("import.outline", { metres: POINT_OUTLINE_METRES })}
          </label>
          <button type="button" className="import-run" data-testid="import-run" disabled={state.running !== null} onClick={() => void importer.run()}>
            {t("import.run")}
          </button>
        </div>
      ) : null}
      {state.running ? (
        <div className="import-progress" data-testid="import-progress">
          <progress max={progress?.total || 1} value={progress?.done ?? 0} />
          {/* Before the text, which changes width as it counts: the button stays where it is. */}
          <button type="button" data-testid="import-cancel" onClick={importer.cancel}>
            {t("import.cancel")}
          </button>
          <span>
            {t("import.running", {
              layer: t(`layer.${state.running.layer}` as MessageKey),
              phase: progress
                ? progress.phase === "reading"
                  ? t("import.phase.reading", { done: (progress.done / 1048576).toFixed(1), total: (progress.total / 1048576).toFixed(1) })
                  : t("import.phase.checking", { done: progress.done, total: progress.total })
                : "…",
            })}
          </span>
        </div>
      ) : null}
      {state.runs.map((item) => (
        <div key={item.layer} className="import-layer-result">
          <h3>{t(`layer.${item.layer}` as MessageKey)}</h3>
          {item.error ? <p role="alert">{t("import.failed", { message: item.error })}</p> : null}
          {item.result ? (
            <>
              <MappingEditor
                key={JSON.stringify(item.result.sources[0]?.mapping ?? {})}
                layer={item.layer}
                columns={[...new Set(item.result.sources.flatMap((source) => source.columns))]}
                mapping={item.result.sources[0]?.mapping ?? {}}
                onRecheck={(mapping) => void importer.run({ layer: item.layer, mapping })}
              />
              <ImportReport result={item.result} language={props.language} onLocate={props.onLocate} />
            </>
          ) : null}
        </div>
      ))}
      {loadable.length > 0 && state.running === null ? (
        <div className="import-actions">
          <button type="button" data-testid="import-apply" disabled={props.tiled} onClick={() => void importer.apply()}>
            {t("import.apply")}
          </button>
          <button type="button" data-testid="import-save" onClick={() => void save()}>
            {t("import.save")}
          </button>
          {saving && saving !== "…" ? <p role="alert">{t("import.failed", { message: saving })}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
