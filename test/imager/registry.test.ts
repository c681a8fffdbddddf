import { expect, it } from "vitest";
import { ArrayRegistry, defaultArrayRegistry } from "../../src/arrays/registry.js";
import { syntheticArray } from "../../src/arrays/synthetic/synthetic-array.js";
import { openImager } from "../../src/imager/open-imager.js";

const minute = { start: "2014-03-10T05:55:00Z", end: "2014-03-10T05:55:59Z" };

it("lets a third party register an array and open it like the built-in ones", async () => {
  const registry = defaultArrayRegistry().register({
    ...syntheticArray({ seed: 7 }),
    id: "my-camera",
    label: "My camera",
  });
  const imager = await openImager("my-camera", "gill", minute, { registry });
  expect(imager.meta.arrayLabel).toBe("My camera");
  const loaded = await imager.load();
  // The synthetic camera's 3 s cadence over one minute: 20 frames.
  expect(loaded.shape).toEqual([20, 256, 256]);
});

it("refuses a taken or malformed id unless replacing on purpose", () => {
  const registry = new ArrayRegistry().register(syntheticArray());
  expect(() => registry.register(syntheticArray())).toThrow(
    /"synthetic" is already registered; pass \{ replace: true \}/,
  );
  expect(() => registry.register(syntheticArray(), { replace: true })).not.toThrow();
  expect(() => registry.register({ ...syntheticArray(), id: "My Camera" })).toThrow(
    /lower-case letters, digits and dashes/,
  );
  expect(registry.list().map((a) => a.id)).toEqual(["synthetic"]);
});

it("load() refuses files faster than the declared cadence instead of overrunning its allocation", async () => {
  // A plugin claiming 6 s over frames that come every 3 s: 11 slots for 20 frames in a minute.
  const registry = new ArrayRegistry().register({ ...syntheticArray(), cadenceS: 6 });
  const imager = await openImager("synthetic", "gill", minute, { registry });
  await expect(imager.load()).rejects.toThrow(
    /more frames than the 6 s cadence of Synthetic allows \(11 in this range\); iterate imager\.frames\(\)/,
  );
});
