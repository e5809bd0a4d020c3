/**
 * A regex alternation of literal phrases from a word list, longest first so that "more than"
 * wins over "more"; a space in a phrase matches any run of white space.
 */
export function alternation(phrases: readonly string[]): string {
  return [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+"))
    .join("|");
}
