// The column-mapping step: each field of the layer with the file's column it is read from, as the
// import guessed it, changeable before checking again. Required fields are marked.
import { useState } from "react";
import type { LayerName } from "../../data/contract.ts";
import { layerFields, requiredFields, type ColumnMapping } from "../../data/import/columns.ts";
import { useTranslate } from "../i18n/i18n.ts";

export interface MappingEditorProps {
  layer: LayerName;
  columns: readonly string[];
  mapping: ColumnMapping;
  onRecheck: (mapping: ColumnMapping) => void;
}

export function MappingEditor({ layer, columns, mapping, onRecheck }: MappingEditorProps) {
  const t = useTranslate();
  const [edited, setEdited] = useState<ColumnMapping>(mapping);
  const required = new Set(requiredFields(layer));
  return (
    <details className="import-mapping" open={columns.length > 0 && requiredFields(layer).some((field) => mapping[field] === undefined && field !== "id")}>
      <summary>{t("import.mapping")}</summary>
      <table>
        <thead>
          <tr>
            <th>{t("import.mapping.field")}</th>
            <th>{t("import.mapping.column")}</th>
          </tr>
        </thead>
        <tbody>
          {layerFields(layer).map((field) => (
            <tr key={field}>
              <td>
                {field}
                {required.has(field) ? <span className="import-required"> · {t("import.mapping.required")}</span> : null}
              </td>
              <td>
                <select
                  aria-label={field}
                  data-field={field}
                  value={edited[field] ?? ""}
                  onChange={(event) => setEdited({ ...edited, [field]: event.target.value || undefined })}
                >
                  <option value="">{t("import.mapping.none")}</option>
                  {columns.map((column) => (
                    <option key={column} value={column}>
                      {column}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => onRecheck(edited)}>
        {t("import.recheck")}
      </button>
    </details>
  );
}
