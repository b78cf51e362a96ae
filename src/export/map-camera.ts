// Where the export map looks and at what size it draws: pure Web Mercator maths (EPSG:4326 in,
// 512-pixel world at zoom 0 as MapLibre uses), so the sheet shows the screen's extent and the
// tiles of a big map line up pixel for pixel.

export interface SheetCamera {
  longitude: number;
  latitude: number;
  zoom: number;
  /** Degrees clockwise from north that point up on the map. */
  bearing: number;
  /** Sheet units per map CSS pixel: how much bigger than on screen the map draws on the sheet. */
  scale: number;
}

export interface ScreenView {
  longitude: number;
  latitude: number;
  zoom: number;
  bearing: number;
  /** Size of the screen map in CSS pixels. */
  width: number;
  height: number;
}

const WORLD_PIXELS = 512;
const MAX_LATITUDE = 85.051129;

/**
 * The screen's view on a sheet frame (sheet units): same centre, zoom and bearing, so the same
 * layers and label sizes relative to the map; drawn `scale` times larger so the whole screen
 * extent fits the frame, and the frame's longer side shows a little more around it.
 */
export function cameraForScreen(view: ScreenView, frame: { width: number; height: number }): SheetCamera {
  const scale = Math.min(frame.width / Math.max(1, view.width), frame.height / Math.max(1, view.height));
  return { longitude: view.longitude, latitude: view.latitude, zoom: view.zoom, bearing: view.bearing, scale };
}

function project(longitude: number, latitude: number): [number, number] {
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, latitude));
  const sine = Math.sin((clamped * Math.PI) / 180);
  return [(longitude + 180) / 360, 0.5 - Math.log((1 + sine) / (1 - sine)) / (4 * Math.PI)];
}

function unproject(x: number, y: number): [number, number] {
  const longitude = x * 360 - 180;
  const latitude = (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
  return [longitude, latitude];
}

/**
 * A camera framing a bounding box [west, south, east, north] (degrees) in a frame of sheet units
 * with `padding` units on every side, at sheet scale 1 and never past `maxZoom`.
 */
export function cameraForBounds(
  bbox: readonly [number, number, number, number],
  frame: { width: number; height: number },
  padding: number,
  maxZoom = 17,
): SheetCamera {
  const [west, south, east, north] = bbox;
  const [left, bottom] = project(west, south);
  const [right, top] = project(east, north);
  const spanX = Math.max(right - left, 1e-9) * WORLD_PIXELS;
  const spanY = Math.max(bottom - top, 1e-9) * WORLD_PIXELS;
  const zoom = Math.min(maxZoom, Math.log2(Math.min((frame.width - 2 * padding) / spanX, (frame.height - 2 * padding) / spanY)));
  const [longitude, latitude] = unproject((left + right) / 2, (top + bottom) / 2);
  return { longitude, latitude, zoom, bearing: 0, scale: 1 };
}

/**
 * The centre of a map moved by (dx, dy) CSS pixels on screen (right, down), with the map rotated
 * by `bearing`: the camera of one tile of a bigger map.
 */
export function offsetCentre(camera: Pick<SheetCamera, "longitude" | "latitude" | "zoom" | "bearing">, dx: number, dy: number): [number, number] {
  const worldSize = WORLD_PIXELS * 2 ** camera.zoom;
  const angle = (camera.bearing * Math.PI) / 180;
  const worldDx = dx * Math.cos(angle) - dy * Math.sin(angle);
  const worldDy = dx * Math.sin(angle) + dy * Math.cos(angle);
  const [x, y] = project(camera.longitude, camera.latitude);
  return unproject(x + worldDx / worldSize, y + worldDy / worldSize);
}

export interface MapTile {
  /** The part of the whole map this tile fills, in device pixels from the map's top-left corner. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The canvas the tile is drawn on: that part plus an overlap on sides with a neighbour. */
  canvasX: number;
  canvasY: number;
  canvasWidth: number;
  canvasHeight: number;
}

/**
 * Cuts a map of `width` × `height` device pixels into tiles whose canvases stay within
 * `maxCanvas` pixels a side. Tiles overlap by `overlap` pixels on inner edges so labels near a seam
 * are placed with the same neighbours in both tiles; the overlap is cropped away when stitching.
 */
export function tilePlan(width: number, height: number, maxCanvas: number, overlap: number): MapTile[] {
  const axis = (length: number) => {
    if (length <= maxCanvas) return [{ start: 0, size: length, before: 0, after: 0 }];
    const inner = maxCanvas - 2 * overlap;
    if (inner <= 0) throw new Error(`tile overlap ${overlap} px leaves no room in a ${maxCanvas} px canvas`);
    const count = Math.ceil(length / inner);
    const size = Math.ceil(length / count);
    return Array.from({ length: count }, (_, index) => {
      const start = index * size;
      const end = Math.min(length, start + size);
      return { start, size: end - start, before: index > 0 ? overlap : 0, after: index < count - 1 ? overlap : 0 };
    });
  };
  return axis(height).flatMap((row) =>
    axis(width).map((column) => ({
      x: column.start,
      y: row.start,
      width: column.size,
      height: row.size,
      canvasX: column.start - column.before,
      canvasY: row.start - row.before,
      canvasWidth: column.size + column.before + column.after,
      canvasHeight: row.size + row.before + row.after,
    })),
  );
}
