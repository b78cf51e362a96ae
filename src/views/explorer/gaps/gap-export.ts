// The gap list's exports in the interface language: the pure encoders of src/export with the
// message tables bound, and the download. The XLSX binding is gap-workbook.ts, loaded on demand.
import type { Gap } from "../../../domain/gaps.ts";
import { gapsToCsv as encodeCsv, type GapTableText } from "../../../export/gap-csv.ts";
import type { GapWorkbookKey } from "../../../export/gap-xlsx.ts";
import { translate, type Language } from "../../i18n/i18n.ts";
import { downloadBlob } from "../../snapshot/download.ts";

/** The gap tables' words in one language; a key the messages lack does not compile. */
export function gapText(language: Language): GapTableText<GapWorkbookKey> {
  return { language, t: (key) => translate(language, key) };
}

/** The list as CSV in the given language; `notes` follow the rows (see export/gap-csv.ts). */
export function gapsToCsv(gaps: readonly Gap[], language: Language, notes: readonly string[] = []): string {
  return encodeCsv(gaps, gapText(language), notes);
}

export function downloadText(text: string, fileName: string, type = "text/csv;charset=utf-8"): void {
  downloadBlob(new Blob([text], { type }), fileName);
}
