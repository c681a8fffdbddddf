import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ImagerFrame, ImageSource } from "../../../src/arrays/array-plugin.js";
import { readSkymapFile } from "../../../src/arrays/skymap/read-skymap.js";
import { parseSkymapFileName } from "../../../src/arrays/skymap/skymap-file-name.js";
import { SyntheticNetwork } from "../../../src/arrays/synthetic/synthetic-array.js";
import { writeSyntheticUpstream } from "../../../src/arrays/synthetic/write-upstream-tree.js";
import { themisArray } from "../../../src/arrays/themis.js";
import { fileSource } from "../../../src/core/byte-source.js";
import { readIdlSave } from "../../../src/formats/idlsav/index.js";
import type { IdlValue } from "../../../src/formats/idlsav/types.js";
import { describeWithFixtures } from "../../support/describe-fixtures.js";
import { fixture } from "../../support/fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "aurorakit-synthetic-upstream-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A range across an hour boundary: two hourly CDFs and two minute PGMs.
const START_MS = Date.UTC(2014, 2, 10, 6, 59, 45);
const END_MS = Date.UTC(2014, 2, 10, 7, 0, 9);
const SEED = 5;
const written = writeSyntheticUpstream({
  dir,
  siteCode: "gill",
  startMs: START_MS,
  endMs: END_MS,
  seed: SEED,
});

function expected(): ImagerFrame[] {
  const network = new SyntheticNetwork({ seed: SEED });
  return [
    ...network.minuteFrames("gill", Date.UTC(2014, 2, 10, 6, 59), START_MS, END_MS),
    ...network.minuteFrames("gill", Date.UTC(2014, 2, 10, 7, 0), START_MS, END_MS),
  ];
}

async function readAll(source: ImageSource, paths: string[]): Promise<ImagerFrame[]> {
  const out: ImagerFrame[] = [];
  for (const path of paths)
    for await (const f of source.readFrames(path, "gill", START_MS, END_MS)) out.push(f);
  return out;
}

function same(a: ImagerFrame[], b: ImagerFrame[]): void {
  expect(a.map((f) => f.timeMs)).toEqual(b.map((f) => f.timeMs));
  a.forEach((f, i) => {
    const g = b[i]?.image as Uint16Array;
    // Exact: bit-for-bit pixels (the file readers are the oracle for the layout).
    expect(
      Buffer.from(f.image.buffer, f.image.byteOffset, f.image.byteLength).equals(
        Buffer.from(g.buffer, g.byteOffset, g.byteLength),
      ),
      `frame ${i}`,
    ).toBe(true);
  });
}

