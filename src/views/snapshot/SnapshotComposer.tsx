// The snapshot composer: a modal dialog that turns the current view into a print-ready sheet
// (slides, A4 and A3 at 150 or 300 dpi; PNG or PDF) or an atlas of one page per unit.
import type { GapTableContent } from "../../export/panel-scene.ts";
import { useQuery } from "@tanstack/react-query";
import { useContext, useEffect, useMemo, useRef, useState } from "react";
import type { LayerName, Manifest } from "../../data/contract.ts";
import type { UnitReport } from "../../domain/analysis.ts";
import type { AtlasUnit } from "../../domain/atlas-units.ts";
import { engineClient } from "../data/engine-client.ts";
import { LanguageContext, useTranslate } from "../i18n/i18n.ts";
import type { LegendGroup } from "../shared/legend-items.ts";
import type { MapAdapter } from "../map/map-adapter.ts";
import { AtlasSection } from "./AtlasSection.tsx";
import { exportAtlas, exportSheet, type ExportResult } from "./export-actions.ts";
import { cameraForScreen } from "../../export/map-camera.ts";
import { DEFAULT_PRESET, preset as presetByName, type PresetName } from "../../export/presets.ts";
import { qrModules } from "../../export/qr.ts";
import type { SheetRequest } from "./sheet-export.ts";
import { defaultSubtitle, defaultTitle, kpiContent, sheetContent, type SheetSettings, type Translate } from "./sheet-content.ts";
import { SnapshotOptions } from "./SnapshotOptions.tsx";
import { SnapshotPreview } from "./SnapshotPreview.tsx";
import { sheetPermalink, type AtlasScope, type SnapshotFormat, type SnapshotRequest } from "../../export/snapshot-query.ts";
import { useFocusTrap } from "./use-focus-trap.ts";
import { useSnapshotSession } from "./use-snapshot-session.ts";
import { TileLoadError } from "./map-renderer.ts";
import "./snapshot.css";

export interface SnapshotArea {
  /** Name shown in the title and KPI box: the selected unit, or the dataset's area. */
  name: string;
  /** The selected district, street or community; null for the whole dataset. */
  layer: LayerName | null;
  code: string | null;
  report: UnitReport | undefined;
}

export interface SnapshotComposerProps {
  adapter: MapAdapter;
  legend: LegendGroup[];
  area: SnapshotArea;
  manifest: Manifest;
  /** The dataset's manifest URL: its engine lists each atlas page's gaps. */
  manifestUrl: string;
  /** The live view's URL (window.location.href); printed as a QR code. */
  permalink: string;
  /** Whether the dataset's engine has loaded (the atlas asks it for its pages). */
  engineReady: boolean;
  /**
   * The meeting sheet of a comparison: its title, and its table of changes in place of the gap
   * table (the map already shows the changes in colour).
   */
  changes?: { title: string; table: GapTableContent } | null;
  /** The earlier date the map shows, when the timeline is not at the data date. */
  viewDate?: string | null;
  /** Choices from the URL (parseSnapshotQuery). */
  request?: SnapshotRequest | null;
  onClose: () => void;
}

const NO_UNITS: readonly AtlasUnit[] = [];

type Status = { kind: "idle" } | { kind: "busy"; text: string } | { kind: "done"; result: ExportResult } | { kind: "failed"; message: string };

