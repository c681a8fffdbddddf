import type { ByteSource } from "../../core/byte-source.js";
import type { AttributeValue, DescribedArray, FileDescription } from "../description.js";
import { type ReadIdlSaveOptions, readIdlSave } from "./read.js";
import type { IdlSaveFile, IdlValue } from "./types.js";

/**
 * Lists every numeric or string leaf of an IDL save file for `inspect`. Paths are the
 * variable name in lower case, then structure tags as stored joined by "." (for example
 * `skymap.GENERATION_INFO.CCD_CENTER`). A scalar pointer or object reference is transparent
 * (its target is listed under the pointer's path, as scipy.io.readsav substitutes it); element
 * `i` of a pointer array is listed as `path[i]`. Each heap value is listed once, under the
 * first path that reaches it, so shared and cyclic heap graphs stay finite.
 */
export function describeIdlSave(
  source: ByteSource,
  options: ReadIdlSaveOptions = {},
): FileDescription {
  const file = readIdlSave(source, options);
  const arrays: DescribedArray[] = [];
  const listed = new Set<IdlValue>();
  // An explicit stack, not recursion: a file may chain thousands of pointers.
  const pending: Visit[] = [...file.variables].map(([name, value]) => ({ path: name, value }));
  pending.reverse();
  for (let visit = pending.pop(); visit !== undefined; visit = pending.pop()) {
    const { path, value, heapIndex } = visit;
    const via: Record<string, AttributeValue> = heapIndex === undefined ? {} : { heapIndex };
    const children: Visit[] = [];
    switch (value.kind) {
      case "numeric":
        arrays.push({ path, array: value.array, details: { idlType: value.idlType, ...via } });
        break;
      case "string":
        arrays.push({ path, array: value.array, details: { idlType: "string", ...via } });
        break;
      case "struct":
        for (const [tag, field] of value.fields)
          children.push({ path: `${path}.${tag}`, value: field });
        break;
      case "pointer":
      case "objref":
        value.targets.forEach((target, i) => {
          if (target === null || listed.has(target)) return;
          listed.add(target);
          const targetPath = value.shape.length === 0 ? path : `${path}[${i}]`;
          children.push({ path: targetPath, value: target, heapIndex: value.heapIndices[i] });
        });
        break;
      case "undefined":
        break;
    }
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i] as Visit);
  }
  return { format: "idl-save", arrays, attributes: fileAttributes(file) };
}

interface Visit {
  readonly path: string;
  readonly value: IdlValue;
  readonly heapIndex?: number | undefined;
}

function fileAttributes(file: IdlSaveFile): Record<string, AttributeValue> {
  const attributes: Record<string, AttributeValue> = {
    compressed: file.compressed,
    promote64: file.promote64,
  };
  if (file.timestamp !== undefined) attributes.timestamp = { ...file.timestamp };
  if (file.version !== undefined) attributes.version = { ...file.version };
  if (file.notice !== undefined) attributes.notice = file.notice;
  if (file.identification !== undefined) attributes.identification = { ...file.identification };
  if (file.description !== undefined) attributes.description = file.description;
  if (file.commonBlocks.length > 0) {
    attributes.commonBlocks = file.commonBlocks.map((block) => ({
      name: block.name,
      variables: [...block.variables],
    }));
  }
  if (file.warnings.length > 0) attributes.warnings = [...file.warnings];
  return attributes;
}
