// One layer's data-quality report: what loads and what does not, the coordinate system and why,
// and every problem with its file, feature or row, field and words, in the panel's language.
// Names from the user's files are rendered as text by React, never as HTML.
import { entryMessage, entryPlace, severityWord } from "../../data/import/messages.ts";
import type { ReportEntry } from "../../data/import/report.ts";
import type { WorkerImportResult } from "../../workers/import-api.ts";
import { useTranslate, type Language } from "../i18n/i18n.ts";

/** Entries shown in the panel; the rest are counted (and all go into report.json). */
const SHOWN = 200;

export interface ImportReportProps {
  result: WorkerImportResult;
  language: Language;
  onLocate: (position: [number, number]) => void;
}

export function ImportReport({ result, language, onLocate }: ImportReportProps) {
  const t = useTranslate();
  const { report } = result;
  const omitted = Object.values(report.omitted).reduce((sum, count) => sum + (count ?? 0), 0);
  // Errors and warnings first and open; notes (columns read, coercions, the coordinate system) folded.
  const problems = report.entries.filter((entry) => entry.severity !== "info");
  const notes = report.entries.filter((entry) => entry.severity === "info");
  const hidden = Math.max(0, problems.length - SHOWN) + Math.max(0, notes.length - SHOWN) + omitted;
  return (
    <div className="import-report" data-testid={`import-report-${result.layer}`}>
      <p className="import-summary" data-testid="import-summary">
        {t("import.summary", { total: result.total, loaded: result.loaded, rejected: result.total - result.loaded })}
        <br />
        {t("import.counts", { error: report.counts.error, warning: report.counts.warning, info: report.counts.info })}
      </p>
      {result.sources.map((source) =>
        source.crs ? (
          <p key={source.file} className="import-crs">
            {source.file}: {t("import.crsUsed", { crs: `${source.crs.id === "PRJ" ? source.crs.label : source.crs.id}${source.crs.swapped ? " ⇄" : ""}` })}
          </p>
        ) : null,
      )}
      <EntryList entries={problems.slice(0, SHOWN)} language={language} onLocate={onLocate} />
      {notes.length > 0 ? (
        <details className="import-notes">
          <summary>{t("import.notes", { count: notes.length })}</summary>
          <EntryList entries={notes.slice(0, SHOWN)} language={language} onLocate={onLocate} />
        </details>
      ) : null}
      {hidden > 0 ? <p className="import-more">{t("import.more", { count: hidden })}</p> : null}
    </div>
  );
}

function EntryList({ entries, language, onLocate }: { entries: readonly ReportEntry[]; language: Language; onLocate: (position: [number, number]) => void }) {
  const t = useTranslate();
  if (entries.length === 0) return null;
  return (
    <ul className="import-entries">
      {entries.map((entry, index) => (
        <li key={index} className={`import-entry import-entry-${entry.severity}`} data-code={entry.code}>
          <span className="import-severity">{severityWord(entry.severity, language)}</span> <span className="import-place">{entryPlace(entry, language)}</span>
          <span className="import-message">{entryMessage(entry, language)}</span>
          {entry.location ? (
            <button type="button" className="import-locate" onClick={() => entry.location && onLocate(entry.location)}>
              {t("import.locate")}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
