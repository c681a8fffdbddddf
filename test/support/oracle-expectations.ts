/**
 * Turns the `*.oracle.json` files written by independent readers (cdflib, scipy.io.readsav,
 * h5py, PIL, a separate Python PGM parser) into one list of expected arrays, addressed by the
 * same paths `aurorakit inspect --json` uses.
 */

export interface ExpectedArray {
  readonly path: string;
  /** numpy dtype name; h5py's "object" (variable-length strings) is mapped to "string". */
  readonly dtype: string;
  readonly shape?: readonly number[];
  readonly sha256?: string;
  /** Expected string value of a scalar string (IDL save strings). */
  readonly stringValue?: string;
}

interface OracleLeaf {
  dtype?: string;
  shape?: number[];
  sha256_le?: string;
  string?: string;
  struct_len?: number;
  fields?: Record<string, OracleLeaf>;
}

function leaf(path: string, value: OracleLeaf): ExpectedArray {
  return {
    path,
    dtype: value.dtype === "object" ? "string" : (value.dtype ?? "string"),
    ...(value.shape === undefined ? {} : { shape: value.shape }),
    ...(value.sha256_le === undefined ? {} : { sha256: value.sha256_le }),
  };
}

function idlLeaves(path: string, value: OracleLeaf): ExpectedArray[] {
  if (value.fields !== undefined) {
    return Object.entries(value.fields).flatMap(([name, field]) =>
      idlLeaves(`${path}.${name}`, field),
    );
  }
  if (value.string !== undefined) return [{ path, dtype: "string", stringValue: value.string }];
  return [leaf(path, value)];
}

/** Every expected array of one oracle document, whatever the format that wrote it. */
export function expectedArrays(oracle: Record<string, unknown>): ExpectedArray[] {
  if ("variables" in oracle) {
    const variables = oracle.variables as Record<string, OracleLeaf>;
    return Object.entries(variables).map(([name, v]) => leaf(name, v));
  }
  if ("datasets" in oracle) {
    const datasets = oracle.datasets as Record<string, OracleLeaf>;
    return Object.entries(datasets).map(([name, d]) => leaf(name, d));
  }
  if ("stack" in oracle) return [leaf("frames", oracle.stack as OracleLeaf)];
  if ("pixels" in oracle) return [leaf("pixels", oracle.pixels as OracleLeaf)];
  // IDL save: top-level keys are the variables (scipy lower-cases their names).
  return Object.entries(oracle as Record<string, OracleLeaf>).flatMap(([name, v]) =>
    idlLeaves(name, v),
  );
}

/** Shapes agree when equal after dropping one leading extent of 1 from either side. */
export function shapesAgree(actual: readonly number[], expected: readonly number[]): boolean {
  const same = (a: readonly number[], b: readonly number[]) =>
    a.length === b.length && a.every((extent, i) => extent === b[i]);
  if (same(actual, expected)) return true;
  if (actual[0] === 1 && same(actual.slice(1), expected)) return true;
  return expected[0] === 1 && same(actual, expected.slice(1));
}
