// The composer's settings: sheet preset, file type, title and subtitle, map credit, watermark
// and QR code.
import { useTranslate } from "../i18n/i18n.ts";
import { PRESET_NAMES, preset as presetByName, type PresetName } from "../../export/presets.ts";
import type { SheetSettings } from "./sheet-content.ts";
import type { SnapshotFormat } from "../../export/snapshot-query.ts";

export interface SnapshotOptionsProps {
  presetName: PresetName;
  onPresetChange: (name: PresetName) => void;
  format: SnapshotFormat;
  onFormatChange: (format: SnapshotFormat) => void;
  settings: SheetSettings;
  onSettingsChange: (patch: Partial<SheetSettings>) => void;
}

function usePresetLabel(): (name: PresetName) => string {
  const t = useTranslate();
  return (name) => {
    const preset = presetByName(name);
    const size = t("snapshot.size", { width: preset.widthPixels, height: preset.heightPixels });
    if (preset.kind === "slide") return `${t("snapshot.slide")} · ${size}`;
    return `${name.slice(0, 2).toUpperCase()} ${t(`snapshot.orientation.${preset.orientation}`)} ${preset.dpi} dpi · ${size}`;
  };
}

export function SnapshotOptions(props: SnapshotOptionsProps) {
  const t = useTranslate();
  const label = usePresetLabel();
  const { settings, onSettingsChange } = props;
  return (
    <div className="snapshot-options">
      <label className="snapshot-field">
        {t("snapshot.preset")}
        <select data-testid="snapshot-preset" value={props.presetName} onChange={(event) => props.onPresetChange(event.target.value as PresetName)}>
          {PRESET_NAMES.map((name) => (
            <option key={name} value={name}>
              {label(name)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="snapshot-formats">
        <legend>{t("snapshot.format")}</legend>
        {(["png", "pdf"] as const).map((format) => (
          <label key={format}>
            <input
              type="radio"
              name="snapshot-format"
              value={format}
              data-testid={`snapshot-format-${format}`}
              checked={props.format === format}
              onChange={() => props.onFormatChange(format)}
            />
            {t(`snapshot.format.${format}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="snapshot-contents">
        <legend>{t("snapshot.contents")}</legend>
        <label className="snapshot-field">
          {t("snapshot.sheetTitle")}
          <input type="text" data-testid="snapshot-title" value={settings.title} onChange={(event) => onSettingsChange({ title: event.target.value })} />
        </label>
        <label className="snapshot-field">
          {t("snapshot.sheetSubtitle")}
          <input
            type="text"
            data-testid="snapshot-subtitle"
            value={settings.subtitle}
            onChange={(event) => onSettingsChange({ subtitle: event.target.value })}
          />
        </label>
        <label className="snapshot-field">
          {t("snapshot.credit")}
          <input type="text" data-testid="snapshot-credit" value={settings.credit} onChange={(event) => onSettingsChange({ credit: event.target.value })} />
        </label>
        <label className="snapshot-check">
          <input
            type="checkbox"
            data-testid="snapshot-watermark"
            checked={settings.watermark}
            onChange={(event) => onSettingsChange({ watermark: event.target.checked })}
          />
          {t("snapshot.watermark")}
        </label>
        <label className="snapshot-check">
          <input type="checkbox" data-testid="snapshot-qr" checked={settings.qr} onChange={(event) => onSettingsChange({ qr: event.target.checked })} />
          {t("snapshot.qr")}
        </label>
      </fieldset>
    </div>
  );
}