describe("writeSyntheticUpstream", () => {
  it("lays files out as the upstream servers do", async () => {
    const { files } = await written;
    expect(files.map((f) => relative(dir, f)).sort()).toEqual([
      "berkeley/thg/l1/asi/gill/2014/03/thg_l1_asf_gill_2014031006_v01.cdf",
      "berkeley/thg/l1/asi/gill/2014/03/thg_l1_asf_gill_2014031007_v01.cdf",
      "ucalgary/THEMIS/asi/skymaps/gill/gill_20140310/themis_skymap_gill_20140310-+_v01.sav",
      "ucalgary/THEMIS/asi/stream0/2014/03/10/gill_themis99/ut06/20140310_0659_gill_themis99_full.pgm.gz",
      "ucalgary/THEMIS/asi/stream0/2014/03/10/gill_themis99/ut07/20140310_0700_gill_themis99_full.pgm.gz",
    ]);
  });

  it("writes PGM frames the THEMIS stream0 reader returns exactly as syntheticArray renders them", async () => {
    const { files } = await written;
    const [pgm] = themisArray().sources;
    if (pgm === undefined) throw new Error("no PGM source");
    const frames = await readAll(pgm, files.filter((f) => f.endsWith(".pgm.gz")).sort());
    // Analytic: 06:59:45 … 07:00:09 at 3 s → 9 frames.
    expect(frames).toHaveLength(9);
    same(frames, expected());
  });

  it("writes L1 CDFs the THEMIS CDF reader returns (after its 180° rotation) exactly as rendered", async () => {
    const { files } = await written;
    const cdf = themisArray().sources[1];
    if (cdf === undefined) throw new Error("no CDF source");
    same(await readAll(cdf, files.filter((f) => f.endsWith(".cdf")).sort()), expected());
  });

  it("writes a skymap that reads back as the lens skymap", async () => {
    const { files } = await written;
    const path = files.find((f) => f.endsWith(".sav")) as string;
    const name = parseSkymapFileName(basename(path));
    if (name === null) throw new Error("unparsable skymap name");
    const back = readSkymapFile(path, name, "asStored");
    const lens = new SyntheticNetwork({ seed: SEED }).skymap("gill");
    // float32 exact for centre grids and latitudes; altitudes km↔m exact for these values.
    expect(Buffer.from(back.azimuthDeg.buffer).equals(Buffer.from(lens.azimuthDeg.buffer))).toBe(
      true,
    );
    expect(
      Buffer.from(back.elevationDeg.buffer).equals(Buffer.from(lens.elevationDeg.buffer)),
    ).toBe(true);
    expect(back.altitudesKm).toEqual(lens.altitudesKm);
    expect(back.validFromMs).toBe(Date.UTC(2014, 2, 10));
    expect(back.validUntilMs).toBeNull();
    // Site: float32 storage of the catalogue values, to 1e-5° / 1e-6 km.
    expect(Math.abs(back.site.latitudeDeg - lens.site.latitudeDeg)).toBeLessThan(1e-5);
    expect(Math.abs(back.site.longitudeDeg - lens.site.longitudeDeg)).toBeLessThan(1e-4);
    expect(Math.abs(back.site.altitudeKm - lens.site.altitudeKm)).toBeLessThan(1e-6);
    for (let a = 0; a < lens.altitudesKm.length; a++) {
      const lat = back.cornerLatitudeDeg[a] as Float32Array;
      expect(
        Buffer.from(lat.buffer, lat.byteOffset, lat.byteLength).equals(
          Buffer.from((lens.cornerLatitudeDeg[a] as Float32Array).buffer),
        ),
      ).toBe(true);
      const lonBack = back.cornerLongitudeDeg[a] as Float32Array;
      const lon = lens.cornerLongitudeDeg[a] as Float32Array;
      let worst = 0;
      for (let i = 0; i < lon.length; i++) {
        const v = lon[i] as number;
        if (Number.isNaN(v)) {
          expect(Number.isNaN(lonBack[i] as number)).toBe(true);
          continue;
        }
        worst = Math.max(worst, Math.abs((lonBack[i] as number) - v));
      }
      // Stored 0–360 in float32 then wrapped: 1e-4° (brief's tolerance; float32 ulp at 265° is 3e-5°).
      expect(worst).toBeLessThan(1e-4);
    }
  });
});

/** Field names, kinds, IDL types and shapes of a value, recursively (not the data). */
function schema(value: IdlValue | undefined): unknown {
  if (value === undefined) return "missing";
  if (value.kind === "struct")
    return {
      struct: value.name,
      shape: value.shape,
      fields: [...value.fields].map(([k, v]) => [k, schema(v)]),
    };
  if (value.kind === "numeric") return [value.idlType, value.array.shape.length];
  if (value.kind === "string") return ["string", value.array.shape];
  return value.kind;
}

describeWithFixtures("synthetic skymap file vs the real THEMIS skymap", () => {
  it("has the real SKYMAP structure's field names, IDL types and ranks (shapes for 256x256)", async () => {
    const { files } = await written;
    const ours = readIdlSave(
      fileSource(files.find((f) => f.endsWith(".sav")) as string, "IDL save"),
    );
    const real = readIdlSave(
      fileSource(fixture("themis", "themis_skymap_gako_20110305-+_vXX.sav"), "IDL save"),
    );
    // Oracle: the real Gakona skymap read by our reader (its oracle json, from scipy, lists the same fields).
    expect(schema(ours.variables.get("skymap"))).toEqual(schema(real.variables.get("skymap")));
    const shapes = (file: typeof ours) => {
      const v = file.variables.get("skymap");
      if (v?.kind !== "struct") throw new Error("no struct");
      return [...v.fields].map(([k, f]) => [
        k,
        f.kind === "numeric" || f.kind === "string" ? f.array.shape : "struct",
      ]);
    };
    // Both are 256x256 imagers with 3 mapping altitudes: identical shapes, field by field.
    expect(shapes(ours)).toEqual(shapes(real));
  });
});
