import type { SiteInfo } from "../src/arrays/site.js";
import { fisheyeSkymap } from "../src/arrays/synthetic/lens-skymap.js";
import { SYNTHETIC_SITES } from "../src/arrays/synthetic/synthetic-array.js";
import { createAacgmConverter } from "../src/geo/aacgm/converter.js";
import { aacgmHarmonicsInto } from "../src/geo/aacgm/spherical-harmonics.js";
import { igrfModel } from "../src/geo/igrf/igrf-model.js";
import { lookToAltitudeInto } from "../src/geo/look-to-altitude.js";
import { buildPixelIndex } from "../src/geo/skymap/pixel-index.js";
import { mapSkymapAtAltitude } from "../src/geo/skymap/reproject.js";
import { createFootprintTracer, emptyFootprint } from "../src/geo/trace/footprint.js";
import { geodeticToEcefInto } from "../src/geo/wgs84.js";
import { compare } from "./measure.js";
import type { BenchRow } from "./report.js";

/** Issue 4 targets. */
const TARGET_FOOTPRINTS_PER_S = 20_000;
const TARGET_REPROJECTION_MS = 100;

const GRID = 257;
const TIME_MS = Date.UTC(2020, 0, 1);

/** A 257x257 grid of geodetic latitudes 40–80° N and S (alternating rows) over all longitudes. */
function grid(): { latitudeDeg: Float64Array; longitudeDeg: Float64Array } {
  const latitudeDeg = new Float64Array(GRID * GRID);
  const longitudeDeg = new Float64Array(GRID * GRID);
  for (let r = 0; r < GRID; r++) {
    const lat = (40 + (40 * r) / (GRID - 1)) * (r % 2 === 0 ? 1 : -1);
    for (let c = 0; c < GRID; c++) {
      latitudeDeg[r * GRID + c] = lat;
      longitudeDeg[r * GRID + c] = -180 + (360 * c) / GRID;
    }
  }
  return { latitudeDeg, longitudeDeg };
}

/** Unit direction vectors (east, north, up) of the pixel centres; NaN outside the view. */
function unitVectors(azimuthDeg: Float32Array, elevationDeg: Float32Array): Float64Array {
  const out = new Float64Array(3 * azimuthDeg.length);
  for (let i = 0; i < azimuthDeg.length; i++) {
    const az = ((azimuthDeg[i] as number) * Math.PI) / 180;
    const el = ((elevationDeg[i] as number) * Math.PI) / 180;
    out[3 * i] = Math.cos(el) * Math.sin(az);
    out[3 * i + 1] = Math.cos(el) * Math.cos(az);
    out[3 * i + 2] = Math.sin(el);
  }
  return out;
}

/** The pixel whose direction is nearest a look, by scanning them all. */
function bruteForceNearest(unit: Float64Array, azimuthDeg: number, elevationDeg: number): number {
  const az = (azimuthDeg * Math.PI) / 180;
  const el = (elevationDeg * Math.PI) / 180;
  const e = Math.cos(el) * Math.sin(az);
  const n = Math.cos(el) * Math.cos(az);
  const u = Math.sin(el);
  let best = -1;
  let bestDot = -2;
  for (let i = 0; i < unit.length; i += 3) {
    const dot = e * (unit[i] as number) + n * (unit[i + 1] as number) + u * (unit[i + 2] as number);
    if (dot > bestDot) {
      bestDot = dot;
      best = i / 3;
    }
  }
  return best;
}

const perS = (count: number, seconds: number) =>
  Math.round(count / seconds).toLocaleString("en-US");

/**
 * Footprints (IGRF-14 field lines from 800 km down to 110 km, adaptive Dormand–Prince) against
 * the same number of bare IGRF field evaluations: a trace costs a couple of dozen, so the ratio
 * says how many field evaluations one footprint is worth (the physical bound of tracing).
 * AACGM-v2 coefficient-mode conversions of the grid against evaluating the order-10 harmonic
 * basis alone at every point (the part no implementation can skip).
 */
