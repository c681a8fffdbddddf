/**
 * A minimal CDF assembler for tests: writes the internal records of the CDF Internal Format
 * Description 3.9 (and its V2 variant with 4-byte offsets) from a plain description, so that
 * tests cover what the real fixtures do not (V2, column-major, little-endian, sparse records,
 * nested VXRs, every data type, whole-file compression). Not the project's CDF writer.
 */
import { gzipSync } from "node:zlib";
import { RecordWriter as Writer } from "./record-writer.js";

export interface TestBlock {
  readonly first: number;
  readonly last: number;
  /** Stored bytes of the records (file byte order). */
  readonly bytes: Uint8Array;
}

export interface TestVariable {
  readonly name: string;
  readonly kind?: "r" | "z";
  readonly type: number;
  readonly numElements?: number;
  readonly dims?: readonly number[];
  readonly dimVarys?: readonly boolean[];
  readonly recordVarying?: boolean;
  readonly maxRecord: number;
  /** 0 none, 1 pad, 2 previous. */
  readonly sparse?: number;
  readonly padBytes?: Uint8Array;
  /** GZIP level for compressed blocks (CVVRs); undefined = VVRs unless `codec` is given. */
  readonly gzipLevel?: number;
  /** Another compression for the CVVRs: CPR cType, its parameter and an encoder. */
  readonly codec?: {
    readonly cType: number;
    readonly param: number;
    readonly encode: (bytes: Uint8Array) => Uint8Array;
  };
  readonly blocks: readonly TestBlock[];
  /** "tree": a top VXR whose entries point at one lower VXR per block; "chain": one VXR per block. */
  readonly index?: "flat" | "chain" | "tree";
  readonly blockingFactor?: number;
}

export interface TestEntry {
  readonly entry: number;
  readonly type: number;
  readonly numElements: number;
  readonly bytes: Uint8Array;
}

export interface TestAttribute {
  readonly name: string;
  readonly scope: "global" | "variable";
  readonly grEntries?: readonly TestEntry[];
  readonly zEntries?: readonly TestEntry[];
}

export interface TestCdf {
  readonly v3?: boolean;
  readonly version?: readonly [number, number, number];
  readonly encoding?: number;
  readonly rowMajor?: boolean;
  readonly rDims?: readonly number[];
  readonly variables?: readonly TestVariable[];
  readonly attributes?: readonly TestAttribute[];
  /** Compress the whole file (CCR + CPR, GZIP). */
  readonly wholeFileGzip?: boolean;
}

function codecOf(v: TestVariable) {
  if (v.codec !== undefined) return v.codec;
  if (v.gzipLevel === undefined) return undefined;
  const level = v.gzipLevel;
  return {
    cType: 5,
    param: level,
    encode: (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes, { level })),
  };
}

function writeBlocks(w: Writer, v: TestVariable): number {
  const codec = codecOf(v);
  const leaves = v.blocks.map((block) =>
    codec === undefined
      ? w.record(7, () => w.raw(block.bytes))
      : w.record(13, () => {
          const data = codec.encode(block.bytes);
          w.i32(0);
          w.off(data.length);
          w.raw(data);
        }),
  );
  const vxr = (
    entries: { first: number; last: number; offset: number }[],
  ): { at: number; nextAt: number } => {
    let nextAt = 0;
    const at = w.record(6, () => {
      nextAt = w.off(0);
      w.i32(entries.length);
      w.i32(entries.length);
      for (const e of entries) w.i32(e.first);
      for (const e of entries) w.i32(e.last);
      for (const e of entries) w.off(e.offset);
    });
    return { at, nextAt };
  };
  const entries = v.blocks.map((b, i) => ({
    first: b.first,
    last: b.last,
    offset: leaves[i] ?? 0,
  }));
  if (entries.length === 0) return 0;
  if (v.index === "chain") {
    const vxrs = entries.map((e) => vxr([e]));
    for (let i = 0; i + 1 < vxrs.length; i++)
      w.patchOff(vxrs[i]?.nextAt ?? 0, vxrs[i + 1]?.at ?? 0);
    return vxrs[0]?.at ?? 0;
  }
  if (v.index === "tree") {
    const lower = entries.map((e) => ({ first: e.first, last: e.last, offset: vxr([e]).at }));
    return vxr(lower).at;
  }
  return vxr(entries).at;
}

