import { UnsupportedError } from "../../core/errors.js";
import { CdfEncoding } from "./constants.js";

/** A CDF data encoding: its name and the byte order of the values it stores. */
export interface CdfEncodingInfo {
  readonly code: number;
  readonly name: string;
  readonly littleEndian: boolean;
}

/**
 * Byte order per encoding (CDF User's Guide 3.9, section 2.2.8 "Encoding"): the IEEE 754
 * big-endian machines (NETWORK = XDR, SUN, SGi, IBMRS, MAC, HP, NeXT, ARM_BIG) and the IEEE 754
 * little-endian ones (DECSTATION, IBMPC, ALPHAOSF1, ALPHAVMSi, ARM_LITTLE, IA64VMSi).
 */
const IEEE_BIG_ENDIAN: readonly number[] = [
  CdfEncoding.NETWORK,
  CdfEncoding.SUN,
  CdfEncoding.SGi,
  CdfEncoding.IBMRS,
  CdfEncoding.MAC,
  CdfEncoding.HP,
  CdfEncoding.NeXT,
  CdfEncoding.ARM_BIG,
];
const IEEE_LITTLE_ENDIAN: readonly number[] = [
  CdfEncoding.DECSTATION,
  CdfEncoding.IBMPC,
  CdfEncoding.ALPHAOSF1,
  CdfEncoding.ALPHAVMSi,
  CdfEncoding.ARM_LITTLE,
  CdfEncoding.IA64VMSi,
];

function encodingName(code: number): string | undefined {
  return Object.entries(CdfEncoding).find(([, value]) => value === code)?.[0];
}

/**
 * Resolves an encoding code; undefined for a code the format does not define. VAX and
 * Alpha/Itanium VMS D- and G-float encodings store floats in non-IEEE formats: UnsupportedError.
 */
export function cdfEncoding(code: number): CdfEncodingInfo | undefined {
  const name = encodingName(code);
  if (name === undefined) return undefined;
  if (IEEE_BIG_ENDIAN.includes(code)) return { code, name, littleEndian: false };
  if (IEEE_LITTLE_ENDIAN.includes(code)) return { code, name, littleEndian: true };
  throw new UnsupportedError(
    `CDF data encoding ${name}`,
    "only IEEE 754 encodings are decoded; convert the file with the CDF tools' cdfconvert -encoding network",
  );
}

/** True when this process stores numbers little-endian (every platform Node ships on today). */
export const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
