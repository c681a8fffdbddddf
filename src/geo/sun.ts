/**
 * Position of the Sun: subsolar point, equation of time and solar elevation at a site.
 *
 * Algorithm: J. Meeus, "Astronomical Algorithms", 2nd ed. (Willmann-Bell, 1998), the
 * low-accuracy solar coordinates of ch. 25 (mean longitude eq. 28.2, mean anomaly eq. 25.3,
 * equation of centre, apparent longitude with the −0.00569° − 0.00478° sin Ω correction,
 * obliquity eq. 22.2 + 0.00256° cos Ω), the equation of time of ch. 28 (eq. 28.3) and the
 * short nutation series of ch. 22. These are the formulas of the astalg library that the
 * AACGM-v2 C code (aburrell/aacgmv2 @5f855791, c_aacgmv2/astalglib.c, mlt_v2.c) uses to place
 * the subsolar point for magnetic local time, so MLT here matches it. Meeus quotes ~0.01° for
 * the solar coordinates; UT is used in place of TT (ΔT ≈ 70 s shifts the Sun by < 0.001°, the
 * hour angle is computed from UT so it is not affected).
 */

import { wrap360Deg, wrapLongitudeDeg } from "./angles.js";

const DEG = Math.PI / 180;
/** Julian Day of the Unix epoch 1970-01-01T00:00Z (Meeus ch. 7). */
const JD_UNIX_EPOCH = 2440587.5;
/** J2000.0 = JD 2451545.0 (Meeus ch. 21). */
const JD_J2000 = 2451545.0;
const MS_PER_DAY = 86_400_000;

export interface SolarCoordinates {
  /** Apparent declination, deg. */
  declinationDeg: number;
  /** Equation of time (apparent − mean solar time), minutes. */
  equationOfTimeMin: number;
}

/** Apparent solar declination and equation of time at `timeMs` (Meeus chs. 22, 25, 28). */
export function solarCoordinates(timeMs: number): SolarCoordinates {
  const jd = timeMs / MS_PER_DAY + JD_UNIX_EPOCH;
  const t = (jd - JD_J2000) / 36525; // Julian centuries (Meeus eq. 25.1)
  const tau = t / 10; // Julian millennia (Meeus eq. 28.2 argument)
  // Mean longitude of the Sun L0 (Meeus eq. 28.2).
  const meanLongitudeDeg = wrap360Deg(
    280.4664567 +
      tau *
        (360007.6982779 + tau * (0.03032028 + tau * (1 / 49931 + tau * (-1 / 15300 - tau / 2e6)))),
  );
  // Mean anomaly M (Meeus eq. 25.3).
  const meanAnomalyRad = wrap360Deg(357.52911 + t * (35999.05029 - 0.0001537 * t)) * DEG;
  // Equation of centre C (Meeus ch. 25).
  const centreDeg =
    (1.914602 - t * (0.004817 + 0.000014 * t)) * Math.sin(meanAnomalyRad) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * meanAnomalyRad) +
    0.000289 * Math.sin(3 * meanAnomalyRad);
  // Longitude of the Moon's ascending node Ω (Meeus ch. 22) and mean longitude of the Moon L'.
  const nodeRad = wrap360Deg(125.04452 + t * (-1934.136261 + t * (0.0020708 + t / 450000))) * DEG;
  const moonLongitudeRad = wrap360Deg(218.3165 + 481267.8813 * t) * DEG;
  // Apparent longitude λ = ☉ − 0.00569° − 0.00478° sin Ω (Meeus ch. 25).
  const apparentLongitudeRad =
    (meanLongitudeDeg + centreDeg - 0.00569 - 0.00478 * Math.sin(nodeRad)) * DEG;
  // Mean obliquity ε0 (Meeus eq. 22.2) and the apparent obliquity ε0 + 0.00256° cos Ω (ch. 25).
  const meanObliquityDeg =
    23.439291111111 + t * (-0.0130041666667 + t * (-1.638888889e-7 + t * 5.036111111e-7));
  const apparentObliquityRad = (meanObliquityDeg + 0.00256 * Math.cos(nodeRad)) * DEG;
  const sinLambda = Math.sin(apparentLongitudeRad);
  const declinationDeg = Math.asin(Math.sin(apparentObliquityRad) * sinLambda) / DEG;
  const rightAscensionDeg =
    Math.atan2(Math.cos(apparentObliquityRad) * sinLambda, Math.cos(apparentLongitudeRad)) / DEG;
  // Nutation in longitude Δψ and obliquity Δε, short series (Meeus ch. 22), arcsec → deg.
  const l2 = 2 * meanLongitudeDeg * DEG;
  const deltaPsiDeg =
    (-17.2 * Math.sin(nodeRad) -
      1.32 * Math.sin(l2) -
      0.23 * Math.sin(2 * moonLongitudeRad) +
      0.21 * Math.sin(2 * nodeRad)) /
    3600;
  const deltaEpsDeg =
    (9.2 * Math.cos(nodeRad) +
      0.57 * Math.cos(l2) +
      0.1 * Math.cos(2 * moonLongitudeRad) -
      0.09 * Math.cos(2 * nodeRad)) /
    3600;
  // Equation of time E = L0 − 0.0057183° − α + Δψ cos ε (Meeus eq. 28.3), 4 minutes per degree.
  const eDeg = wrapLongitudeDeg(
    meanLongitudeDeg -
      0.0057183 -
      rightAscensionDeg +
      deltaPsiDeg * Math.cos((meanObliquityDeg + deltaEpsDeg) * DEG),
  );
  return { declinationDeg, equationOfTimeMin: 4 * eDeg };
}

export interface SubsolarPoint {
  /** Latitude where the Sun is at the zenith: the apparent declination, deg. */
  latitudeDeg: number;
  /** East longitude where it is local apparent noon, in [-180, 180), deg. */
  longitudeDeg: number;
}

/**
 * The point where the Sun is overhead. Longitude from apparent solar time: the Sun is on the
 * meridian 180° − (UT + E)·15°/h east, as in the AACGM-v2 MLT code (mlt_v2.c).
 */
export function subsolarPoint(timeMs: number): SubsolarPoint {
  const { declinationDeg, equationOfTimeMin } = solarCoordinates(timeMs);
  const dayMs = ((timeMs % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
  const apparentSolarTimeS = dayMs / 1000 + equationOfTimeMin * 60;
  return {
    latitudeDeg: declinationDeg,
    longitudeDeg: wrapLongitudeDeg(((43200 - apparentSolarTimeS) * 15) / 3600),
  };
}

/**
 * Elevation of the Sun's centre above the geodetic horizon, deg, without refraction (add
 * ~0.57° at the horizon if apparent elevation is wanted). Accuracy ~0.01° (Meeus ch. 25 plus
 * the geodetic vertical); parallax (< 0.003°) is neglected. Night: elevation < −12° or −18°.
 */
export function solarElevationDeg(
  timeMs: number,
  latitudeDeg: number,
  longitudeDeg: number,
): number {
  const sun = subsolarPoint(timeMs);
  const phi = latitudeDeg * DEG;
  const delta = sun.latitudeDeg * DEG;
  const hourAngle = (longitudeDeg - sun.longitudeDeg) * DEG;
  const sinEl =
    Math.sin(phi) * Math.sin(delta) + Math.cos(phi) * Math.cos(delta) * Math.cos(hourAngle);
  return Math.asin(Math.min(1, Math.max(-1, sinEl))) / DEG;
}
