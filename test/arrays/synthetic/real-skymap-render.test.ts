import { basename } from "node:path";
import { expect, it } from "vitest";
import { readSkymapFile } from "../../../src/arrays/skymap/read-skymap.js";
import { parseSkymapFileName } from "../../../src/arrays/skymap/skymap-file-name.js";
import { syntheticScene } from "../../../src/arrays/synthetic/scene.js";
import { greenwichMeanSiderealTimeDeg } from "../../../src/arrays/synthetic/sidereal-time.js";
import { SyntheticRenderer } from "../../../src/arrays/synthetic/sky-model.js";
import { brightStars } from "../../../src/arrays/synthetic/star-catalogue.js";
import { describeWithFixtures } from "../../support/describe-fixtures.js";
import { fixture } from "../../support/fixtures.js";

const R = Math.PI / 180;

describeWithFixtures("synthetic frames through the real Gakona skymap", () => {
  it("puts stars on the pixels whose real-skymap az/el match the star's", () => {
    const path = fixture("themis", "themis_skymap_gako_20110305-+_vXX.sav");
    const name = parseSkymapFileName(basename(path));
    if (name === null) throw new Error("name");
    const skymap = readSkymapFile(path, name, "asStored");
    const scene = syntheticScene(2);
    // Phase 0 of a cycle: arcs and patch faded out, only airglow, stars and noise.
    const t =
      (Math.round(Date.UTC(2011, 2, 5, 8) / scene.cycleMs + scene.cyclePhase) - scene.cyclePhase) *
      scene.cycleMs;
    const frame = new SyntheticRenderer(scene, skymap).render(
      t,
      new Uint16Array(skymap.width * skymap.height),
    );
    const { latitudeDeg, longitudeDeg } = skymap.site;
    let checked = 0;
    for (const star of brightStars().filter((s) => s.magnitudeV < 1.5)) {
      // The test's own equatorial → horizontal conversion (standard spherical astronomy).
      const h = (greenwichMeanSiderealTimeDeg(t) + longitudeDeg - star.rightAscensionDeg) * R;
      const d = star.declinationDeg * R;
      const p = latitudeDeg * R;
      const e = -Math.cos(d) * Math.sin(h);
      const n = Math.sin(d) * Math.cos(p) - Math.cos(d) * Math.cos(h) * Math.sin(p);
      const u = Math.sin(d) * Math.sin(p) + Math.cos(d) * Math.cos(h) * Math.cos(p);
      if (u < Math.sin(30 * R)) continue;
      // Oracle: the real skymap's pixel whose look direction is closest to the star's.
      let best = -1;
      let bestDot = -2;
      for (let i = 0; i < skymap.azimuthDeg.length; i++) {
        const az = (skymap.azimuthDeg[i] as number) * R;
        const el = (skymap.elevationDeg[i] as number) * R;
        if (Number.isNaN(az) || Number.isNaN(el)) continue;
        const dot =
          Math.cos(el) * Math.sin(az) * e + Math.cos(el) * Math.cos(az) * n + Math.sin(el) * u;
        if (dot > bestDot) {
          bestDot = dot;
          best = i;
        }
      }
      const row = Math.floor(best / skymap.width);
      const col = best % skymap.width;
      let peak = -1;
      let peakAt = -1;
      for (let r = row - 3; r <= row + 3; r++) {
        for (let c = col - 3; c <= col + 3; c++) {
          const v = frame[r * skymap.width + c] as number;
          if (v > peak) {
            peak = v;
            peakAt = r * skymap.width + c;
          }
        }
      }
      // The brightest pixel nearby is that pixel or a neighbour (≤ 1.5 px: sub-pixel centre + noise).
      const dr = Math.floor(peakAt / skymap.width) - row;
      const dc = (peakAt % skymap.width) - col;
      expect(Math.hypot(dr, dc), star.name).toBeLessThanOrEqual(1.5);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });
});
