import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pixelmatch from "pixelmatch";
import { expect } from "vitest";
import { decodePng } from "../../src/formats/png/decode.js";
import { encodePng } from "../../src/formats/png/encode.js";

/** Where snapshot PNGs live (committed), `<name>.png`. */
export const snapshotsDir = fileURLToPath(new URL("../render/snapshots/", import.meta.url));

/**
 * pixelmatch's per-pixel colour threshold (0-1, YIQ distance) and the share of pixels that may
 * differ: anti-aliasing and font hinting differ slightly between resvg builds, a changed
 * figure moves far more pixels than that.
 */
const PIXEL_THRESHOLD = 0.1;
const MAX_DIFFERING_FRACTION = 0.005;

function toRgba(decoded: ReturnType<typeof decodePng>): Uint8Array {
  const [height = 0, width = 0, channels = 1] = decoded.shape;
  if (decoded.dtype !== "uint8" || (channels !== 4 && channels !== 3)) {
    throw new Error(`snapshot PNG must be 8-bit RGB or RGBA, got ${decoded.dtype} x ${channels}`);
  }
  if (channels === 4) return decoded.data;
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba.set(decoded.data.subarray(i * 3, i * 3 + 3), i * 4);
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}

/**
 * Compares a rendered figure (straight RGBA) with `test/render/snapshots/<name>.png`, the way
 * d3-geo's image tests do: a missing snapshot is written (outside CI, `CI !== "true"`, so a
 * new figure is reviewed by looking at it and committing it); otherwise at most 0.5 % of the
 * pixels may differ beyond pixelmatch threshold 0.1. On failure the diff image is written to
 * `<tmpdir>/aurorakit-snapshots/<name>.diff.png` and named in the message.
 */
export function expectSnapshot(
  name: string,
  rgba: Uint8Array,
  width: number,
  height: number,
): void {
  const path = join(snapshotsDir, `${name}.png`);
  if (!existsSync(path)) {
    if (process.env.CI === "true") {
      throw new Error(
        `snapshot ${path} is missing; run the test locally to create it, look at it, commit it`,
      );
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, encodePng({ dtype: "uint8", shape: [height, width, 4], data: rgba }));
    return;
  }
  const decoded = decodePng(new Uint8Array(readFileSync(path)), path);
  const [expectedHeight, expectedWidth] = decoded.shape;
  expect(
    [width, height],
    `figure size against snapshot ${path}; delete the snapshot to accept a new size`,
  ).toEqual([expectedWidth, expectedHeight]);
  const diff = new Uint8Array(width * height * 4);
  const differing = pixelmatch(toRgba(decoded), rgba, diff, width, height, {
    threshold: PIXEL_THRESHOLD,
  });
  const allowed = Math.floor(width * height * MAX_DIFFERING_FRACTION);
  if (differing > allowed) {
    const diffPath = join(tmpdir(), "aurorakit-snapshots", `${name}.diff.png`);
    mkdirSync(dirname(diffPath), { recursive: true });
    writeFileSync(diffPath, encodePng({ dtype: "uint8", shape: [height, width, 4], data: diff }));
    writeFileSync(
      diffPath.replace(/\.diff\.png$/, ".actual.png"),
      encodePng({ dtype: "uint8", shape: [height, width, 4], data: rgba }),
    );
    expect.fail(
      `${differing} pixels differ from snapshot ${path} (allowed ${allowed}); diff: ${diffPath}; if the change is intended, delete the snapshot and rerun to accept it`,
    );
  }
}
