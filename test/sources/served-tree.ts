import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Upstream } from "../../src/sources/upstream.js";
import { fixture } from "../support/fixtures.js";
import { startUpstreamServer, type UpstreamServer } from "../support/upstream-server.js";
import { makeTempDir, removeDir } from "./cache-harness.js";

/** Deterministic bytes (a 32-bit LCG, Numerical Recipes constants) so tests need no binaries. */
export function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

export interface GeneratedTree {
  readonly root: string;
  readonly plain: Uint8Array;
  /** Two concatenated gzip members (RFC 1952 §2.2 allows this). */
  readonly gzip: Uint8Array;
  readonly plus: Uint8Array;
}

/** Writes the small files the loopback server serves below `<root>/files/`. */
export async function writeGeneratedTree(root: string): Promise<GeneratedTree> {
  const plain = pseudoRandomBytes(300_000, 1);
  const text = new TextEncoder().encode("aurora ".repeat(40_000));
  const gzip = new Uint8Array(
    Buffer.concat([gzipSync(text), gzipSync(pseudoRandomBytes(100_000, 2))]),
  );
  const plus = pseudoRandomBytes(1_000, 3);
  await mkdir(join(root, "files", "sub dir"), { recursive: true });
  await writeFile(join(root, "files", "plain.bin"), plain);
  await writeFile(join(root, "files", "data.bin.gz"), gzip);
  await writeFile(join(root, "files", "sub dir", "skymap_20110305-+_vXX.sav"), plus);
  return { root, plain, gzip, plus };
}

/** Real fixtures served at their upstream paths (never copied: the server reads them in place). */
export const FIXTURE_MOUNTS = {
  cdfPath: "/data/themis/thg/l1/asi/gako/2011/01/thg_l1_asf_gako_2011010617_v01.cdf",
  pgmPath:
    "/sort_by_project/THEMIS/asi/stream0/2014/03/10/gill_themis19/ut06/20140310_0600_gill_themis19_full.pgm.gz",
  skymapPath:
    "/sort_by_project/THEMIS/asi/skymaps/gako/gako_20110305/themis_skymap_gako_20110305-+_vXX.sav",
};

export function fixtureMounts(): Record<string, string> {
  return {
    [FIXTURE_MOUNTS.cdfPath]: fixture("themis", "thg_l1_asf_gako_2011010617_v01.cdf"),
    [FIXTURE_MOUNTS.pgmPath]: fixture("themis-pgm", "20140310_0600_gill_themis19_full.pgm.gz"),
    [FIXTURE_MOUNTS.skymapPath]: fixture("themis", "themis_skymap_gako_20110305-+_vXX.sav"),
  };
}

/** The generated tree served on loopback, as the DataCache tests use it. */
export interface ServedTree {
  readonly tree: GeneratedTree;
  readonly server: UpstreamServer;
  /** Upstream "gen" rooted at the tree's `files/` folder. */
  readonly upstream: Upstream;
}

export async function serveGeneratedTree(): Promise<ServedTree> {
  const tree = await writeGeneratedTree(await makeTempDir());
  const server = await startUpstreamServer({ root: tree.root });
  return { tree, server, upstream: { name: "gen", baseUrl: `${server.baseUrl}/files` } };
}

export async function stopServedTree(served: ServedTree): Promise<void> {
  await served.server.close();
  await removeDir(served.tree.root);
}
