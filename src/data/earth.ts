// How many metres a degree is, in the few figures the code uses, all defined here once. They differ
// on purpose and each is kept to its last digit: the engine's distances, the generated data and the
// tests were all computed with theirs.
//
// - The engine (src/domain/geo.ts) measures on a sphere of the WGS84 mean radius: one degree is
//   111,194.9 m, of latitude anywhere and of longitude at the equator.
// - The generator (data/scripts) and the importer use the WGS84 ellipsoid's equatorial figures:
//   111,320 m in a degree of longitude (times the cosine of the latitude elsewhere) and 110,574 m
//   in a degree of latitude.
// - Web Mercator, as MapLibre draws it, is the equator's length spread over a 512-pixel world.

/** WGS84 mean radius: the sphere the engine measures distances on (haversine). */
export const EARTH_RADIUS_METRES = 6_371_008.8;
/** Metres in one degree of a great circle on that sphere: of latitude, and of longitude at the equator. */
export const METRES_PER_DEGREE = EARTH_RADIUS_METRES * (Math.PI / 180);

/** Metres in one degree of longitude at the equator (WGS84 ellipsoid); elsewhere times cos(latitude). */
export const METRES_PER_DEGREE_LONGITUDE_AT_EQUATOR = 111_320;
/** Metres in one degree of latitude (WGS84 ellipsoid at the equator; 0.1-0.25% short at Yunnan's 21-29° N). */
export const METRES_PER_DEGREE_LATITUDE = 110_574;

/** The equator's length (WGS84): the width of the Web Mercator world. */
export const EARTH_CIRCUMFERENCE_METRES = 40_075_016.686;
/** Web Mercator metres per CSS pixel at zoom 0 on the equator (512-pixel world, as MapLibre draws it). */
export const METRES_PER_PIXEL_AT_ZOOM_ZERO = EARTH_CIRCUMFERENCE_METRES / 512;
