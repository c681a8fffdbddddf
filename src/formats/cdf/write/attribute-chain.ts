/**
 * Writes the attribute part of a CDF: a chain of ADRs, each followed by its chain of AgrEDRs
 * (global entries) and AzEDRs (zVariable entries), all linked by offsets (CDF IFD 3.9, ADR and
 * AEDR).
 */
import { AttributeScope, RecordType } from "../constants.js";
import type { EncodedEntry } from "./attribute-entry.js";
import type { ByteSink } from "./byte-sink.js";
import { AEDR_HEADER_BYTES, adrRecord, aedrRecord } from "./internal-records.js";

export type NumberedEntry = EncodedEntry & { entryNum: number };

export interface AttributeToWrite {
  name: string;
  scope: "global" | "variable";
  /** gEntries, numbered 0.. in order. */
  globalEntries: readonly EncodedEntry[];
  /** zEntries, numbered by their variable, in increasing variable number. */
  zEntries: readonly NumberedEntry[];
}

const entryBytes = (e: EncodedEntry) => AEDR_HEADER_BYTES + e.value.length;

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Appends the chain for `attributes` (numbered by position) and returns its head, 0 if none. */
export function writeAttributeChain(
  sink: ByteSink,
  attributes: readonly AttributeToWrite[],
): number {
  if (attributes.length === 0) return 0;
  const head = sink.position;
  let offset = head;
  attributes.forEach((attribute, num) => {
    const global = attribute.globalEntries.map((e, i) => ({ ...e, entryNum: i }));
    const z = attribute.zEntries;
    const adr = (next: number, agrEdrHead: number, azEdrHead: number) =>
      adrRecord({
        next,
        agrEdrHead,
        scope: attribute.scope === "global" ? AttributeScope.GLOBAL : AttributeScope.VARIABLE,
        num,
        grEntryCount: global.length,
        maxGrEntry: global.length - 1,
        azEdrHead,
        zEntryCount: z.length,
        maxZEntry: z.length === 0 ? -1 : z[z.length - 1]!.entryNum,
        name: attribute.name,
      });
    const adrBytes = adr(0, 0, 0).length;
    const globalBytes = sum(global.map(entryBytes));
    const total = adrBytes + globalBytes + sum(z.map(entryBytes));
    sink.append(
      adr(
        num + 1 < attributes.length ? offset + total : 0,
        global.length === 0 ? 0 : offset + adrBytes,
        z.length === 0 ? 0 : offset + adrBytes + globalBytes,
      ),
    );
    appendEntries(sink, RecordType.AgrEDR, num, global);
    appendEntries(sink, RecordType.AzEDR, num, z);
    offset += total;
  });
  return head;
}

function appendEntries(
  sink: ByteSink,
  recordType: number,
  attributeNum: number,
  entries: readonly NumberedEntry[],
): void {
  let offset = sink.position;
  entries.forEach((e, i) => {
    const size = entryBytes(e);
    const next = i + 1 < entries.length ? offset + size : 0;
    sink.append(aedrRecord({ ...e, recordType, next, attributeNum }));
    offset += size;
  });
}
