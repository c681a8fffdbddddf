import { gunzipSync } from "node:zlib";
import { readFixture } from "./fixtures.js";

/** The `*.pgm.gz.oracle.json` written by an independent Python PGM parser. */
export interface PgmOracle {
  readonly frames: number;
  readonly stack: {
    readonly dtype: string;
    readonly shape: number[];
    readonly sum: number;
    readonly min: number;
    readonly max: number;
    readonly sha256_le: string;
  };
  readonly per_frame: readonly {
    readonly sha256_le: string;
    readonly min: number;
    readonly max: number;
    /** `%Y-%m-%d %H:%M:%S.%f UTC` */
    readonly timestamp: string;
  }[];
  readonly metadata_keys_frame0: readonly string[];
  readonly metadata_frame0: Readonly<Record<string, string>>;
}

/** The real UCalgary PGM fixtures (folder, file name) in `../shared/fixtures`. */
export const PGM_FIXTURES: readonly (readonly [string, string])[] = [
  ["themis-pgm", "20140310_0600_gill_themis19_full.pgm.gz"],
  ["themis-pgm", "20140310_0601_gill_themis19_full.pgm.gz"],
  ["trex", "20220307_0600_gill_nir-216_8446.pgm.gz"],
  ["trex", "20220308_0600_gill_blue-814_full.pgm.gz"],
];

/** The decompressed PGM stream of a fixture (gunzipped in-process, nothing written). */
export function decodedFixture(folder: string, name: string): Uint8Array {
  return new Uint8Array(gunzipSync(readFixture(folder, name)));
}

/** Oracle timestamp `2014-03-10 06:00:00.063119 UTC` as ISO 8601 `2014-03-10T06:00:00.063119Z`. */
export function oracleIso(timestamp: string): string {
  return timestamp.replace(" ", "T").replace(" UTC", "Z");
}
