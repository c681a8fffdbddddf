import { wrap360Deg, wrapLongitudeDeg } from "../../geo/angles.js";
import { lookToAltitudeInto } from "../../geo/look-to-altitude.js";
import type { Skymap } from "../skymap/skymap.js";

/** Altitude of the auroral emission layer the arcs live in, km (green line peak ~110 km; asilib default). */
export const ARC_ALTITUDE_KM = 110;
/** Altitude of the airglow layer for the van Rhijn factor, km (OI 557.7 nm airglow peak ≈ 97 km). */
const AIRGLOW_ALTITUDE_KM = 97;
/** Mean Earth radius, km (IUGG mean radius R1). */
const EARTH_RADIUS_KM = 6371.0088;
/** Width of the azimuth/elevation bins of the star-finding index, degrees. */
export const STAR_BIN_DEG = 2;
export const STAR_BINS_AZ = 360 / STAR_BIN_DEG;
export const STAR_BINS_EL = 90 / STAR_BIN_DEG + 1;

const RAD = Math.PI / 180;

/**
 * Van Rhijn factor: how much longer the line of sight through a thin emitting layer at height
 * h is than at the zenith, 1 / sqrt(1 − (R/(R+h))² sin²z) (P. J. van Rhijn, Publ. Astron. Lab.
 * Groningen 31, 1921).
 */
function vanRhijn(zenithRad: number, layerKm: number): number {
  const k = EARTH_RADIUS_KM / (EARTH_RADIUS_KM + layerKm);
  const s = Math.sin(zenithRad);
  return 1 / Math.sqrt(1 - k * k * s * s);
}

/**
 * Everything about a skymap the renderer needs, computed once: per pixel the 110 km latitude
 * and longitude offset from the site, the line-of-sight gains, the unit look vector (ENU) for
 * stars, and an az/el index to find a star's pixel quickly.
 */
export interface SkyGeometry {
  readonly width: number;
  readonly height: number;
  readonly siteLatitudeDeg: number;
  readonly siteLongitudeDeg: number;
  /** Latitude the scene's arc offsets are measured from. */
  readonly referenceLatitudeDeg: number;
  /** 1 where the pixel sees the sky (finite elevation ≥ 0), else 0. */
  readonly valid: Uint8Array;
  readonly latitudeDeg: Float32Array;
  /** Longitude minus the reference longitude, wrapped to [-180, 180). */
  readonly longitudeOffsetDeg: Float32Array;
  /** Vignetting cos(z)^n. */
  readonly vignette: Float32Array;
  /** Emission seen from a 110 km layer relative to the zenith: van Rhijn × vignetting. */
  readonly arcGain: Float32Array;
  /** Airglow seen from the 97 km layer, per unit of zenith airglow: van Rhijn × vignetting. */
  readonly airglowGain: Float32Array;
  readonly lookEast: Float32Array;
  readonly lookNorth: Float32Array;
  readonly lookUp: Float32Array;
  /** Per azimuth/elevation bin, a pixel looking into it, or -1. */
  readonly binPixel: Int32Array;
  /** The pixel nearest the zenith (start of star searches that find no bin). */
  readonly zenithPixel: number;
}

/**
 * Precomputes the renderer's per-pixel geometry for a skymap, a vignetting exponent and the
 * scene's reference position (null: the skymap's site).
 */
export function skyGeometry(
  skymap: Skymap,
  vignetteExponent: number,
  reference: { readonly latitudeDeg: number | null; readonly longitudeDeg: number | null },
): SkyGeometry {
  const { width, height, azimuthDeg, elevationDeg, site } = skymap;
  const referenceLongitudeDeg = reference.longitudeDeg ?? site.longitudeDeg;
  const n = width * height;
  const latitudeDeg = new Float32Array(n);
  const longitudeOffsetDeg = new Float32Array(n);
  lookToAltitudeInto(
    site,
    azimuthDeg,
    elevationDeg,
    ARC_ALTITUDE_KM,
    latitudeDeg,
    longitudeOffsetDeg,
  );
  const valid = new Uint8Array(n);
  const vignette = new Float32Array(n);
  const arcGain = new Float32Array(n);
  const airglowGain = new Float32Array(n);
  const lookEast = new Float32Array(n);
  const lookNorth = new Float32Array(n);
  const lookUp = new Float32Array(n);
  const binPixel = new Int32Array(STAR_BINS_AZ * STAR_BINS_EL).fill(-1);
  let zenithPixel = -1;
  let highest = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const el = elevationDeg[i] as number;
    const az = azimuthDeg[i] as number;
    if (!(el >= 0) || !Number.isFinite(az) || Number.isNaN(latitudeDeg[i] as number)) continue;
    valid[i] = 1;
    const zenith = (90 - el) * RAD;
    const v = Math.cos(zenith) ** vignetteExponent;
    vignette[i] = v;
    arcGain[i] = vanRhijn(zenith, ARC_ALTITUDE_KM) * v;
    airglowGain[i] = vanRhijn(zenith, AIRGLOW_ALTITUDE_KM) * v;
    const offset = (longitudeOffsetDeg[i] as number) - referenceLongitudeDeg;
    longitudeOffsetDeg[i] = wrapLongitudeDeg(offset);
    const cosEl = Math.cos(el * RAD);
    lookEast[i] = cosEl * Math.sin(az * RAD);
    lookNorth[i] = cosEl * Math.cos(az * RAD);
    lookUp[i] = Math.sin(el * RAD);
    const azBin = Math.min(STAR_BINS_AZ - 1, Math.floor(wrap360Deg(az) / STAR_BIN_DEG));
    const elBin = Math.min(STAR_BINS_EL - 1, Math.floor(el / STAR_BIN_DEG));
    binPixel[elBin * STAR_BINS_AZ + azBin] = i;
    if (el > highest) {
      highest = el;
      zenithPixel = i;
    }
  }
  return {
    width,
    height,
    siteLatitudeDeg: site.latitudeDeg,
    siteLongitudeDeg: site.longitudeDeg,
    referenceLatitudeDeg: reference.latitudeDeg ?? site.latitudeDeg,
    valid,
    latitudeDeg,
    longitudeOffsetDeg,
    vignette,
    arcGain,
    airglowGain,
    lookEast,
    lookNorth,
    lookUp,
    binPixel,
    zenithPixel,
  };
}
