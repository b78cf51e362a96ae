// The gap list as an Excel workbook in the interface language. GapListPanel imports this module
// dynamically, so the XLSX writer and its zip library stay out of the initial bundle.
import type { Gap } from "../../../domain/gaps.ts";
import { gapsToXlsx as encodeXlsx, type GapWorkbookInfo } from "../../../export/gap-xlsx.ts";
import { gapText } from "./gap-export.ts";
import type { Language } from "../../i18n/i18n.ts";

export { XLSX_MIME } from "../../../export/gap-xlsx.ts";

export function gapsToXlsx(gaps: readonly Gap[], info: GapWorkbookInfo & { language: Language }): Uint8Array<ArrayBuffer> {
  return encodeXlsx(gaps, info, gapText(info.language));
}
