// 昆明市 › 区 › 街道 › 社区 › 小区: where the selected unit sits; each step is a link up.
import type { Crumb } from "../../domain/dataset.ts";
import { useTranslate } from "../i18n/i18n.ts";

export interface BreadcrumbProps {
  root: string;
  crumbs: Crumb[];
  onChoose: (crumb: Crumb | null) => void;
}

export function Breadcrumb({ root, crumbs, onChoose }: BreadcrumbProps) {
  const t = useTranslate();
  return (
    <nav className="breadcrumb" aria-label={t("breadcrumb")} data-testid="breadcrumb">
      <button type="button" onClick={() => onChoose(null)} disabled={crumbs.length === 0}>
        {root}
      </button>
      {crumbs.map((crumb, index) => (
        <span key={`${crumb.layer}:${crumb.id}`}>
          <span aria-hidden="true"> › </span>
          <button
            type="button"
            onClick={() => onChoose(crumb)}
            disabled={index === crumbs.length - 1}
            aria-current={index === crumbs.length - 1 ? "location" : undefined}
          >
            {crumb.name}
          </button>
        </span>
      ))}
    </nav>
  );
}
