import type { SourceItem } from "./types.js";

/** Every item of a source, for tests that look at them all. */
export async function collect(items: AsyncIterable<SourceItem>): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

export const inputs = (items: SourceItem[]) => items.flatMap((item) => ("input" in item ? [item.input] : []));

export const problems = (items: SourceItem[]) =>
  items.flatMap((item) => ("diagnostic" in item ? [item.diagnostic] : []));
