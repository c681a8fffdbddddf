import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { Worker } from "node:worker_threads";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, expect, it } from "vitest";
import { describeWithFixtures } from "../support/describe-fixtures.js";
import { fixturesDir, haveFixtures, readFixture } from "../support/fixtures.js";
import { mutate, seededRandom } from "../support/mutate.js";

/** Mutations per real fixture; `FUZZ_ITERATIONS=2000 npm test` runs a long campaign. */
const iterations = Number(process.env.FUZZ_ITERATIONS ?? 20);
const seed = Number(process.env.FUZZ_SEED ?? 20261122);
/** A reader that takes longer than this on a few-MB file is treated as hung. */
const HANG_LIMIT_MS = 60_000;

const DATA_FILE = /\.(cdf|sav|pgm|pgm\.gz|pgm\.bz2|h5|png)$/;

function dataFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return dataFiles(path);
    return DATA_FILE.test(name) ? [path] : [];
  });
}

type Outcome =
  | { outcome: "decoded" | "ready" }
  | { outcome: "typed-error"; tag: string }
  | { outcome: "untyped-error"; name: string; message: string; stack: string }
  | { outcome: "hang" };

class ReaderWorker {
  private worker: Worker | undefined;

  private async start(): Promise<Worker> {
    const worker = new Worker(new URL("../support/fuzz-worker.mjs", import.meta.url), {
      // Bounded heap: an unjustified allocation fails here instead of exhausting the machine.
      resourceLimits: { maxOldGenerationSizeMb: 2048 },
    });
    await new Promise<void>((resolve, reject) => {
      worker.once("message", () => resolve());
      worker.once("error", reject);
    });
    this.worker = worker;
    return worker;
  }

  async decode(path: string): Promise<Outcome> {
    const worker = this.worker ?? (await this.start());
    return new Promise<Outcome>((resolve) => {
      const settle = (outcome: Outcome) => {
        clearTimeout(timer);
        worker.removeAllListeners("message");
        worker.removeAllListeners("error");
        resolve(outcome);
      };
      const timer = setTimeout(() => {
        void worker.terminate();
        this.worker = undefined;
        settle({ outcome: "hang" });
      }, HANG_LIMIT_MS);
      worker.once("message", (message: Outcome) => settle(message));
      worker.once("error", (error: Error) => {
        this.worker = undefined;
        settle({ outcome: "untyped-error", name: error.name, message: error.message, stack: "" });
      });
      worker.postMessage(path);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}

const files = haveFixtures ? dataFiles(fixturesDir) : [];
const scratch = mkdtempSync(join(tmpdir(), "aurorakit-fuzz-"));
const worker = new ReaderWorker();

afterAll(async () => {
  await worker.close();
  rmSync(scratch, { recursive: true, force: true });
});

// Invariant under test: a corrupted real file either decodes or raises a tagged aurorakit
// error (FormatError/UnsupportedError) — never a bare TypeError/RangeError, a crash or a hang.
describeWithFixtures(`fuzz: ${iterations} mutations of each real fixture (seed ${seed})`, () => {
  it("runs against the compiled library (npm test builds it first)", () => {
    expect(existsSync(new URL("../../dist/formats/describe-file.js", import.meta.url))).toBe(true);
  });

  it("the harness tells an untyped error from a typed one", async () => {
    // A directory is not a file: Node's EISDIR error is not an aurorakit error, so the worker
    // must report it as untyped — proof that the check below can fail.
    expect((await worker.decode(scratch)).outcome).toBe("untyped-error");
    const notAFormat = join(scratch, "not-a-format.txt");
    writeFileSync(notAFormat, "plain text");
    expect(await worker.decode(notAFormat)).toEqual({ outcome: "typed-error", tag: "FormatError" });
  });

  for (const [fileIndex, path] of files.entries()) {
    it(`mutations of ${basename(path)} end in a decode or a typed error`, async () => {
      const original = readFixture(path.slice(fixturesDir.length + 1));
      const gzipped = original[0] === 0x1f && original[1] === 0x8b;
      const inner = gzipped ? new Uint8Array(gunzipSync(original)) : original;
      const random = seededRandom(seed + fileIndex);
      const failures: string[] = [];
      for (let i = 0; i < iterations; i++) {
        // For gzip-wrapped files, mutate the inner PGM stream half the time and re-wrap it, so
        // the PGM parser (not only the gzip checksum) meets the damage.
        const mutateInner = gzipped && random() < 0.5;
        const mutated = mutate(mutateInner ? inner : original, random);
        const bytes = mutateInner ? new Uint8Array(gzipSync(mutated.bytes)) : mutated.bytes;
        const target = join(scratch, `${i}-${basename(path)}`);
        writeFileSync(target, bytes);
        const result = await worker.decode(target);
        rmSync(target, { force: true });
        if (result.outcome === "untyped-error" || result.outcome === "hang") {
          const what = mutateInner ? `inner stream ${mutated.description}` : mutated.description;
          const detail =
            result.outcome === "hang"
              ? `no answer within ${HANG_LIMIT_MS} ms`
              : `${result.name}: ${result.message}\n${result.stack}`;
          failures.push(`#${i} (${what}): ${detail}`);
        }
      }
      expect(failures, failures.join("\n\n")).toEqual([]);
    });
  }
});