export async function benchGeo(): Promise<BenchRow[]> {
  const { latitudeDeg, longitudeDeg } = grid();
  const n = latitudeDeg.length;
  const tracer = createFootprintTracer(TIME_MS, { targetAltitudeKm: 110 });
  const footprint = emptyFootprint();
  let traced = 0;
  const traceAll = () => {
    traced = 0;
    for (let i = 0; i < n; i++) {
      if (
        tracer.trace(latitudeDeg[i] as number, longitudeDeg[i] as number, 800, footprint) === "ok"
      )
        traced++;
    }
  };
  const model = igrfModel(TIME_MS);
  const ecef = { x: 0, y: 0, z: 0 };
  const field = new Float64Array(3);
  const startsKm = new Float64Array(3 * n);
  for (let i = 0; i < n; i++) {
    geodeticToEcefInto(latitudeDeg[i] as number, longitudeDeg[i] as number, 800e3, ecef);
    startsKm[3 * i] = ecef.x / 1e3;
    startsKm[3 * i + 1] = ecef.y / 1e3;
    startsKm[3 * i + 2] = ecef.z / 1e3;
  }
  const fieldAll = () => {
    for (let i = 0; i < n; i++)
      model.fieldEcef(
        startsKm[3 * i] as number,
        startsKm[3 * i + 1] as number,
        startsKm[3 * i + 2] as number,
        field,
      );
  };
  const traces = await compare(fieldAll, traceAll, { minRuns: 3, minTotalS: 4 });
  const footprintsPerS = n / traces.subject.medianS;

  const converter = createAacgmConverter(TIME_MS, { altitudeKm: 110 });
  const out = { latitudeDeg: new Float64Array(n), longitudeDeg: new Float64Array(n) };
  const convertAll = () => converter.geoToAacgmBatch(latitudeDeg, longitudeDeg, out);
  const basis = new Float64Array(121);
  const basisAll = () => {
    for (let i = 0; i < n; i++)
      aacgmHarmonicsInto(
        ((90 - (latitudeDeg[i] as number)) * Math.PI) / 180,
        ((longitudeDeg[i] as number) * Math.PI) / 180,
        basis,
      );
  };
  const aacgm = await compare(basisAll, convertAll, { minRuns: 5, minTotalS: 3 });

  // A 512x512 fisheye (REGO's size) mapped to 230 km (REGO's usual altitude): centres and
  // corners, against mapping only the centres with the one-shot lookToAltitudeInto (the same
  // ray/shell geometry, half the rays, no corner directions).
  const site = { ...(SYNTHETIC_SITES[0] as SiteInfo), altitudeKm: 0.14 };
  const skymap = fisheyeSkymap({ site, width: 512, height: 512, fieldOfViewDeg: 180 });
  const looks = {
    site,
    width: 512,
    height: 512,
    azimuthDeg: skymap.azimuthDeg,
    elevationDeg: skymap.elevationDeg,
  };
  const centreLat = new Float32Array(512 * 512);
  const centreLon = new Float32Array(512 * 512);
  const reprojection = await compare(
    () =>
      lookToAltitudeInto(site, skymap.azimuthDeg, skymap.elevationDeg, 230, centreLat, centreLon),
    () => mapSkymapAtAltitude(looks, 230),
    { minRuns: 20, minTotalS: 3 },
  );
  // nearestPixel through the k-d tree against the scan it replaces (asilib's approach: the
  // whole skymap per query), both over the same looks.
  const index = buildPixelIndex(skymap);
  const queries = 2_000;
  const queryAz = Float64Array.from({ length: queries }, (_, i) => (i * 137.507764) % 360);
  const queryEl = Float64Array.from({ length: queries }, (_, i) => 5 + ((i * 0.618034) % 1) * 84);
  const pixelUnit = unitVectors(skymap.azimuthDeg, skymap.elevationDeg);
  let found = 0;
  const lookups = await compare(
    () => {
      for (let i = 0; i < queries; i++)
        bruteForceNearest(pixelUnit, queryAz[i] as number, queryEl[i] as number);
    },
    () => {
      found = 0;
      for (let i = 0; i < queries; i++) {
        if (index.nearestPixelOfLook(queryAz[i] as number, queryEl[i] as number) >= 0) found++;
      }
    },
    { minRuns: 3, minTotalS: 2 },
  );

  return [
    {
      name: `Footprints, IGRF-14 field lines 800 km -> 110 km, ${GRID}x${GRID} grid (${traced} reached), one core (target >= ${TARGET_FOOTPRINTS_PER_S.toLocaleString("en-US")}/s)`,
      subject: `${perS(n, traces.subject.medianS)} footprints/s`,
      baseline: `${perS(n, traces.baseline.medianS)} IGRF field evaluations/s (one per grid point; ratio = evaluations per footprint)`,
      comparison: traces,
      targetMet: {
        target: `>= ${TARGET_FOOTPRINTS_PER_S} footprints/s`,
        met: footprintsPerS >= TARGET_FOOTPRINTS_PER_S,
      },
    },
    {
      name: `AACGM-v2 geo -> AACGM, coefficients, ${GRID}x${GRID} grid at 110 km`,
      subject: `${perS(n, aacgm.subject.medianS)} conversions/s`,
      baseline: `${perS(n, aacgm.baseline.medianS)} order-10 harmonic bases/s (the part every conversion needs)`,
      comparison: aacgm,
    },
    {
      name: `Skymap reprojection, 512x512 fisheye to 230 km, centres + corners (target < ${TARGET_REPROJECTION_MS} ms)`,
      subject: `${(reprojection.subject.medianS * 1e3).toFixed(1)} ms median`,
      baseline: `${(reprojection.baseline.medianS * 1e3).toFixed(1)} ms (centres only, lookToAltitudeInto)`,
      comparison: reprojection,
      targetMet: {
        target: `< ${TARGET_REPROJECTION_MS} ms (median)`,
        met: reprojection.subject.medianS * 1e3 < TARGET_REPROJECTION_MS,
      },
    },
    {
      name: `nearestPixel on the 512x512 skymap (k-d tree built once), ${queries.toLocaleString("en-US")} looks (${found} inside)`,
      subject: `${perS(queries, lookups.subject.medianS)} queries/s`,
      baseline: `${perS(queries, lookups.baseline.medianS)} queries/s scanning every pixel (the approach the index replaces)`,
      comparison: lookups,
    },
  ];
}
