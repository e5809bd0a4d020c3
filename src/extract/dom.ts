import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

/**
 * The Readability fallback of the HTML reader, the one place linkedom is still used: Readability
 * needs a browser-like DOM and rewrites it, so the page is parsed afresh for it here.
 * Returns the HTML of the content Readability found, or undefined when it gives up.
 */
export function readabilityHtml(content: string): string | undefined {
  try {
    const { document } = parseHTML(content);
    const parsed = new Readability(document as unknown as Document).parse();
    return parsed?.content ? parsed.content : undefined;
  } catch {
    // Readability is only the fallback: a page it cannot read keeps the reader's own result.
    return undefined;
  }
}
