import { readSkymapFile } from "../../../src/arrays/skymap/read-skymap.js";
import type { Skymap } from "../../../src/arrays/skymap/skymap.js";
import {
  parseSkymapFileName,
  type SkymapFileName,
} from "../../../src/arrays/skymap/skymap-file-name.js";
import { fixture } from "../../support/fixtures.js";

/** The official THEMIS Gakona skymap (256 x 256; corners at 90, 110, 150 km). */
export const GAKONA_SKYMAP = "themis_skymap_gako_20110305-+_vXX.sav";

export function readGakonaSkymap(): Skymap {
  return readSkymapFile(
    fixture("themis", GAKONA_SKYMAP),
    parseSkymapFileName(GAKONA_SKYMAP) as SkymapFileName,
    "asStored",
  );
}

const DEG = Math.PI / 180;

/**
 * Pixel-centre positions from a corner grid: the normalised mean of the four corners' unit
 * vectors (so longitudes that straddle ±180 average correctly); NaN when any corner is NaN.
 */
export function cornersToCentres(
  latitudeDeg: Float32Array,
  longitudeDeg: Float32Array,
  width: number,
  height: number,
): { latitudeDeg: Float64Array; longitudeDeg: Float64Array } {
  const outLat = new Float64Array(width * height);
  const outLon = new Float64Array(width * height);
  const cw = width + 1;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      let x = 0;
      let y = 0;
      let z = 0;
      for (const k of [r * cw + c, r * cw + c + 1, (r + 1) * cw + c, (r + 1) * cw + c + 1]) {
        const la = (latitudeDeg[k] as number) * DEG;
        const lo = (longitudeDeg[k] as number) * DEG;
        x += Math.cos(la) * Math.cos(lo);
        y += Math.cos(la) * Math.sin(lo);
        z += Math.sin(la);
      }
      outLat[r * width + c] = Math.atan2(z, Math.hypot(x, y)) / DEG;
      outLon[r * width + c] = Math.atan2(y, x) / DEG;
    }
  }
  return { latitudeDeg: outLat, longitudeDeg: outLon };
}

/** Sorted finite values' median, 99th percentile and maximum, with the maximum's index. */
export function stats(values: Float64Array): {
  median: number;
  p99: number;
  max: number;
  argmax: number;
  count: number;
} {
  const finite: number[] = [];
  let max = Number.NEGATIVE_INFINITY;
  let argmax = -1;
  values.forEach((v, i) => {
    if (Number.isNaN(v)) return;
    finite.push(v);
    if (v > max) {
      max = v;
      argmax = i;
    }
  });
  finite.sort((a, b) => a - b);
  return {
    median: finite[finite.length >> 1] ?? Number.NaN,
    p99: finite[Math.floor(finite.length * 0.99)] ?? Number.NaN,
    max,
    argmax,
    count: finite.length,
  };
}
