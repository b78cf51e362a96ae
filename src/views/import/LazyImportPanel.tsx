// The import panel, loaded the first time it opens (a drop or 导入数据): its code, the zip writer
// and the column tables stay out of the explorer's first load.
import { lazy, Suspense } from "react";
import type { ImportPanelProps } from "./ImportPanel.tsx";

const ImportPanel = lazy(() => import("./ImportPanel.tsx").then((module) => ({ default: module.ImportPanel })));

export function LazyImportPanel(props: ImportPanelProps) {
  return (
    <Suspense fallback={null}>
      <ImportPanel {...props} />
    </Suspense>
  );
}
