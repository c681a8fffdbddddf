import type { OutputData } from "h5wasm/node";
import type { AttributeValue } from "../description.js";
import { H5T_CLASS } from "./element-type.js";
import type { H5Api } from "./hdf5-file.js";

/** Converts what h5wasm returns for an attribute into a JSON-safe value (bigint as string). */
function toAttributeValue(value: OutputData | null): AttributeValue {
  if (value === null) return null;
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return value;
  }
  if (value instanceof BigInt64Array || value instanceof BigUint64Array) {
    return Array.from(value, (item) => item.toString());
  }
  if (ArrayBuffer.isView(value)) return Array.from(value as ArrayLike<number>);
  if (Array.isArray(value)) return value.map(toAttributeValue);
  // An object or region reference: an address inside the file, meaningless outside it.
  return "<HDF5 reference>";
}

/** All attributes of the object at `absolutePath`, in the order HDF5 lists them. */
export function readAttributes(
  api: H5Api,
  fileId: bigint,
  absolutePath: string,
): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const name of api.module.get_attribute_names(fileId, absolutePath)) {
    const attribute = new api.h5.Attribute(fileId, absolutePath, name);
    const { type, size } = attribute.metadata;
    // h5wasm has no typed array for half floats (and throws on them); say so instead.
    out[name] =
      type === H5T_CLASS.float && size !== 4 && size !== 8
        ? `<${size * 8}-bit float attribute: not supported>`
        : toAttributeValue(attribute.value);
  }
  return out;
}
