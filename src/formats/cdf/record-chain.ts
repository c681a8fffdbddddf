import { type CdfLayout, formatError } from "./record-io.js";

/**
 * Walks a linked list of internal records (VDRs, ADRs, AEDRs: each holds the offset of the
 * next) from `head`, expecting exactly `count` of them. A chain that ends early (offset 0) or
 * loops back onto a record already read is a FormatError, so a corrupt file cannot hang it.
 */
export function readRecordChain<T>(
  layout: CdfLayout,
  head: number,
  count: number,
  what: string,
  readOne: (offset: number) => { item: T; next: number },
): T[] {
  const out: T[] = [];
  const seen = new Set<number>();
  let offset = head;
  while (out.length < count) {
    if (offset <= 0 || seen.has(offset)) {
      throw formatError(
        layout,
        offset,
        `${count} ${what} in a chain without loops`,
        `${out.length} before ${offset <= 0 ? "its end" : "a loop"}`,
      );
    }
    seen.add(offset);
    const { item, next } = readOne(offset);
    out.push(item);
    offset = next;
  }
  return out;
}
