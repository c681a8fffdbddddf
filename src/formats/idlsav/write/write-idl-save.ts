import { deflateSync } from "node:zlib";
import { InvalidArgumentError } from "../../../core/errors.js";
import {
  HEADER_BYTES_32,
  PREAMBLE_BYTES,
  RECFMT_COMPRESSED,
  RECFMT_PLAIN,
  RecordType,
  SIGNATURE,
  TIMESTAMP_PADDING_BYTES,
} from "../constants.js";
import { writeVariableBody } from "./encode-variable.js";
import { checkIdlName, checkWriteValue, type IdlWriteValue } from "./write-value.js";
import { XdrSink } from "./xdr-sink.js";

export interface WriteIdlSaveOptions {
  /** Compress each record body with zlib, as SAVE, /COMPRESS does (RECFMT 00 06; default false). */
  readonly compress?: boolean;
  /** Save time recorded in the TIMESTAMP record, ms since 1970 UTC (default 0: deterministic output). */
  readonly savedAtMs?: number;
  readonly user?: string;
  readonly host?: string;
  /** !VERSION fields recorded in the VERSION record. */
  readonly arch?: string;
  readonly os?: string;
  readonly release?: string;
}

/** VERSION record FORMAT (Markwardt node14, VERSION): 10, as IDL 8.0 wrote the THEMIS skymap fixture. */
const SAVE_FORMAT_VERSION = 10;
/** Record offsets are 32+32-bit in the header (Markwardt node10); beyond 4 GiB needs PROMOTE64. */
const MAX_PLAIN_FILE_BYTES = 2 ** 32 - 1;

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** IDL's SYSTIME() text, e.g. "Thu May 03 12:01:05 2012" (the ctime layout, in UTC here). */
export function idlDateText(timeMs: number): string {
  const d = new Date(timeMs);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/**
 * Encodes variables as an IDL save file (Markwardt, "Unofficial Format Specification of the
 * IDL SAVE File"): the SR preamble, TIMESTAMP, VERSION, one VARIABLE record per variable (in
 * the given order; names are stored upper case as IDL does) and END_MARKER.
 */
export function writeIdlSave(
  variables: readonly (readonly [name: string, value: IdlWriteValue])[],
  options: WriteIdlSaveOptions = {},
): Uint8Array {
  const seen = new Set<string>();
  for (const [name, value] of variables) {
    checkIdlName(name, "variable name");
    if (seen.has(name.toUpperCase()))
      throw new InvalidArgumentError("variables", `${name} appears twice`);
    seen.add(name.toUpperCase());
    checkWriteValue(value, name);
  }
  const compress = options.compress === true;
  const bodies: [number, Uint8Array][] = [];

  // TIMESTAMP: LONARR(256) of unknown meaning, then DATE, USER, HOST (Markwardt node14).
  const timestamp = new XdrSink();
  timestamp.raw(new Uint8Array(TIMESTAMP_PADDING_BYTES));
  timestamp.recordString(idlDateText(options.savedAtMs ?? 0));
  timestamp.recordString(options.user ?? "aurorakit");
  timestamp.recordString(options.host ?? "aurorakit");
  bodies.push([RecordType.TIMESTAMP, timestamp.finish()]);

  // VERSION: LONG FORMAT, then !VERSION.ARCH, .OS, .RELEASE (Markwardt node14).
  const version = new XdrSink();
  version.i32(SAVE_FORMAT_VERSION);
  version.recordString(options.arch ?? "x86_64");
  version.recordString(options.os ?? "linux");
  version.recordString(options.release ?? "8.0");
  bodies.push([RecordType.VERSION, version.finish()]);

  for (const [name, value] of variables) {
    const sink = new XdrSink();
    writeVariableBody(sink, name, value);
    bodies.push([RecordType.VARIABLE, sink.finish()]);
  }

  const stored = bodies.map(
    ([type, body]) => [type, compress ? new Uint8Array(deflateSync(body)) : body] as const,
  );
  let total = PREAMBLE_BYTES + HEADER_BYTES_32;
  for (const [, body] of stored) total += HEADER_BYTES_32 + body.length;
  if (total > MAX_PLAIN_FILE_BYTES) {
    throw new InvalidArgumentError(
      "variables",
      `${total} bytes exceed the 4 GiB a save file without PROMOTE64 can address`,
    );
  }
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(SIGNATURE, 0);
  out.set(compress ? RECFMT_COMPRESSED : RECFMT_PLAIN, 2);
  let position = PREAMBLE_BYTES;
  // Record header: LONG RECTYPE, ULONG NEXTREC (low 32 bits), ULONG high 32 bits, LONG unknown (Markwardt node10).
  const header = (type: number, next: number) => {
    view.setInt32(position, type);
    view.setUint32(position + 4, next);
    view.setUint32(position + 8, 0);
    view.setInt32(position + 12, 0);
  };
  for (const [type, body] of stored) {
    const next = position + HEADER_BYTES_32 + body.length;
    header(type, next);
    out.set(body, position + HEADER_BYTES_32);
    position = next;
  }
  header(RecordType.END_MARKER, position + HEADER_BYTES_32);
  return out;
}
