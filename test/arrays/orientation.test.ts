import { describe, expect, it } from "vitest";
import { orientFrame, orientFrameInPlace } from "../../src/arrays/orientation.js";
import { readSkymapFile } from "../../src/arrays/skymap/read-skymap.js";
import type { Skymap } from "../../src/arrays/skymap/skymap.js";
import {
  parseSkymapFileName,
  type SkymapFileName,
} from "../../src/arrays/skymap/skymap-file-name.js";
import { themisArray } from "../../src/arrays/themis.js";
import { describeWithFixtures } from "../support/describe-fixtures.js";
import { fixture } from "../support/fixtures.js";
import { raDecToAzEl, venusRaDecDeg } from "../support/planet-position.js";

describe("orientFrame", () => {
  // 2 rows x 3 columns, values = 10*row + col: the expected outputs are written out by hand.
  const source = Uint16Array.from([0, 1, 2, 10, 11, 12]);
  it.each([
    ["asStored", [0, 1, 2, 10, 11, 12]],
    ["flipRows", [10, 11, 12, 0, 1, 2]],
    ["flipColumns", [2, 1, 0, 12, 11, 10]],
    ["rotate180", [12, 11, 10, 2, 1, 0]],
  ] as const)("%s moves pixels as written out by hand", (orientation, expected) => {
    expect([...orientFrame(source, new Uint16Array(6), 3, 2, 1, orientation)]).toEqual(expected);
  });

  it.each(["asStored", "flipRows", "flipColumns", "rotate180"] as const)(
    "%s in place equals the copying transform, for 1 and 3 channels and odd sizes",
    (orientation) => {
      // Invariant: both forms implement the same mapping; 5x3 has a middle row and column.
      for (const channels of [1, 3]) {
        const source = Uint16Array.from({ length: 5 * 3 * channels }, (_, i) => i * 11 + 1);
        const copied = orientFrame(
          source,
          new Uint16Array(source.length),
          5,
          3,
          channels,
          orientation,
        );
        expect([...orientFrameInPlace(source.slice(), 5, 3, channels, orientation)]).toEqual([
          ...copied,
        ]);
      }
    },
  );

  it("keeps interleaved channels together when rotating RGB", () => {
    // 1 row x 2 pixels x 3 channels: pixel order reverses, channel order does not.
    const rgb = Uint8Array.from([1, 2, 3, 4, 5, 6]);
    expect([...orientFrame(rgb, new Uint8Array(6), 2, 1, 3, "rotate180")]).toEqual([
      4, 5, 6, 1, 2, 3,
    ]);
  });

  it("rejects a buffer that does not match the geometry", () => {
    expect(() => orientFrame(source, new Uint16Array(5), 3, 2, 1, "asStored")).toThrow(
      /expected 6 samples/,
    );
  });
});

const SKYMAP_NAME = "themis_skymap_gako_20110305-+_vXX.sav";
const CDF_NAME = "thg_l1_asf_gako_2011010617_v01.cdf";

/** Azimuth and elevation at the first in-view pixel walking from an edge midpoint toward the zenith pixel. */
function edgeLook(skymap: Skymap, dRow: number, dCol: number) {
  const { width, height, elevationDeg, azimuthDeg } = skymap;
  let zenith = 0;
  for (let i = 0; i < elevationDeg.length; i++) {
    if (
      (elevationDeg[i] as number) > (elevationDeg[zenith] as number) ||
      Number.isNaN(elevationDeg[zenith] as number)
    )
      zenith = i;
  }
  const zRow = Math.floor(zenith / width);
  const zCol = zenith % width;
  let row = dRow === 0 ? zRow : dRow < 0 ? 0 : height - 1;
  let col = dCol === 0 ? zCol : dCol < 0 ? 0 : width - 1;
  while (!Number.isFinite(elevationDeg[row * width + col] as number)) {
    row -= dRow;
    col -= dCol;
  }
  // Step a few pixels inside so the look is well above the clipped horizon.
  row -= 3 * dRow;
  col -= 3 * dCol;
  return {
    azimuthDeg: azimuthDeg[row * width + col] as number,
    elevationDeg: elevationDeg[row * width + col] as number,
  };
}

