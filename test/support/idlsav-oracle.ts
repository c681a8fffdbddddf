/**
 * Reads the `*.sav.oracle.json` files written by scipy.io.readsav beside the IDL save
 * fixtures, flattened to one entry per leaf path (variable, then structure tags joined by ".").
 */
import { readOracle } from "./fixtures.js";

export interface OracleNumericLeaf {
  readonly dtype: string;
  readonly shape: readonly number[];
  readonly sum: number;
  readonly min: number | null;
  readonly max: number | null;
  readonly nan_count: number;
  readonly sha256_le: string;
}

export type OracleLeaf = { readonly string: string } | OracleNumericLeaf;

type OracleNode =
  | OracleLeaf
  | { readonly struct_len: number; readonly fields: Readonly<Record<string, OracleNode>> };

/** Leaf path → oracle entry, in the oracle's order. */
export function readSaveOracle(...parts: string[]): Map<string, OracleLeaf> {
  const root = readOracle<Record<string, OracleNode>>(...parts);
  const leaves = new Map<string, OracleLeaf>();
  const visit = (path: string, node: OracleNode): void => {
    if ("fields" in node) {
      if (node.struct_len !== 1) throw new Error(`${path}: oracle struct_len ${node.struct_len}`);
      for (const [tag, child] of Object.entries(node.fields)) visit(`${path}.${tag}`, child);
    } else {
      leaves.set(path, node);
    }
  };
  for (const [name, node] of Object.entries(root)) visit(name, node);
  return leaves;
}
