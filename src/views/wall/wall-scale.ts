// Panels are laid out on a 1920×1080 design grid and sized by one factor: text and borders are
// drawn at the screen's real resolution (CSS lengths × factor), never as a scaled bitmap, and the
// map is not scaled at all (a CSS-transformed WebGL canvas misplaces clicks). Pure.

export const DESIGN_WIDTH = 1920;
export const DESIGN_HEIGHT = 1080;

/** Below half size the panels would be unreadable; past 8× no wall is that large. */
const SMALLEST = 0.5;
const LARGEST = 8;

/**
 * The factor that fits the design grid's height and width into the screen (CSS pixels). A wall
 * wider than 16:9 (3×1 at 5760×1080, 4×2 at 7680×2160) is sized by its height: the side panels
 * keep their proportions and the map takes the extra width.
 */
export function wallScale(width: number, height: number): number {
  if (!(width > 0 && height > 0)) return 1;
  const fit = Math.min(width / DESIGN_WIDTH, height / DESIGN_HEIGHT);
  return Math.round(Math.min(LARGEST, Math.max(SMALLEST, fit)) * 10_000) / 10_000;
}
