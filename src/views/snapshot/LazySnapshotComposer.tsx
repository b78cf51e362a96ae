// The composer, loaded the first time it opens: its sheet, PDF and export-map code stays out of
// the explorer's first load.
import { lazy, Suspense } from "react";
import type { SnapshotComposerProps } from "./SnapshotComposer.tsx";

const SnapshotComposer = lazy(() => import("./SnapshotComposer.tsx").then((module) => ({ default: module.SnapshotComposer })));

export function LazySnapshotComposer(props: SnapshotComposerProps) {
  return (
    <Suspense fallback={null}>
      <SnapshotComposer {...props} />
    </Suspense>
  );
}
