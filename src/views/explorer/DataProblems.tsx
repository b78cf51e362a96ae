// Lists what went wrong with the data, file by file and feature by feature; the map keeps working.
import { describeIssue, type DataError } from "../../data/validate.ts";
import { useTranslate } from "../i18n/i18n.ts";

export function DataProblems({ errors, warnings }: { errors: DataError[]; warnings: string[] }) {
  const t = useTranslate();
  if (errors.length === 0 && warnings.length === 0) return null;
  return (
    <section className="panel data-problems" role="alert" data-testid="data-problems">
      {errors.length > 0 ? <h2>{t("dataErrors")}</h2> : null}
      {errors.map((error) => (
        <details key={error.file} open>
          <summary>{error.file}</summary>
          <ul>
            {error.issues.slice(0, 10).map((issue, index) => (
              <li key={index}>{describeIssue(issue)}</li>
            ))}
          </ul>
          {error.totalIssues > 10 ? <p>{t("moreIssues", { count: error.totalIssues - 10 })}</p> : null}
        </details>
      ))}
      {warnings.map((warning) => (
        <p key={warning} className="warning">
          {t("warning")}:{warning}
        </p>
      ))}
    </section>
  );
}