export function SnapshotComposer(props: SnapshotComposerProps) {
  const language = useContext(LanguageContext);
  // Stable per language, so memoised sheets are rebuilt only when their inputs change.
  const t: Translate = useTranslate();
  const { request, area, manifest } = props;
  // The legend comes memoised (useLegend): the sheet is redrawn only when it changes.
  const legend = props.legend;
  const session = useSnapshotSession(props.adapter, request?.maxTilePixels ?? null);
  const [presetName, setPresetName] = useState<PresetName>(request?.preset ?? DEFAULT_PRESET);
  const [format, setFormat] = useState<SnapshotFormat>(request?.format ?? "png");
  const [settings, setSettings] = useState<SheetSettings>(() => ({
    title: props.changes?.title ?? defaultTitle(area.name, t),
    subtitle: defaultSubtitle(legend, language),
    credit: manifest.credit ?? "",
    watermark: false,
    qr: true,
  }));
  // Until someone types a title, it follows the area: a view opened on a unit (a permalink, the
  // snapshot script) resolves its selection after the dialog has opened.
  const titleTyped = useRef(Boolean(props.changes));
  const automaticTitle = defaultTitle(area.name, t);
  useEffect(() => {
    if (!titleTyped.current) setSettings((current) => (current.title === automaticTitle ? current : { ...current, title: automaticTitle }));
  }, [automaticTitle]);
  const changeSettings = (patch: Partial<SheetSettings>) => {
    if (patch.title !== undefined) titleTyped.current = true;
    setSettings((current) => ({ ...current, ...patch }));
  };
  const [scope, setScope] = useState<AtlasScope>(request?.atlas ?? "streets");
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [qr, setQr] = useState<boolean[][] | null>(null);
  const permalink = useMemo(() => sheetPermalink(props.permalink), [props.permalink]);
  const abort = useRef<AbortController | null>(null);
  const dialog = useRef<HTMLDivElement>(null);
  useFocusTrap(dialog, () => {
    abort.current?.abort();
    props.onClose();
  });

  useEffect(() => {
    let cancelled = false;
    void qrModules(permalink).then((modules) => !cancelled && setQr(modules));
    return () => {
      cancelled = true;
    };
  }, [permalink]);

  const preset = useMemo(() => presetByName(presetName), [presetName]);
  const [madeOn] = useState(() => new Date());
  const viewDate = props.viewDate ?? null;
  const base = useMemo(
    () => ({ settings, manifest, legend, language, t, madeOn, paper: preset.kind === "paper", viewDate }),
    [settings, manifest, legend, language, t, madeOn, preset, viewDate],
  );
  const kpi = useMemo(() => kpiContent(area.name, area.report, t), [area.name, area.report, t]);
  const changeTable = props.changes?.table;
  const sheetRequest = useMemo(
    (): SheetRequest => ({
      preset,
      content: sheetContent({ ...base, kpi, gaps: changeTable ?? null, qr }),
      frameCamera: (frame) => cameraForScreen(session.view, frame),
      style: session.style,
      focus: null,
    }),
    [preset, base, kpi, qr, session, changeTable],
  );
  // The engine's model has every unit's outline, tiled datasets included.
  const atlas = useQuery({
    queryKey: ["engine-atlas", props.manifestUrl, scope, area.layer, area.code],
    queryFn: () => engineClient(props.manifestUrl).atlasUnits(scope, { layer: area.layer, code: area.code }),
    enabled: props.engineReady,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const units = atlas.data ?? NO_UNITS;
  const busy = status.kind === "busy";

  const run = async (job: () => Promise<ExportResult>, text: string) => {
    setStatus({ kind: "busy", text });
    try {
      setStatus({ kind: "done", result: await job() });
    } catch (error) {
      const message =
        error instanceof TileLoadError
          ? t("snapshot.tilesFailed", { count: error.failures.length, file: error.failures[0]?.file ?? "", tile: error.failures[0]?.tile ?? "" })
          : error instanceof Error
            ? error.message
            : String(error);
      setStatus({ kind: "failed", message });
    }
  };
  const exportOne = () => void run(() => exportSheet(session, sheetRequest, format, language === "zh" ? "zh-CN" : "en"), t("snapshot.exporting"));
  const exportPages = () => {
    abort.current = new AbortController();
    const signal = abort.current.signal;
    void run(
      () =>
        exportAtlas(session, {
          manifestUrl: props.manifestUrl,
          preset,
          units,
          base,
          permalink,
          fileTitle: `${settings.title}-${t(`snapshot.atlas.${scope}`)}`,
          language: language === "zh" ? "zh-CN" : "en",
          signal,
          onProgress: (page, total) => setStatus({ kind: "busy", text: t("snapshot.atlas.progress", { page, total }) }),
        }),
      t("snapshot.exporting"),
    );
  };
  const close = () => {
    abort.current?.abort();
    props.onClose();
  };

  const done = status.kind === "done" ? status.result : null;
  // A sheet is drawn in tiles stitched edge to edge, which a perspective view does not allow: the
  // 3D sandtable exports as the map seen from straight above, and says so.
  const [tilted] = useState(() => props.adapter.map.getPitch() > 0);
  return (
    <div className="snapshot-backdrop">
      <div
        ref={dialog}
        className="snapshot-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="snapshot-heading"
        data-testid="snapshot-composer"
        data-status={status.kind}
        data-kpi-ready={area.report ? "true" : "false"}
        data-export-ms={done ? Math.round(done.totalMs) : undefined}
        data-map-ms={done ? Math.round(done.mapMs) : undefined}
        data-encode-ms={done ? Math.round(done.encodeMs) : undefined}
        data-wait-ms={done ? Math.round(done.waitMs) : undefined}
        data-tiles={done?.tiles}
        data-retries={done?.retries}
        data-pages={done?.pages}
        data-unembedded={done ? done.unembedded.join("") : undefined}
        data-frames={done ? JSON.stringify(done.frames) : undefined}
      >
        <header className="snapshot-header">
          <h2 id="snapshot-heading">{t("snapshot.dialog")}</h2>
          <button type="button" className="snapshot-close" aria-label={t("close")} onClick={close}>
            ×
          </button>
        </header>
        {request?.unknownPreset ? <p className="snapshot-warning">{t("snapshot.unknownPreset", { name: request.unknownPreset })}</p> : null}
        {tilted ? (
          <p className="snapshot-warning" data-testid="snapshot-flat">
            {t("snapshot.flat3d")}
          </p>
        ) : null}
        <div className="snapshot-body">
          <div className="snapshot-side">
            <SnapshotOptions
              presetName={presetName}
              onPresetChange={setPresetName}
              format={format}
              onFormatChange={setFormat}
              settings={settings}
              onSettingsChange={changeSettings}
            />
            <AtlasSection
              available={atlas.data !== undefined}
              scope={scope}
              onScopeChange={setScope}
              areaName={area.name}
              pageCount={units.length}
              busy={busy}
              onExport={exportPages}
            />
          </div>
          <SnapshotPreview session={session} request={sheetRequest} />
        </div>
        <footer className="snapshot-footer">
          <p className="snapshot-status" data-testid="snapshot-status" role="status">
            {status.kind === "busy"
              ? status.text
              : status.kind === "done"
                ? t("snapshot.done", { file: status.result.fileName })
                : status.kind === "failed"
                  ? t("snapshot.failed", { message: status.message })
                  : ""}
          </p>
          {done?.fontProblem ? (
            <p className="snapshot-warning" data-testid="snapshot-font-note">
              {t("snapshot.fontMissing", { problem: done.fontProblem })}
            </p>
          ) : done && done.unembedded.length > 0 ? (
            <p className="snapshot-warning" data-testid="snapshot-font-note">
              {t("snapshot.unembedded", { count: done.unembedded.length, characters: done.unembedded.slice(0, 12).join("") })}
            </p>
          ) : null}
          <button type="button" onClick={close}>
            {t("snapshot.cancel")}
          </button>
          <button type="button" className="snapshot-primary" data-testid="snapshot-export" disabled={busy} onClick={exportOne}>
            {t("snapshot.export")}
          </button>
        </footer>
      </div>
    </div>
  );
}
