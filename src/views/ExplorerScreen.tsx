// The desk view: header, map, layer panel, data problems and the source note.
import { useMemo } from "react";
import { countFeatures } from "../domain/dataset.ts";
import type { LayerVisibility, OverlayLayer } from "../layers/deck-layers.ts";
import { DataProblems } from "./DataProblems.tsx";
import { Header } from "./Header.tsx";
import type { Language } from "./i18n.ts";
import { useTranslate } from "./i18n.ts";
import { LayerPanel } from "./LayerPanel.tsx";
import { MapView } from "./map/MapView.tsx";
import type { Camera } from "./map/map-adapter.ts";
import { SourceNote } from "./SourceNote.tsx";
import { useDataset } from "./use-dataset.ts";

export interface ExplorerScreenProps {
  manifestUrl: string;
  waterUrl: string;
  language: Language;
  visibility: LayerVisibility;
  initialCamera: Camera | null;
  debug: boolean;
  onLanguageChange: (language: Language) => void;
  onVisibilityChange: (visibility: LayerVisibility) => void;
  onCameraChange: (camera: Camera) => void;
}

export function ExplorerScreen(props: ExplorerScreenProps) {
  const t = useTranslate();
  const { manifest, dataset, water, errors, warnings, loading } = useDataset(props.manifestUrl, props.waterUrl);
  const counts = useMemo(() => (dataset ? countFeatures(dataset.layers) : undefined), [dataset]);
  const toggle = (layer: OverlayLayer, visible: boolean) => props.onVisibilityChange({ ...props.visibility, [layer]: visible });
  return (
    <div className="explorer">
      <Header manifest={manifest} language={props.language} onLanguageChange={props.onLanguageChange} />
      <main className="explorer-main">
        <MapView
          dataset={dataset}
          water={water}
          settled={!loading}
          visibility={props.visibility}
          initialCamera={props.initialCamera}
          onCameraChange={props.onCameraChange}
          exposeForDebugging={props.debug}
        />
        <aside className="explorer-side">
          {loading ? <p className="loading">{t("loading")}</p> : null}
          <LayerPanel visibility={props.visibility} counts={counts} onToggle={toggle} />
          <DataProblems errors={errors} warnings={warnings} />
        </aside>
        {manifest ? <SourceNote manifest={manifest} /> : null}
      </main>
    </div>
  );
}