/** Smallest absolute difference between two azimuths, degrees. */
const azimuthGapDeg = (a: number, b: number) => Math.abs(((((a - b) % 360) + 540) % 360) - 180);

/** Angle between two sky directions given as azimuth/elevation, degrees. */
function separationDeg(
  a: { azimuthDeg: number; elevationDeg: number },
  b: { azimuthDeg: number; elevationDeg: number },
) {
  const r = Math.PI / 180;
  const cos =
    Math.sin(a.elevationDeg * r) * Math.sin(b.elevationDeg * r) +
    Math.cos(a.elevationDeg * r) *
      Math.cos(b.elevationDeg * r) *
      Math.cos((a.azimuthDeg - b.azimuthDeg) * r);
  return Math.acos(Math.min(1, cos)) / r;
}

describeWithFixtures("aurorakit orientation on the real Gakona skymap and frames", () => {
  const name = parseSkymapFileName(SKYMAP_NAME) as SkymapFileName;
  const skymap = readSkymapFile(fixture("themis", SKYMAP_NAME), name, "asStored");

  it("puts north at the top, east on the left, south at the bottom and west on the right", () => {
    // Invariant of the convention (DESIGN.md). The Gakona camera is turned by 22.6° about the
    // zenith (its OPTICAL_ORIENTATION), so each edge is within 30° of its cardinal direction.
    expect(azimuthGapDeg(edgeLook(skymap, -1, 0).azimuthDeg, 0)).toBeLessThan(30);
    expect(azimuthGapDeg(edgeLook(skymap, 0, -1).azimuthDeg, 90)).toBeLessThan(30);
    expect(azimuthGapDeg(edgeLook(skymap, 1, 0).azimuthDeg, 180)).toBeLessThan(30);
    expect(azimuthGapDeg(edgeLook(skymap, 0, 1).azimuthDeg, 270)).toBeLessThan(30);
  });

  it("puts Venus where the ephemeris says in the rotated L1 CDF frames, and nowhere near it otherwise", async () => {
    const cdfSource = themisArray().sources.find((s) => s.name === "berkeley");
    if (cdfSource === undefined) throw new Error("THEMIS has no berkeley source");
    const { width, height } = skymap;
    let checked = 0;
    for await (const frame of cdfSource.readFrames(
      fixture("themis", CDF_NAME),
      "gako",
      -Infinity,
      Infinity,
    )) {
      // Venus is the only saturated object in these twilight frames (next brightest ~19 000 counts).
      let rowSum = 0;
      let colSum = 0;
      let n = 0;
      for (let i = 0; i < frame.image.length; i++) {
        if ((frame.image[i] as number) >= 60_000) {
          rowSum += Math.floor(i / width);
          colSum += i % width;
          n++;
        }
      }
      expect(n).toBeGreaterThan(0);
      const row = Math.round(rowSum / n);
      const col = Math.round(colSum / n);
      const look = (r: number, c: number) => ({
        azimuthDeg: skymap.azimuthDeg[r * width + c] as number,
        elevationDeg: skymap.elevationDeg[r * width + c] as number,
      });
      const venus = venusRaDecDeg(frame.timeMs);
      const predicted = raDecToAzEl(
        venus.raDeg,
        venus.decDeg,
        frame.timeMs,
        skymap.site.latitudeDeg,
        skymap.site.longitudeDeg,
      );
      // Oracle: JPL approximate ephemeris (test/support/planet-position.ts). Tolerance 2.5°:
      // about four pixels near the horizon, where a THEMIS pixel spans ~0.6°.
      expect(separationDeg(look(row, col), predicted)).toBeLessThan(2.5);
      // The three other orientations put the blob far from Venus (> 20°).
      expect(separationDeg(look(height - 1 - row, col), predicted)).toBeGreaterThan(20);
      expect(separationDeg(look(row, width - 1 - col), predicted)).toBeGreaterThan(20);
      const asStored = look(height - 1 - row, width - 1 - col);
      if (Number.isFinite(asStored.elevationDeg))
        expect(separationDeg(asStored, predicted)).toBeGreaterThan(20);
      checked++;
    }
    // The fixture holds 23 frames (cdflib oracle: thg_asf_gako has 23 records).
    expect(checked).toBe(23);
  });
});