function writeVariable(
  w: Writer,
  v: TestVariable,
  rDims: readonly number[],
  number: number,
  pre25: boolean,
): { at: number; nextAt: number } {
  let cpr = -1;
  const codec = codecOf(v);
  if (codec !== undefined) {
    cpr = w.record(11, () => {
      w.i32(codec.cType);
      w.i32(0);
      w.i32(1);
      w.i32(codec.param);
    });
  }
  const dims = v.kind === "r" ? rDims : (v.dims ?? []);
  let nextAt = 0;
  let headAt = 0;
  const at = w.record(v.kind === "r" ? 3 : 8, () => {
    nextAt = w.off(0);
    w.i32(v.type);
    w.i32(v.maxRecord);
    headAt = w.off(0);
    w.off(0);
    const flags =
      (v.recordVarying === false ? 0 : 1) |
      (v.padBytes === undefined ? 0 : 2) |
      (codec === undefined ? 0 : 4);
    w.i32(flags);
    w.i32(v.sparse ?? 0);
    w.i32(0);
    w.i32(-1);
    w.i32(-1);
    // Files before CDF 2.5 reserve 128 more bytes here (as cdflib reads them).
    if (pre25) w.raw(new Uint8Array(128));
    w.i32(v.numElements ?? 1);
    w.i32(number);
    w.off(cpr);
    w.i32(v.blockingFactor ?? 0);
    w.name(v.name);
    if (v.kind !== "r") {
      w.i32(dims.length);
      for (const d of dims) w.i32(d);
    }
    for (let i = 0; i < dims.length; i++) w.i32(v.dimVarys?.[i] === false ? 0 : -1);
    if (v.padBytes !== undefined) w.raw(v.padBytes);
  });
  const head = writeBlocks(w, v);
  w.patchOff(headAt, head);
  w.patchOff(headAt + (w.v3 ? 8 : 4), head);
  return { at, nextAt };
}

function writeEntries(
  w: Writer,
  entries: readonly TestEntry[],
  kind: number,
  attrNum: number,
): number {
  const written = entries.map((e) => {
    let nextAt = 0;
    const at = w.record(kind, () => {
      nextAt = w.off(0);
      w.i32(attrNum);
      w.i32(e.type);
      w.i32(e.entry);
      w.i32(e.numElements);
      w.i32(0);
      w.i32(0);
      w.i32(0);
      w.i32(-1);
      w.i32(-1);
      w.raw(e.bytes);
    });
    return { at, nextAt };
  });
  for (let i = 0; i + 1 < written.length; i++)
    w.patchOff(written[i]?.nextAt ?? 0, written[i + 1]?.at ?? 0);
  return written[0]?.at ?? 0;
}

