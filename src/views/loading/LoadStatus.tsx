// The progress line over the map: what has loaded, what is loading (bytes of the engine's table),
// what the engine is computing, and what failed with the file it came from. Gone once all is done.
import { useState } from "react";
import { useTranslate, type MessageKey } from "../i18n/i18n.ts";
import { needsAttention, type LoadStep } from "./load-steps.ts";
import "./load-status.css";

const MARK: Record<LoadStep["state"], string> = { waiting: "·", loading: "…", done: "✓", failed: "✕" };
const megabytes = (bytes: number) => (bytes / 1_000_000).toFixed(1);

function StepDetail({ step }: { step: LoadStep }) {
  const t = useTranslate();
  if (step.state === "failed") {
    return <span className="load-error">{step.id === "map" ? t("load.tilesFailed", { count: step.error ?? "" }) : step.error}</span>;
  }
  if (step.bytes) {
    const { loaded, total } = step.bytes;
    return total ? (
      <>
        <progress max={total} value={Math.min(loaded, total)} />
        <span>{t("load.bytes", { loaded: megabytes(loaded), total: megabytes(total) })}</span>
      </>
    ) : (
      <span>{t("load.bytesUnknown", { loaded: megabytes(loaded) })}</span>
    );
  }
  return step.stage ? <span>{t(`load.stage.${step.stage}` as MessageKey)}</span> : null;
}

export function LoadStatus({ steps }: { steps: readonly LoadStep[] }) {
  const t = useTranslate();
  const [dismissed, setDismissed] = useState(false);
  if (dismissed || !needsAttention(steps)) return null;
  const failed = steps.some((step) => step.state === "failed");
  return (
    <section
      className={`load-status${failed ? " load-status-failed" : ""}`}
      role="status"
      aria-live="polite"
      aria-label={t("load.title")}
      data-testid="load-status"
    >
      <ol>
        {steps.map((step) => (
          <li key={step.id} className={`load-step load-${step.state}`} data-step={step.id} data-state={step.state}>
            <span className="load-mark" title={t(`load.state.${step.state}` as MessageKey)}>
              {MARK[step.state]}
            </span>
            <span className="load-name">{t(`load.${step.id}` as MessageKey)}</span>
            {step.file && step.state !== "done" ? <code>{step.file}</code> : null}
            <StepDetail step={step} />
          </li>
        ))}
      </ol>
      {failed ? (
        <p className="load-rest">
          {t("load.rest")}
          <button type="button" onClick={() => setDismissed(true)}>
            {t("load.dismiss")}
          </button>
        </p>
      ) : null}
    </section>
  );
}
