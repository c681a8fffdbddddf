/**
 * Low-precision apparent direction of Venus from the Earth, for orientation checks on real
 * all-sky frames (a bright point of light at a predictable azimuth and elevation). Keplerian
 * elements and rates from E. M. Standish, "Keplerian Elements for Approximate Positions of the
 * Major Planets" (JPL/SSD), Table 1 (valid 1800–2050; Venus error well under 1 arcminute in
 * RA/Dec there, far below the 0.5° pixel scale of a 256-pixel fisheye).
 */

interface Elements {
  /** [value at J2000, rate per Julian century] for a (au), e, I, L, long. perihelion, long. node (deg). */
  readonly a: readonly [number, number];
  readonly e: readonly [number, number];
  readonly inclinationDeg: readonly [number, number];
  readonly meanLongitudeDeg: readonly [number, number];
  readonly perihelionDeg: readonly [number, number];
  readonly nodeDeg: readonly [number, number];
}

// Standish, Table 1: Venus.
const VENUS: Elements = {
  a: [0.72333566, 0.0000039],
  e: [0.00677672, -0.00004107],
  inclinationDeg: [3.39467605, -0.0007889],
  meanLongitudeDeg: [181.9790995, 58517.81538729],
  perihelionDeg: [131.60246718, 0.00268329],
  nodeDeg: [76.67984255, -0.27769418],
};

// Standish, Table 1: Earth–Moon barycentre.
const EARTH_MOON: Elements = {
  a: [1.00000261, 0.00000562],
  e: [0.01671123, -0.00004392],
  inclinationDeg: [-0.00001531, -0.01294668],
  meanLongitudeDeg: [100.46457166, 35999.37244981],
  perihelionDeg: [102.93768193, 0.32327364],
  nodeDeg: [0, 0],
};

const RAD = Math.PI / 180;
/** Obliquity of the ecliptic at J2000, 23°26'21.448" (IAU 1976). */
const OBLIQUITY_J2000_DEG = 23.43929111;
/** Unix ms of J2000.0 (2000-01-01T12:00:00 TT ≈ 11:58:55.816 UTC; the 64 s difference is negligible here). */
const J2000_UNIX_MS = Date.UTC(2000, 0, 1, 12);

function heliocentricEcliptic(el: Elements, centuries: number): [number, number, number] {
  const at = ([v, rate]: readonly [number, number]) => v + rate * centuries;
  const a = at(el.a);
  const e = at(el.e);
  const inc = at(el.inclinationDeg) * RAD;
  const node = at(el.nodeDeg) * RAD;
  const perihelion = at(el.perihelionDeg) * RAD;
  const argPerihelion = perihelion - node;
  const meanAnomaly = at(el.meanLongitudeDeg) * RAD - perihelion;
  // Kepler's equation E - e sin E = M by Newton iteration.
  let E = meanAnomaly + e * Math.sin(meanAnomaly);
  for (let i = 0; i < 10; i++) E -= (E - e * Math.sin(E) - meanAnomaly) / (1 - e * Math.cos(E));
  const xOrbit = a * (Math.cos(E) - e);
  const yOrbit = a * Math.sqrt(1 - e * e) * Math.sin(E);
  const cw = Math.cos(argPerihelion);
  const sw = Math.sin(argPerihelion);
  const cn = Math.cos(node);
  const sn = Math.sin(node);
  const ci = Math.cos(inc);
  const si = Math.sin(inc);
  return [
    (cw * cn - sw * sn * ci) * xOrbit + (-sw * cn - cw * sn * ci) * yOrbit,
    (cw * sn + sw * cn * ci) * xOrbit + (-sw * sn + cw * cn * ci) * yOrbit,
    sw * si * xOrbit + cw * si * yOrbit,
  ];
}

/** Geocentric right ascension and declination of Venus (J2000 equator), degrees. */
export function venusRaDecDeg(timeMs: number): { raDeg: number; decDeg: number } {
  const centuries = (timeMs - J2000_UNIX_MS) / 86_400_000 / 36_525;
  const v = heliocentricEcliptic(VENUS, centuries);
  const earth = heliocentricEcliptic(EARTH_MOON, centuries);
  const x = v[0] - earth[0];
  const y = v[1] - earth[1];
  const z = v[2] - earth[2];
  const eps = OBLIQUITY_J2000_DEG * RAD;
  const yEq = y * Math.cos(eps) - z * Math.sin(eps);
  const zEq = y * Math.sin(eps) + z * Math.cos(eps);
  return {
    raDeg: (((Math.atan2(yEq, x) / RAD) % 360) + 360) % 360,
    decDeg: Math.atan2(zEq, Math.hypot(x, yEq)) / RAD,
  };
}

/**
 * Azimuth (east of north) and elevation of a J2000 RA/Dec seen from a site, using the IAU 1982
 * GMST expression (Aoki et al. 1982) for the sidereal time; precession since J2000 (~0.15° by
 * 2011) and refraction (~0.1° at 9° elevation) are below the pixel scale this is used at.
 */
export function raDecToAzEl(
  raDeg: number,
  decDeg: number,
  timeMs: number,
  latitudeDeg: number,
  longitudeDeg: number,
): { azimuthDeg: number; elevationDeg: number } {
  const days = (timeMs - J2000_UNIX_MS) / 86_400_000;
  const t = days / 36_525;
  const gmstDeg = 280.46061837 + 360.98564736629 * days + 0.000387933 * t * t;
  const hourAngle = (gmstDeg + longitudeDeg - raDeg) * RAD;
  const dec = decDeg * RAD;
  const lat = latitudeDeg * RAD;
  const elevation = Math.asin(
    Math.sin(lat) * Math.sin(dec) + Math.cos(lat) * Math.cos(dec) * Math.cos(hourAngle),
  );
  const azimuth = Math.atan2(
    -Math.cos(dec) * Math.sin(hourAngle),
    Math.sin(dec) * Math.cos(lat) - Math.cos(dec) * Math.sin(lat) * Math.cos(hourAngle),
  );
  return { azimuthDeg: (((azimuth / RAD) % 360) + 360) % 360, elevationDeg: elevation / RAD };
}
