/**
 * AACGM-v2 by field-line tracing (S. G. Shepherd, "Altitude-adjusted corrected geomagnetic
 * coordinates: Definition and functional approximations", JGR Space Physics 119, 2014, §2;
 * the TRACE method of the reference C library aacgmlib_v2): the IGRF field line through the
 * point is followed to the equatorial plane of the IGRF centred dipole; the distance of that
 * crossing, r_a in Earth radii (6371.2 km), gives the AACGM latitude of the dipole field line
 * with the same apex at the Earth's surface, cos² λ = 1/r_a, signed by the start's dipole
 * hemisphere; the AACGM longitude is the dipole longitude of the crossing. The inverse starts
 * at the apex given by λ and the longitude and traces down to the requested geocentric height.
 */
import { igrfModel } from "../igrf/igrf-model.js";
import { DipoleEquatorTracer, emptyCrossing } from "../trace/dipole-equator.js";
import { checkTracePoint } from "../trace/geodetic-start.js";
import { ecefToGeodeticInto, geodeticToEcefInto } from "../wgs84.js";
import { AACGM_EARTH_RADIUS_KM } from "./coefficient-set.js";
import type { AacgmPoint, GeographicPoint } from "./converter.js";

const DEG = Math.PI / 180;
/**
 * Lines are followed out to 10⁴ Earth radii (apex latitude 89.4°): with the internal field alone
 * every line closes, so only the immediate vicinity of the dipole poles stays undefined.
 */
const MAX_APEX_KM = 1e4 * AACGM_EARTH_RADIUS_KM;
const MAX_STEPS = 20_000;
/** Per-step error allowed along these long lines, km: 1 m, far below AACGM-v2's 0.01° (≈ 1 km). */
const TOLERANCE_KM = 1e-3;

/** A trace-mode converter for one instant; reuse it for many points (one IGRF model). */
export class AacgmTracer {
  private readonly equator: DipoleEquatorTracer;
  private readonly crossing = emptyCrossing();

  constructor(timeMs: number) {
    this.equator = new DipoleEquatorTracer(igrfModel(timeMs), {
      maxRadiusKm: MAX_APEX_KM,
      maxSteps: MAX_STEPS,
      toleranceKm: TOLERANCE_KM,
    });
  }

  /** WGS84 geodetic → AACGM-v2 (NaN latitude/longitude where the line does not reach the dipole equator). */
  geoToAacgm(latitudeDeg: number, longitudeDeg: number, altitudeKm: number): AacgmPoint {
    checkTracePoint(latitudeDeg, longitudeDeg, altitudeKm, "latitude/longitude/altitudeKm");
    const e = geodeticToEcefInto(latitudeDeg * DEG, longitudeDeg * DEG, altitudeKm * 1e3, {
      x: 0,
      y: 0,
      z: 0,
    });
    const radiusRe = Math.hypot(e.x, e.y, e.z) / 1e3 / AACGM_EARTH_RADIUS_KM;
    const c = this.crossing;
    if (this.equator.traceEcef(e.x / 1e3, e.y / 1e3, e.z / 1e3, c) !== "ok") {
      return { latitudeDeg: Number.NaN, longitudeDeg: Number.NaN, radiusRe };
    }
    const apexRe = c.radiusKm / AACGM_EARTH_RADIUS_KM;
    // A line whose apex lies inside the reference sphere has no AACGM latitude (Shepherd 2014, §2).
    const latitude = apexRe >= 1 ? c.hemisphere * Math.acos(Math.sqrt(1 / apexRe)) : Number.NaN;
    return { latitudeDeg: latitude / DEG, longitudeDeg: c.dipoleLongitudeDeg, radiusRe };
  }

  /**
   * AACGM-v2 → WGS84 geodetic. `altitudeKm` is the geocentric height above 6371.2 km (as in the
   * C library and {@link aacgmToGeo}); NaN where the line through that apex does not reach it.
   */
  aacgmToGeo(mlatDeg: number, mlonDeg: number, altitudeKm: number): GeographicPoint {
    checkTracePoint(mlatDeg, mlonDeg, altitudeKm, "latitude/longitude/altitudeKm");
    const nan: GeographicPoint = {
      latitudeDeg: Number.NaN,
      longitudeDeg: Number.NaN,
      altitudeKm: Number.NaN,
    };
    const cosLat = Math.cos(mlatDeg * DEG);
    const apexKm = AACGM_EARTH_RADIUS_KM / (cosLat * cosLat);
    const targetKm = AACGM_EARTH_RADIUS_KM + altitudeKm;
    if (!(apexKm >= targetKm) || !Number.isFinite(apexKm)) return nan;
    const frame = this.equator.frame;
    const cosLon = Math.cos(mlonDeg * DEG);
    const sinLon = Math.sin(mlonDeg * DEG);
    const x = apexKm * (cosLon * frame.xAxis[0] + sinLon * frame.yAxis[0]);
    const y = apexKm * (cosLon * frame.xAxis[1] + sinLon * frame.yAxis[1]);
    const z = apexKm * (cosLon * frame.xAxis[2] + sinLon * frame.yAxis[2]);
    // Down along B to the northern end, against B to the southern one; stop at the geocentric height.
    const sign = mlatDeg >= 0 ? 1 : -1;
    const tracer = this.equator.tracer;
    const status = tracer.run(
      x,
      y,
      z,
      sign,
      (px, py, pz) => Math.sqrt(px * px + py * py + pz * pz) - targetKm,
      -1,
    );
    if (status !== "ok") return nan;
    const end = tracer.end;
    const g = ecefToGeodeticInto(
      (end[0] as number) * 1e3,
      (end[1] as number) * 1e3,
      (end[2] as number) * 1e3,
      {
        latitudeRad: 0,
        longitudeRad: 0,
        heightM: 0,
      },
    );
    return {
      latitudeDeg: g.latitudeRad / DEG,
      longitudeDeg: g.longitudeRad / DEG,
      altitudeKm: g.heightM / 1e3,
    };
  }
}

/** Geographic (WGS84 geodetic) → AACGM-v2 by IGRF field-line tracing, at any altitude. */
export function geoToAacgmTrace(
  timeMs: number,
  latitudeDeg: number,
  longitudeDeg: number,
  altitudeKm: number,
): AacgmPoint {
  return new AacgmTracer(timeMs).geoToAacgm(latitudeDeg, longitudeDeg, altitudeKm);
}

/** AACGM-v2 → geographic (WGS84 geodetic) by tracing down from the apex; `altitudeKm` is geocentric height above 6371.2 km. */
export function aacgmToGeoTrace(
  timeMs: number,
  mlatDeg: number,
  mlonDeg: number,
  altitudeKm: number,
): GeographicPoint {
  return new AacgmTracer(timeMs).aacgmToGeo(mlatDeg, mlonDeg, altitudeKm);
}
