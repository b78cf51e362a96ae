// Files dropped anywhere on the page open the import panel with them: a command centre's staff
// drag a spreadsheet from the desktop onto the map, not into a small target.
import { useEffect, useState } from "react";

export interface Dropped {
  id: number;
  files: File[];
}

const carriesFiles = (event: DragEvent) => [...(event.dataTransfer?.types ?? [])].includes("Files");

export function useFileDrop(enabled: boolean): Dropped | null {
  const [dropped, setDropped] = useState<Dropped | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
    };
    const drop = (event: DragEvent) => {
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      event.preventDefault();
      setDropped((old) => ({ id: (old?.id ?? 0) + 1, files }));
    };
    window.addEventListener("dragover", over);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragover", over);
      window.removeEventListener("drop", drop);
    };
  }, [enabled]);
  return dropped;
}
