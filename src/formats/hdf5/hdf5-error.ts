/**
 * h5wasm's throwing error handler turns an HDF5 failure into an Error whose message is the
 * whole HDF5 error stack (one "#NNN: file line N in function(): message" line per level, plus
 * major/minor lines). The innermost two steps say what actually went wrong, e.g.
 * "H5Z_pipeline(): filter returned failure during read".
 */
export function summarizeHdf5Error(cause: unknown): string {
  const text = cause instanceof Error ? cause.message : String(cause);
  const steps = text
    .split("\n")
    .map((line) => /#\d+: .* in (.*)$/.exec(line)?.[1])
    .filter((line): line is string => line !== undefined);
  return (steps.length > 0 ? steps.slice(-2).join(" / ") : text).slice(0, 400);
}
