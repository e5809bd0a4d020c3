import type { Sourced } from "../model/index.js";
import type { OutletRule } from "./data.js";

/**
 * The outlet's name as its own boilerplate writes it ("X is depending on donations from our
 * readers", "© 2024 X", "comments ... by X"). Rules are tried in the order of the data file, so
 * the most explicit wording wins over a later, vaguer one, wherever the blocks sit.
 */
export function outletFromBoilerplate(
  blocks: readonly string[],
  rules: readonly OutletRule[],
): Sourced<string> | undefined {
  for (const rule of rules) {
    for (const block of blocks) {
      const name = rule.pattern.exec(block)?.groups?.outlet?.trim();
      if (name) return { value: name, source: `boilerplate:${rule.id}` };
    }
  }
  return undefined;
}

/** The host of a URL without "www." and similar prefixes: the outlet when nothing names it. */
export function outletFromUrl(url: string | undefined): Sourced<string> | undefined {
  if (url === undefined) return undefined;
  try {
    const host = new URL(url).hostname.replace(/^(?:www\d?|m|amp|mobile)\./, "");
    return host === "" ? undefined : { value: host, source: "url-host" };
  } catch {
    return undefined;
  }
}
