/**
 * Writes the attribute part of a CDF: a chain of ADRs, each followed by its chain of AgrEDRs
 * (gEntries of a global attribute, rVariable entries of a variable attribute) and AzEDRs
 * (zVariable entries), all linked by offsets (CDF IFD 3.9, ADR and AEDR).
 */
import { AttributeScope, RecordType } from "../constants.js";
import type { EncodedEntry } from "./attribute-entry.js";
import type { ByteSink } from "./byte-sink.js";
import { adrRecord, aedrHeaderBytes, aedrRecord } from "./internal-records.js";
import type { CdfFormat } from "./record-bytes.js";

export type NumberedEntry = EncodedEntry & { entryNum: number };

export interface AttributeToWrite {
  name: string;
  scope: "global" | "variable";
  /** gEntries, numbered 0.. in order (global attributes only). */
  globalEntries: readonly EncodedEntry[];
  /** rEntries, numbered by their rVariable, in increasing variable number. */
  rEntries: readonly NumberedEntry[];
  /** zEntries, numbered by their zVariable, in increasing variable number. */
  zEntries: readonly NumberedEntry[];
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Appends the chain for `attributes` (numbered by position) and returns its head, 0 if none. */
export function writeAttributeChain(
  sink: ByteSink,
  format: CdfFormat,
  attributes: readonly AttributeToWrite[],
): number {
  if (attributes.length === 0) return 0;
  const entryBytes = (e: EncodedEntry) => aedrHeaderBytes(format) + e.value.length;
  const head = sink.position;
  let offset = head;
  attributes.forEach((attribute, num) => {
    const global =
      attribute.scope === "global"
        ? attribute.globalEntries.map((e, i) => ({ ...e, entryNum: i }))
        : attribute.rEntries;
    const z = attribute.zEntries;
    const adr = (next: number, agrEdrHead: number, azEdrHead: number) =>
      adrRecord(format, {
        next,
        agrEdrHead,
        scope: attribute.scope === "global" ? AttributeScope.GLOBAL : AttributeScope.VARIABLE,
        num,
        grEntryCount: global.length,
        maxGrEntry: global.length === 0 ? -1 : global[global.length - 1]!.entryNum,
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
    appendEntries(sink, format, RecordType.AgrEDR, num, global);
    appendEntries(sink, format, RecordType.AzEDR, num, z);
    offset += total;
  });
  return head;
}

function appendEntries(
  sink: ByteSink,
  format: CdfFormat,
  recordType: number,
  attributeNum: number,
  entries: readonly NumberedEntry[],
): void {
  let offset = sink.position;
  entries.forEach((e, i) => {
    const size = aedrHeaderBytes(format) + e.value.length;
    const next = i + 1 < entries.length ? offset + size : 0;
    sink.append(aedrRecord(format, { ...e, recordType, next, attributeNum }));
    offset += size;
  });
}
