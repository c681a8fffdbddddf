import { describe, expect, it } from "vitest";
import type { ImagerFrame, SourceContext } from "../../../src/arrays/array-plugin.js";
import { syntheticArray } from "../../../src/arrays/synthetic/synthetic-array.js";
import { NotFoundError } from "../../../src/core/errors.js";

// The synthetic source never touches its context (no network, no cache): an empty stand-in.
const context = {} as SourceContext;
const START_MS = Date.UTC(2014, 2, 10, 6, 0, 10);
const END_MS = Date.UTC(2014, 2, 10, 6, 2, 5);

async function frames(
  plugin: ReturnType<typeof syntheticArray>,
  site: string,
  startMs: number,
  endMs: number,
) {
  const source = plugin.sources[0];
  if (source === undefined) throw new Error("no source");
  const out: ImagerFrame[] = [];
  for (const ref of await source.findFiles(context, site, startMs, endMs)) {
    const path = await source.fetchFile(context, ref, {});
    if (path === null) continue;
    for await (const frame of source.readFrames(path, site, startMs, endMs)) out.push(frame);
  }
  return out;
}

describe("syntheticArray", () => {
  const plugin = syntheticArray({ seed: 11 });

  it("describes a THEMIS-like array", () => {
    expect(plugin.id).toBe("synthetic");
    expect(plugin.label).toBe("Synthetic");
    expect(plugin.sites.map((s) => s.code)).toEqual(["gill", "atha", "tpas"]);
    expect(plugin.cadenceS).toBe(3);
    expect(plugin.geometry).toEqual({ width: 256, height: 256, channels: 1, dtype: "uint16" });
    expect(plugin.defaultAltitudeKm).toBe(110);
    expect(plugin.sources[0]?.fileSpanMs).toBe(60_000);
  });

  it("lists one file per minute overlapping the range", async () => {
    const refs = await plugin.sources[0]?.findFiles(context, "gill", START_MS, END_MS);
    expect(refs?.map((r) => r.relPath)).toEqual([
      "synthetic/gill/20140310_0600",
      "synthetic/gill/20140310_0601",
      "synthetic/gill/20140310_0602",
    ]);
    expect(refs?.[0]?.startMs).toBe(Date.UTC(2014, 2, 10, 6, 0));
    expect(refs?.[0]?.endMs).toBe(Date.UTC(2014, 2, 10, 6, 1));
  });

  it("renders frames every 3 s within the range, identical on a second read", async () => {
    const first = await frames(plugin, "gill", START_MS, END_MS);
    // Analytic: 06:00:12 … 06:02:03 at 3 s → (123 − 12) / 3 + 1 = 38 frames.
    expect(first.map((f) => f.timeMs)).toEqual(
      Array.from({ length: 38 }, (_, k) => START_MS + 2000 + k * 3000),
    );
    const again = await frames(syntheticArray({ seed: 11 }), "gill", START_MS + 60_000, END_MS);
    const i = first.findIndex((f) => f.timeMs === again[0]?.timeMs);
    // Invariant: the same (seed, site, time) gives the same pixels in any instance and order.
    expect(
      Buffer.from(first[i]?.image.buffer ?? new ArrayBuffer(0)).equals(
        Buffer.from(again[0]?.image.buffer ?? new ArrayBuffer(1)),
      ),
    ).toBe(true);
    expect(new Set(first.map((f) => f.image)).size).toBe(first.length);
  });

  it("gives different cameras different noise but the same aurora reference", async () => {
    const [g] = await frames(plugin, "gill", START_MS, START_MS + 3000);
    const [t] = await frames(plugin, "tpas", START_MS, START_MS + 3000);
    expect(
      Buffer.from(g?.image.buffer ?? new ArrayBuffer(0)).equals(
        Buffer.from(t?.image.buffer ?? new ArrayBuffer(0)),
      ),
    ).toBe(false);
  });

  it("returns the lens skymap, cached per site", async () => {
    const a = await plugin.skymaps.find(context, "atha", START_MS, {});
    const b = await plugin.skymaps.find(context, "atha", START_MS, {});
    expect(a).toBe(b);
    expect(a.site.code).toBe("atha");
    expect([a.width, a.height]).toEqual([256, 256]);
  });

  it("refuses unknown sites and foreign paths", async () => {
    await expect(plugin.sources[0]?.findFiles(context, "nope", START_MS, END_MS)).rejects.toThrow(
      NotFoundError,
    );
    await expect(plugin.skymaps.find(context, "nope", START_MS, {})).rejects.toThrow(NotFoundError);
    const read = plugin.sources[0]?.readFrames(
      "synthetic/atha/20140310_0600",
      "gill",
      START_MS,
      END_MS,
    );
    await expect(read?.next()).rejects.toThrow(/not a synthetic file/);
  });
});