/** Assembles the CDF bytes. */
export function buildCdf(spec: TestCdf): Uint8Array {
  const v3 = spec.v3 ?? true;
  const w = new Writer(v3);
  w.i32(v3 ? 0xcdf30001 | 0 : 0xcdf26002 | 0);
  w.i32(0x0000ffff);
  const [version, release, increment] = spec.version ?? (v3 ? [3, 9, 0] : [2, 7, 2]);
  let gdrAt = 0;
  w.record(1, () => {
    gdrAt = w.off(0);
    w.i32(version);
    w.i32(release);
    w.i32(spec.encoding ?? 1);
    w.i32((spec.rowMajor ?? true) ? 3 : 2);
    w.i32(0);
    w.i32(0);
    w.i32(increment);
    w.i32(-1);
    w.i32(-1);
    w.raw(new Uint8Array(v3 ? 256 : 1945));
  });
  const variables = spec.variables ?? [];
  const attributes = spec.attributes ?? [];
  const rVars = variables.filter((v) => v.kind === "r");
  const zVars = variables.filter((v) => v.kind !== "r");
  const rDims = spec.rDims ?? [];
  let heads: number[] = [];
  const gdr = w.record(2, () => {
    heads = [w.off(0), w.off(0), w.off(0), w.off(0)];
    w.i32(rVars.length);
    w.i32(attributes.length);
    w.i32(Math.max(-1, ...rVars.map((v) => v.maxRecord)));
    w.i32(rDims.length);
    w.i32(zVars.length);
    w.off(0);
    w.i32(0);
    w.i32(v3 ? 20170101 : -1);
    w.i32(-1);
    for (const d of rDims) w.i32(d);
  });
  w.patchOff(gdrAt, gdr);
  const chain = (vars: readonly TestVariable[], headAt: number) => {
    const written = vars.map((v, i) =>
      writeVariable(w, v, rDims, i, !v3 && (version < 2 || (version === 2 && release < 5))),
    );
    w.patchOff(headAt, written[0]?.at ?? 0);
    for (let i = 0; i + 1 < written.length; i++)
      w.patchOff(written[i]?.nextAt ?? 0, written[i + 1]?.at ?? 0);
  };
  chain(rVars, heads[0] ?? 0);
  chain(zVars, heads[1] ?? 0);
  const adrs = attributes.map((a, number) => {
    const gr = writeEntries(w, a.grEntries ?? [], 5, number);
    const z = writeEntries(w, a.zEntries ?? [], 9, number);
    let nextAt = 0;
    const at = w.record(4, () => {
      nextAt = w.off(0);
      w.off(gr);
      w.i32(a.scope === "global" ? 1 : 2);
      w.i32(number);
      w.i32(a.grEntries?.length ?? 0);
      w.i32(Math.max(-1, ...(a.grEntries ?? []).map((e) => e.entry)));
      w.i32(0);
      w.off(z);
      w.i32(a.zEntries?.length ?? 0);
      w.i32(Math.max(-1, ...(a.zEntries ?? []).map((e) => e.entry)));
      w.i32(-1);
      w.name(a.name);
    });
    return { at, nextAt };
  });
  w.patchOff(heads[2] ?? 0, adrs[0]?.at ?? 0);
  for (let i = 0; i + 1 < adrs.length; i++) w.patchOff(adrs[i]?.nextAt ?? 0, adrs[i + 1]?.at ?? 0);
  w.patchOff(heads[3] ?? 0, w.length);
  const plain = w.bytes();
  return spec.wholeFileGzip === true ? compressWhole(plain, v3) : plain;
}

function compressWhole(plain: Uint8Array, v3: boolean): Uint8Array {
  const w = new Writer(v3);
  w.raw(plain.subarray(0, 4));
  w.i32(0xcccc0001 | 0);
  const data = gzipSync(plain.subarray(8));
  let cprAt = 0;
  w.record(10, () => {
    cprAt = w.off(0);
    w.off(plain.length - 8);
    w.i32(0);
    w.raw(data);
  });
  const cpr = w.record(11, () => {
    w.i32(5);
    w.i32(0);
    w.i32(1);
    w.i32(9);
  });
  w.patchOff(cprAt, cpr);
  return w.bytes();
}

/** CDF_RLE of zeros (CDF User's Guide 3.9): 0x00 then (run length - 1), other bytes as is. */
export function encodeZeroRle(bytes: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    if (bytes[i] !== 0) {
      out.push(bytes[i] ?? 0);
      i++;
      continue;
    }
    let run = 0;
    while (i < bytes.length && bytes[i] === 0 && run < 256) {
      run++;
      i++;
    }
    out.push(0, run - 1);
  }
  return new Uint8Array(out);
}

/** Host-order typed array values as stored bytes in the given byte order. */
export function storedBytes(
  values: ArrayBufferView,
  unitBytes: number,
  littleEndian: boolean,
): Uint8Array {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength).slice();
  const hostLittle = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  if (littleEndian !== hostLittle && unitBytes > 1) {
    for (let i = 0; i < bytes.length; i += unitBytes) bytes.subarray(i, i + unitBytes).reverse();
  }
  return bytes;
}

export function text(value: string, length = value.length): Uint8Array {
  const b = new Uint8Array(length);
  b.set(new TextEncoder().encode(value));
  return b;
}
