import { scaleLinear, scaleLog } from "d3-scale";
import { InvalidArgumentError } from "../../core/errors.js";

/** A tick in data units: where it goes is the caller's scale or norm. */
export interface TickValue {
  readonly value: number;
  /** Empty for an unlabelled tick. */
  readonly label: string;
  /** Minor ticks are drawn shorter (log sub-decades). */
  readonly minor: boolean;
}

/** The number of ticks matplotlib's default locators aim for on a figure-sized axis. */
export const DEFAULT_TICK_COUNT = 6;

function checkDomain(what: string, lower: number, upper: number): void {
  if (!(Number.isFinite(lower) && Number.isFinite(upper) && lower !== upper)) {
    throw new InvalidArgumentError(
      what,
      `needs two different finite ends, got ${lower} and ${upper}`,
    );
  }
}

/**
 * d3-format specifier for tick labels: fixed notation (matplotlib's ScalarFormatter look,
 * "3000" not "3,000" or "3k") unless the numbers are so large or small that fixed notation
 * would print a string of zeros.
 */
function linearSpecifier(lower: number, upper: number): string {
  const largest = Math.max(Math.abs(lower), Math.abs(upper));
  return largest >= 1e6 || largest < 1e-3 ? "~e" : "~f";
}

/** "Nice" ticks (1, 2, 5 × 10^k steps) of d3's linear scale, all labelled. */
export function linearTicks(
  lower: number,
  upper: number,
  count: number = DEFAULT_TICK_COUNT,
): TickValue[] {
  checkDomain("linear axis domain", lower, upper);
  const scale = scaleLinear().domain([lower, upper]);
  const format = scale.tickFormat(count, linearSpecifier(lower, upper));
  return scale.ticks(count).map((value) => ({ value, label: format(value), minor: false }));
}

const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

function isDecade(value: number): boolean {
  const exponent = Math.log10(value);
  return Math.abs(exponent - Math.round(exponent)) < 1e-9;
}

/** 10 with a superscript exponent, "10⁻³", as matplotlib's LogFormatterSciNotation writes it. */
function powerOfTen(exponent: number): string {
  const digits = String(Math.abs(exponent))
    .split("")
    .map((digit) => SUPERSCRIPT_DIGITS[Number(digit)])
    .join("");
  return `10${exponent < 0 ? "⁻" : ""}${digits}`;
}

/**
 * Ticks of a log axis from d3's log scale: 1-9 × 10^k. Over two or more decades only the
 * decades are labelled (plain numbers between 0.01 and 100000, else 10ⁿ) and the rest are
 * minor ticks; within less than that, d3's log tick format picks which sub-decade values get a
 * label (all of them on a short range such as THEMIS's 3000-9000 counts).
 */
export function logTicks(
  lower: number,
  upper: number,
  count: number = DEFAULT_TICK_COUNT,
): TickValue[] {
  checkDomain("log axis domain", lower, upper);
  if (!(lower > 0 && upper > 0)) {
    throw new InvalidArgumentError(
      "log axis domain",
      `needs positive ends, got ${lower} and ${upper}; use a linear axis for data at or below zero`,
    );
  }
  const scale = scaleLog().domain([lower, upper]);
  const values = scale.ticks(count);
  const decades = values.filter(isDecade);
  if (decades.length >= 2) {
    const exponents = decades.map((value) => Math.round(Math.log10(value)));
    const plain = exponents.every((exponent) => exponent >= -2 && exponent <= 5);
    return values.map((value) => {
      if (!isDecade(value)) return { value, label: "", minor: true };
      const exponent = Math.round(Math.log10(value));
      return { value, label: plain ? String(10 ** exponent) : powerOfTen(exponent), minor: false };
    });
  }
  const format = scale.tickFormat(count * 2, "~g");
  return values.map((value) => {
    const label = format(value);
    return { value, label, minor: label === "" };
  });
}

/** Largest 1, 2 or 5 × 10^k not above `step` (positive). */
function niceUnitBelow(step: number): number {
  const power = 10 ** Math.floor(Math.log10(step));
  const mantissa = step / power;
  return (mantissa >= 5 ? 5 : mantissa >= 2 ? 2 : 1) * power;
}

/**
 * Ticks for the asinh norm t = asinh((x − lower)/s) / asinh((upper − lower)/s): targets evenly
 * spaced in t (so they spread over the colorbar), each rounded to a 1-2-5 multiple of the local
 * data spacing between targets, so labels are round numbers where the scale is linear (near
 * `lower`) and where it is logarithmic (far above).
 */
export function asinhTicks(
  lower: number,
  upper: number,
  softeningScale: number,
  count: number = DEFAULT_TICK_COUNT,
): TickValue[] {
  checkDomain("asinh axis domain", lower, upper);
  const span = Math.asinh((upper - lower) / softeningScale);
  const valueAt = (t: number): number => lower + softeningScale * Math.sinh(t * span);
  const values: number[] = [];
  const units: number[] = [];
  for (let i = 0; i <= count; i++) {
    const t = i / count;
    const localStep = (valueAt(t + 0.5 / count) - valueAt(t - 0.5 / count)) / 2;
    const unit = niceUnitBelow(localStep);
    const rounded = Math.round(valueAt(t) / unit) * unit;
    const tolerance = (upper - lower) * 1e-9;
    if (rounded < lower - tolerance || rounded > upper + tolerance) continue;
    if (values.length > 0 && rounded <= (values[values.length - 1] as number)) continue;
    values.push(rounded);
    units.push(unit);
  }
  return values.map((value, i) => {
    const decimals = Math.max(0, -Math.floor(Math.log10(units[i] as number)));
    return { value, label: value.toFixed(decimals).replace("-", "\u2212"), minor: false };
  });
}
