/** Arrays of CDF time values from POSIX time, for appending to EPOCH and TT2000 variables. */
import { InvalidArgumentError } from "../../../core/errors.js";
import { unixMsToCdfEpoch, unixMsToTt2000 } from "../../../core/time/cdf-epochs.js";

function checkFinite(timesMs: ArrayLike<number>): void {
  for (let i = 0; i < timesMs.length; i++) {
    const t = timesMs[i]!;
    if (!Number.isFinite(t)) {
      throw new InvalidArgumentError("timesMs", `item ${i} is ${t}; times must be finite`);
    }
  }
}

/** CDF_EPOCH values (ms since 0000-01-01) for POSIX times in ms. */
export function cdfEpochFromUnixMs(timesMs: ArrayLike<number>): Float64Array {
  checkFinite(timesMs);
  const out = new Float64Array(timesMs.length);
  for (let i = 0; i < timesMs.length; i++) out[i] = unixMsToCdfEpoch(timesMs[i]!);
  return out;
}

/** CDF_TIME_TT2000 values (ns since J2000 TT, leap seconds counted) for POSIX times in ms. */
export function tt2000FromUnixMs(timesMs: ArrayLike<number>): BigInt64Array {
  checkFinite(timesMs);
  const out = new BigInt64Array(timesMs.length);
  for (let i = 0; i < timesMs.length; i++) out[i] = unixMsToTt2000(timesMs[i]!);
  return out;
}
