// How much larger the explorer draws its panels and map labels on a big screen at 100% scaling:
// the same breakpoints as the CSS zoom of the panels (app/styles.css), so labels keep their
// proportion to the panels on a 4K monitor.
import { useSyncExternalStore } from "react";

const BREAKPOINTS: ReadonlyArray<[query: string, zoom: number]> = [
  ["(min-width: 3000px)", 1.7],
  ["(min-width: 2200px)", 1.3],
];

function current(): number {
  if (typeof window === "undefined" || !window.matchMedia) return 1;
  return BREAKPOINTS.find(([query]) => window.matchMedia(query).matches)?.[1] ?? 1;
}

function subscribe(onChange: () => void): () => void {
  if (typeof window === "undefined" || !window.matchMedia) return () => undefined;
  const lists = BREAKPOINTS.map(([query]) => window.matchMedia(query));
  for (const list of lists) list.addEventListener("change", onChange);
  return () => {
    for (const list of lists) list.removeEventListener("change", onChange);
  };
}

export function useScreenZoom(): number {
  return useSyncExternalStore(subscribe, current, () => 1);
}
