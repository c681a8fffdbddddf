/**
 * Writes small synthetic IDL save files for the types and layouts no real fixture has
 * (pointers and heap, complex, 64-bit and unsigned integers, nested, replicated and inherited
 * structures, 8-dimensional arrays, 64-bit descriptors, PROMOTE64 files). It follows the
 * layouts of Markwardt's "Unofficial Format Specification of the IDL SAVE File" and of
 * scipy.io.readsav, independently of the reader under test (it shares no code with it).
 */
import { XdrBuilder } from "./idlsav-bytes.js";

export type SynthNumericType =
  | "byte"
  | "int"
  | "long"
  | "float"
  | "double"
  | "complex"
  | "dcomplex"
  | "uint"
  | "ulong"
  | "long64"
  | "ulong64";

/**
 * A value to write. `dims` are IDL dimensions (first varies fastest), absent for a scalar;
 * `values` are in storage order (complex values interleaved re, im).
 */
export type SynthValue =
  | { type: SynthNumericType; dims?: number[]; values: readonly (number | bigint)[] }
  | { type: "string"; dims?: number[]; values: readonly string[] }
  | { type: "pointer" | "objref"; dims?: number[]; values: readonly number[] }
  | { type: "struct"; def: SynthStructDef; dims?: number[]; elements: readonly SynthElement[] }
  | { type: "undefined" };

export type SynthElement = Readonly<Record<string, SynthValue>>;

export interface SynthStructDef {
  readonly name: string;
  readonly tags: readonly string[];
  /** Object class data: class name and superclass definitions (tags among `tags`). */
  readonly className?: string;
  readonly superclasses?: readonly SynthStructDef[];
}

export interface SynthSave {
  readonly variables: readonly (readonly [string, SynthValue])[];
  readonly heap?: readonly (readonly [number, SynthValue])[];
  /** Insert PROMOTE64 after VERSION; later record headers carry 64-bit offsets. */
  readonly promote64?: boolean;
  /** Write ARRSTART 18 (64-bit) array descriptors and 64-bit tag offsets. */
  readonly descriptors64?: boolean;
  readonly notice?: string;
  readonly description?: string;
  readonly identification?: readonly [string, string, string];
  readonly commonBlocks?: readonly (readonly [string, readonly string[]])[];
  /** Raw records (type code, body) written just before the variables. */
  readonly extraRecords?: readonly (readonly [number, Uint8Array])[];
}

const TYPE_CODES: Record<Exclude<SynthValue["type"], "undefined">, number> = {
  byte: 1,
  int: 2,
  long: 3,
  float: 4,
  double: 5,
  complex: 6,
  string: 7,
  struct: 8,
  dcomplex: 9,
  pointer: 10,
  objref: 11,
  uint: 12,
  ulong: 13,
  long64: 14,
  ulong64: 15,
};

/** In-memory bytes per element by type code (structures: unused by readers, written as 4). */
const NATIVE_BYTES: Record<number, number> = {
  1: 1,
  2: 2,
  3: 4,
  4: 4,
  5: 8,
  6: 8,
  7: 12,
  9: 16,
  10: 4,
  11: 4,
  12: 2,
  13: 4,
  14: 8,
  15: 8,
};

export const SYNTH_TIMESTAMP = { date: "Sat Nov 21 12:00:00 2026", user: "tester", host: "synth" };
export const SYNTH_VERSION = { format: 12, arch: "x86_64", os: "linux", release: "8.8.2" };

class SaveWriter {
  private readonly out = new XdrBuilder();
  private readonly defined = new Set<string>();
  private wide = false;

  constructor(private readonly options: SynthSave) {
    this.out.bytes(Uint8Array.of(0x53, 0x52, 0x00, 0x04));
  }

  record(type: number, body: XdrBuilder | undefined): void {
    const bytes = body?.toBytes() ?? new Uint8Array(0);
    const headerBytes = this.wide ? 20 : 16;
    const next = type === 6 ? 0 : this.out.length + headerBytes + bytes.byteLength;
    this.out.i32(type);
    if (this.wide) this.out.u64(BigInt(next)).i32(0).i32(0);
    else
      this.out
        .u32(next % 2 ** 32)
        .u32(Math.floor(next / 2 ** 32))
        .i32(0);
    this.out.bytes(bytes);
    if (type === 17) this.wide = true;
  }

  typeDesc(b: XdrBuilder, value: SynthValue): void {
    if (value.type === "undefined") {
      b.i32(0).i32(0);
      return;
    }
    const code = TYPE_CODES[value.type];
    if (value.type === "struct") {
      b.i32(code).i32(0x24);
      this.arrayDesc(b, value.dims ?? [value.elements.length], 0);
      this.structDesc(b, value.def, value.elements[0] ?? {}, 0);
    } else if (value.dims !== undefined) {
      b.i32(code).i32(0x04);
      this.arrayDesc(b, value.dims, code);
    } else {
      b.i32(code).i32(0);
    }
  }

  arrayDesc(b: XdrBuilder, dims: readonly number[], code: number): void {
    const count = dims.reduce((p, d) => p * d, 1);
    // NBYTES_EL / NBYTES: IDL's in-memory element size (string = 12, Markwardt node20).
    const elementBytes = NATIVE_BYTES[code] ?? 4;
    if (this.options.descriptors64) {
      b.i32(18)
        .u64(BigInt(elementBytes))
        .u64(BigInt(count * elementBytes))
        .u64(BigInt(count));
      b.i32(dims.length).i32(0).i32(0);
      for (let i = 0; i < 8; i++) b.i32(0).i32(dims[i] ?? 1);
      return;
    }
    b.i32(8)
      .i32(elementBytes)
      .i32(count * elementBytes)
      .i32(count)
      .i32(dims.length);
    b.i32(0).i32(0).i32(8);
    for (let i = 0; i < 8; i++) b.i32(dims[i] ?? 1);
  }

