/**
 * Multi-channel frames (the TREx RGB layout: interleaved channels, uint8): the keogram keeps
 * every channel of each pixel, [time][pixel][channel], exactly as the frame holds it.
 */
import { expect, it } from "vitest";
import { keogram } from "../../../src/analysis/keogram/keogram.js";
import type { ImagerFrame, ImageSource } from "../../../src/arrays/array-plugin.js";
import { ArrayRegistry } from "../../../src/arrays/registry.js";
import { syntheticArray } from "../../../src/arrays/synthetic/synthetic-array.js";
import { openImager } from "../../../src/imager/open-imager.js";

const CHANNELS = 3;
const range = { start: "2014-03-10T06:00:00Z", end: "2014-03-10T06:00:05Z" };

/** Channel c of pixel i: a function of the synthetic count that differs per channel. */
const channelValue = (count: number, c: number) => (count + 37 * c) & 0xff;

/** The synthetic camera turned into a 3-channel uint8 camera; `channelsDelivered` may lie. */
function rgbRegistry(channelsDelivered: number): ArrayRegistry {
  const base = syntheticArray();
  const source = base.sources[0] as ImageSource;
  const rgb: ImageSource = {
    ...source,
    async *readFrames(path, site, startMs, endMs): AsyncGenerator<ImagerFrame, void, undefined> {
      for await (const f of source.readFrames(path, site, startMs, endMs)) {
        const image = new Uint8Array(f.image.length * channelsDelivered);
        for (let i = 0; i < f.image.length; i++) {
          for (let c = 0; c < channelsDelivered; c++)
            image[i * channelsDelivered + c] = channelValue(f.image[i] as number, c);
        }
        yield { timeMs: f.timeMs, image };
      }
    },
  };
  return new ArrayRegistry().register({
    ...base,
    geometry: { ...base.geometry, channels: CHANNELS, dtype: "uint8" },
    sources: [rgb],
  });
}

it("keeps every channel of each selected pixel, interleaved", async () => {
  const registry = rgbRegistry(CHANNELS);
  const imager = await openImager("synthetic", "gill", range, { registry });
  const k = await keogram(imager, { along: "ewogram" });
  expect(k.channels).toBe(CHANNELS);
  const pixels = k.rows.length;
  expect(k.values).toHaveLength(2 * pixels * CHANNELS);
  let slot = 0;
  for await (const frame of imager.frames()) {
    for (let p = 0; p < pixels; p++) {
      const i = (k.rows[p] as number) * 256 + (k.columns[p] as number);
      for (let c = 0; c < CHANNELS; c++) {
        // Oracle: the streamed frame's channel c at the pixel, exact.
        expect(k.values[(slot * pixels + p) * CHANNELS + c]).toBe(frame.image[i * CHANNELS + c]);
      }
    }
    slot++;
  }
  expect(slot).toBe(2);
});

it("refuses frames whose size does not match the declared geometry", async () => {
  const imager = await openImager("synthetic", "gill", range, { registry: rgbRegistry(1) });
  await expect(keogram(imager)).rejects.toThrow(
    /has 65536 values, expected 256x256x3; the array plugin decodes it wrongly/,
  );
});
