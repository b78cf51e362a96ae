// The preview: the sheet drawn by the export's own code at a density that fits the dialog, so
// what is seen is what is saved, only smaller.
import { useEffect, useRef, useState } from "react";
import { useTranslate } from "../i18n/i18n.ts";
import { paintScene } from "../../export/canvas-painter.ts";
import { renderSheet, type SheetRequest } from "./sheet-export.ts";
import type { SnapshotSession } from "./use-snapshot-session.ts";

/** The box the preview fits in, in CSS pixels. */
const PREVIEW_BOX = { width: 760, height: 520 };
/** Typing waits this long before the sheet is drawn again. */
const DEBOUNCE_MS = 250;

export interface SnapshotPreviewProps {
  session: SnapshotSession;
  /** Memoised: a new object draws again. */
  request: SheetRequest;
}

export function SnapshotPreview({ session, request }: SnapshotPreviewProps) {
  const t = useTranslate();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // The request last drawn, and the one that failed: the state follows from them.
  const [drawn, setDrawn] = useState<{ request: SheetRequest; failed: boolean } | null>(null);
  const state = drawn?.request !== request ? "drawing" : drawn.failed ? "failed" : "ready";
  const fit = Math.min(PREVIEW_BOX.width / request.preset.widthUnits, PREVIEW_BOX.height / request.preset.heightUnits);
  const cssWidth = Math.round(request.preset.widthUnits * fit);
  const cssHeight = Math.round(request.preset.heightUnits * fit);

  useEffect(() => {
    let cancelled = false;
    const density = fit * Math.max(1, window.devicePixelRatio || 1);
    const timer = setTimeout(() => {
      session
        .run((renderer) => (cancelled ? Promise.resolve(null) : renderSheet(renderer, session.measure, request, density)))
        .then((sheet) => {
          const canvas = canvasRef.current;
          const context = canvas?.getContext("2d");
          if (!sheet || cancelled || !canvas || !context) return;
          canvas.width = Math.round(request.preset.widthUnits * density);
          canvas.height = Math.round(request.preset.heightUnits * density);
          paintScene(context, sheet.scene, density, sheet.map);
          setDrawn({ request, failed: false });
        })
        .catch((error: unknown) => {
          if (cancelled) return;
          console.error(error);
          setDrawn({ request, failed: true });
        });
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [session, request, fit]);

  return (
    <figure className="snapshot-preview" data-testid="snapshot-preview" data-state={state}>
      <canvas
        ref={canvasRef}
        style={{ width: `${cssWidth}px`, height: `${cssHeight}px` }}
        role="img"
        aria-label={`${t("snapshot.preview")}: ${request.content.title}`}
      />
      <figcaption>{state === "drawing" ? t("snapshot.previewDrawing") : t("snapshot.previewNote")}</figcaption>
    </figure>
  );
}
