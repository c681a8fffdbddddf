import type { ByteReader } from "../../core/byte-reader.js";
import type { ByteSource } from "../../core/byte-source.js";
import { InvalidArgumentError } from "../../core/errors.js";
import { RecordType, TIMESTAMP_PADDING_BYTES, TypeCode, VARSTART } from "./constants.js";
import { type PendingReferences, readVarData } from "./data.js";
import { readTypeDesc, type StructRegistry } from "./descriptors.js";
import { type IdlRecord, parseRecord, readPreamble, walkRecords } from "./records.js";
import { readRecordString, readStringData } from "./strings.js";
import type {
  IdlCommonBlock,
  IdlIdentification,
  IdlSaveFile,
  IdlTimestamp,
  IdlValue,
  IdlVersion,
} from "./types.js";

export interface ReadIdlSaveOptions {
  /**
   * Largest inflated size accepted for one record of a compressed file (default 1 GiB). Deflate
   * itself cannot expand more than 1032:1, which bounds every record by its stored size too.
   */
  readonly maxRecordBytes?: number;
}

const DEFAULT_MAX_RECORD_BYTES = 2 ** 30;

/**
 * Decodes a whole IDL save file (plain or SAVE, /COMPRESS): variables, heap values with
 * pointers resolved, and the preamble records. Bad input raises FormatError with the file,
 * the byte offset and what was expected there.
 */
export function readIdlSave(source: ByteSource, options: ReadIdlSaveOptions = {}): IdlSaveFile {
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  if (!Number.isSafeInteger(maxRecordBytes) || maxRecordBytes < 1) {
    throw new InvalidArgumentError("maxRecordBytes", `${maxRecordBytes} is not a positive integer`);
  }
  const compressed = readPreamble(source);
  const registry: StructRegistry = new Map();
  const pending: PendingReferences[] = [];
  const variables = new Map<string, IdlValue>();
  const heap = new Map<number, IdlValue | null>();
  const commonBlocks: IdlCommonBlock[] = [];
  const warnings: string[] = [];
  let timestamp: IdlTimestamp | undefined;
  let version: IdlVersion | undefined;
  let identification: IdlIdentification | undefined;
  let notice: string | undefined;
  let description: string | undefined;
  let promote64 = false;

  const parse = <T>(record: IdlRecord, body: (reader: ByteReader) => T): T =>
    parseRecord(record, source.name, body);

  for (const record of walkRecords(source, compressed, { maxRecordBytes })) {
    switch (record.type) {
      case RecordType.VARIABLE:
        parse(record, (reader) => {
          const name = readRecordString(reader, "a variable name");
          variables.set(
            name.toLowerCase(),
            readTyped(reader, registry, `variable ${name}`, pending),
          );
        });
        break;
      case RecordType.HEAP_DATA:
        parse(record, (reader) => {
          const index = reader.i32("a heap index");
          // scipy.io.readsav skips one LONG of unknown meaning after HEAP_INDEX.
          reader.skip(4, "the LONG after the heap index");
          const value = readTyped(reader, registry, `heap variable ${index}`, pending);
          heap.set(index, value.kind === "undefined" ? null : value);
        });
        break;
      case RecordType.TIMESTAMP:
        timestamp = parse(record, (reader) => {
          reader.skip(TIMESTAMP_PADDING_BYTES, "the LONARR(256) of the TIMESTAMP record");
          return {
            date: readRecordString(reader, "the save date"),
            user: readRecordString(reader, "the user name"),
            host: readRecordString(reader, "the host name"),
          };
        });
        break;
      case RecordType.VERSION:
        version = parse(record, (reader) => ({
          format: reader.i32("the save format version"),
          arch: readRecordString(reader, "!VERSION.ARCH"),
          os: readRecordString(reader, "!VERSION.OS"),
          release: readRecordString(reader, "!VERSION.RELEASE"),
        }));
        break;
      case RecordType.IDENTIFICATION:
        identification = parse(record, (reader) => ({
          author: readRecordString(reader, "the author"),
          title: readRecordString(reader, "the title"),
          idcode: readRecordString(reader, "the id code"),
        }));
        break;
      case RecordType.NOTICE:
        notice = parse(record, (reader) => readRecordString(reader, "the notice"));
        break;
      case RecordType.DESCRIPTION:
        description = parse(record, (reader) => readStringData(reader, "the description"));
        break;
      case RecordType.COMMON_VARIABLE:
        commonBlocks.push(parse(record, readCommonBlock));
        break;
      case RecordType.PROMOTE64:
        promote64 = true;
        break;
      case RecordType.START_MARKER:
      case RecordType.HEAP_HEADER:
      case RecordType.SYSTEM_VARIABLE:
      case RecordType.COMPILED:
        // Nothing here is needed: heap records carry their own index, system variables and
        // compiled code are not data of the file.
        break;
      default:
        warnings.push(`skipped a record of unknown type ${record.type} at byte ${record.offset}`);
    }
  }
  resolveReferences(pending, heap, warnings);
  return {
    variables,
    heap,
    timestamp,
    version,
    notice,
    identification,
    description,
    commonBlocks,
    compressed,
    promote64,
    warnings,
  };
}

/** TYPEDESC, then (unless undefined) VARSTART and VARDATA (Markwardt node15, VARIABLE). */
function readTyped(
  reader: ByteReader,
  registry: StructRegistry,
  what: string,
  pending: PendingReferences[],
): IdlValue {
  const type = readTypeDesc(reader, registry);
  if (type.typeCode === TypeCode.UNDEFINED) return { kind: "undefined" };
  const at = reader.position;
  const start = reader.i32("VARSTART");
  if (start !== VARSTART)
    reader.fail(`VARSTART = ${VARSTART} before the data of ${what}`, `${start}`, at);
  return readVarData(reader, type, what, pending);
}

/** COMMON_VARIABLE: LONG NVARS, STRING NAME, STRING x NVARS (Markwardt node15, COMMONBLOCK). */
function readCommonBlock(reader: ByteReader): IdlCommonBlock {
  const at = reader.position;
  const count = reader.i32("the number of common-block variables");
  // Each name takes at least its 4-byte length: check before looping.
  if (count < 0 || count * 4 > reader.remaining) {
    reader.fail("a common-block variable count the record can hold", `${count}`, at);
  }
  const name = readRecordString(reader, "the common-block name");
  const names: string[] = [];
  for (let i = 0; i < count; i++) names.push(readRecordString(reader, "a common-block variable"));
  return { name, variables: names };
}

/**
 * Points every heap reference at its heap value (shared, not copied, so cycles are safe).
 * Index 0 is IDL's null pointer; an index with no HEAP_DATA record becomes null with a
 * warning, as scipy.io.readsav does.
 */
function resolveReferences(
  pending: readonly PendingReferences[],
  heap: ReadonlyMap<number, IdlValue | null>,
  warnings: string[],
): void {
  const missing = new Set<number>();
  for (const { value, targets } of pending) {
    value.heapIndices.forEach((index, i) => {
      if (index === 0) return;
      const target = heap.get(index);
      if (target === undefined) missing.add(index);
      targets[i] = target ?? null;
    });
  }
  for (const index of missing) warnings.push(`heap variable ${index} is referenced but not saved`);
}