  structDesc(b: XdrBuilder, def: SynthStructDef, sample: SynthElement, extraFlags: number): void {
    b.i32(9).string(def.name);
    const inherits = def.superclasses !== undefined && def.superclasses.length > 0 ? 2 : 0;
    if (def.name !== "" && this.defined.has(def.name)) {
      b.i32(1 | extraFlags)
        .i32(def.tags.length)
        .i32(0);
      return;
    }
    b.i32(inherits | extraFlags)
      .i32(def.tags.length)
      .i32(0);
    const values = def.tags.map((tag) => {
      const value = sample[tag];
      if (value === undefined) throw new Error(`synthetic struct ${def.name} lacks tag ${tag}`);
      return value;
    });
    values.forEach((value, i) => {
      if (value.type === "undefined") throw new Error("structure tags cannot be undefined");
      const code = TYPE_CODES[value.type];
      const flags = value.type === "struct" ? 0x24 : value.dims === undefined ? 0 : 0x04;
      if (this.options.descriptors64) b.i32(-1).u64(BigInt(i * 8));
      else b.i32(i * 8);
      b.i32(code).i32(flags);
    });
    for (const tag of def.tags) b.string(tag);
    for (const value of values) {
      if (value.type === "struct") this.arrayDesc(b, value.dims ?? [value.elements.length], 8);
      else if (value.type !== "undefined" && value.dims !== undefined) {
        this.arrayDesc(b, value.dims, TYPE_CODES[value.type]);
      }
    }
    for (const value of values) {
      if (value.type === "struct") this.structDesc(b, value.def, value.elements[0] ?? {}, 0);
    }
    if (inherits !== 0 || (extraFlags & 4) !== 0) {
      const supers = def.superclasses ?? [];
      b.string(def.className ?? def.name).i32(supers.length);
      for (const sup of supers) b.string(sup.name);
      for (const sup of supers) this.structDesc(b, sup, sample, 4);
    }
    if (def.name !== "") this.defined.add(def.name);
  }

  data(b: XdrBuilder, value: SynthValue): void {
    switch (value.type) {
      case "undefined":
        return;
      case "struct":
        for (const element of value.elements) {
          for (const tag of value.def.tags) this.data(b, element[tag] as SynthValue);
        }
        return;
      case "string":
        for (const text of value.values) b.stringData(text);
        return;
      case "byte":
        b.i32(value.values.length).bytes(Uint8Array.from(value.values, Number)).align();
        return;
      default:
        for (const v of value.values) writeScalar(b, value.type, v);
    }
  }

  variable(name: string, value: SynthValue): void {
    const b = new XdrBuilder().string(name);
    this.typeDesc(b, value);
    if (value.type !== "undefined") this.data(b.i32(7), value);
    this.record(2, b);
  }

  heapData(index: number, value: SynthValue): void {
    const b = new XdrBuilder().i32(index).i32(2);
    this.typeDesc(b, value);
    if (value.type !== "undefined") this.data(b.i32(7), value);
    this.record(16, b);
  }

  finish(): Uint8Array {
    const o = this.options;
    const stamp = new XdrBuilder().bytes(new Uint8Array(1024));
    stamp.string(SYNTH_TIMESTAMP.date).string(SYNTH_TIMESTAMP.user).string(SYNTH_TIMESTAMP.host);
    this.record(10, stamp);
    const v = SYNTH_VERSION;
    this.record(14, new XdrBuilder().i32(v.format).string(v.arch).string(v.os).string(v.release));
    if (o.promote64) this.record(17, undefined);
    if (o.heap !== undefined && o.heap.length > 0) {
      const header = new XdrBuilder().i32(o.heap.length);
      for (const [index] of o.heap) header.i32(index);
      this.record(15, header);
    }
    if (o.notice !== undefined) this.record(19, new XdrBuilder().string(o.notice));
    if (o.identification !== undefined) {
      const [author, title, idcode] = o.identification;
      this.record(13, new XdrBuilder().string(author).string(title).string(idcode));
    }
    if (o.description !== undefined) this.record(20, new XdrBuilder().stringData(o.description));
    for (const [name, members] of o.commonBlocks ?? []) {
      const b = new XdrBuilder().i32(members.length).string(name);
      for (const member of members) b.string(member);
      this.record(1, b);
    }
    for (const [type, body] of o.extraRecords ?? [])
      this.record(type, new XdrBuilder().bytes(body));
    for (const [name, value] of o.variables) this.variable(name, value);
    for (const [index, value] of o.heap ?? []) this.heapData(index, value);
    this.record(6, undefined);
    return this.out.toBytes();
  }
}

function writeScalar(b: XdrBuilder, type: string, v: number | bigint): void {
  switch (type) {
    case "int":
    case "uint":
      // 16-bit values are widened to a 32-bit word, value in the low half (Markwardt node22).
      b.u32(Number(v) & 0xffff);
      return;
    case "long":
    case "pointer":
    case "objref":
      b.i32(Number(v));
      return;
    case "ulong":
      b.u32(Number(v));
      return;
    case "float":
    case "complex":
      b.f32(Number(v));
      return;
    case "double":
    case "dcomplex":
      b.f64(Number(v));
      return;
    case "long64":
      b.i64(BigInt(v));
      return;
    case "ulong64":
      b.u64(BigInt(v));
      return;
    default:
      throw new Error(`writeScalar: unexpected type ${type}`);
  }
}

/** Encodes a synthetic save file; see SynthSave. */
export function writeIdlSave(save: SynthSave): Uint8Array {
  return new SaveWriter(save).finish();
}
