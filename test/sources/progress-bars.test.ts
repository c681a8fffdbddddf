import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { terminalProgressReporter } from "../../src/cli/progress-bars.js";

function capture(isTTY: boolean): { stream: Writable & { isTTY?: boolean }; text: () => string } {
  let text = "";
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  }) as Writable & { isTTY?: boolean };
  stream.isTTY = isTTY;
  return { stream, text: () => text };
}

function run(isTTY: boolean): string {
  const out = capture(isTTY);
  let clockMs = 0;
  const reporter = terminalProgressReporter(out.stream, { now: () => clockMs, redrawMs: 0 });
  reporter.begin({
    id: "u1",
    label: "20140310_0600_gill_themis19_full.pgm.gz",
    unit: "bytes",
    total: 2_000_000,
  });
  reporter.begin({ id: "u2", label: "b.cdf", unit: "bytes" });
  clockMs = 500;
  reporter.advance("u1", 1_000_000);
  reporter.warn("retrying b.cdf in 0.5 s after HTTP 503");
  clockMs = 1_000;
  reporter.advance("u1", 1_000_000);
  reporter.end("u1", "done");
  reporter.end("u2", "failed");
  return out.text();
}

describe("terminalProgressReporter", () => {
  it("without a TTY prints one plain line per finished file and per warning", () => {
    // Analytic: 2 000 000 bytes = 2.0 MB in 1.0 s = 2.0 MB/s; b.cdf received nothing.
    expect(run(false)).toBe(
      [
        "warning: retrying b.cdf in 0.5 s after HTTP 503",
        "done 20140310_0600_gill_themis19_full.pgm.gz: 2.0 MB in 1.0 s (2.0 MB/s)",
        "failed b.cdf: 0.0 MB in 1.0 s (0.0 MB/s)",
        "",
      ].join("\n"),
    );
  });

  it("on a TTY redraws live lines in place with carriage returns and cursor moves", () => {
    const text = run(true);
    expect(text).toContain("\r");
    expect(text).toContain("\u001b[2A");
    // Analytic: 1 000 000 of 2 000 000 bytes = 50 % after 0.5 s = 2.0 MB/s.
    expect(text).toContain("20140310_0600_gill_themis19_full.pgm.gz 50% 1.0 MB / 2.0 MB 2.0 MB/s");
    expect(text).toContain("warning: retrying b.cdf in 0.5 s after HTTP 503\n");
    expect(text.endsWith("failed b.cdf: 0.0 MB in 1.0 s (0.0 MB/s)\n")).toBe(true);
  });
});
