import type { Credit } from "../model/index.js";
import { collapseWhitespace } from "./blocks.js";

/**
 * Credit lines name where the story and its images came from. A line may hold several labelled
 * segments separated by " / " or " | " ("Sources: AP via Independent, Newsweek, Time / Featured
 * image: Commons"); each segment becomes one Credit, so the sources of the text stay apart
 * from the credits of the pictures.
 */
export function parseCreditLine(
  line: string,
  labels: readonly string[],
  sourceLabels: ReadonlySet<string> = new Set(),
): Credit[] {
  const credits: Credit[] = [];
  for (const segment of collapseWhitespace(line).split(/\s+[/|]\s+/)) {
    const label = labelOf(segment, labels);
    const previous = credits.at(-1);
    if (label === undefined && previous) {
      // An unlabelled segment continues the previous one ("Photos: A / B").
      credits[credits.length - 1] = {
        kind: previous.kind,
        text: `${previous.text} / ${segment}`,
        names: [...previous.names, ...creditNames(segment)],
      };
      continue;
    }
    const names = creditNames(label === undefined ? segment : segment.slice(label.length));
    if (names.length > 0) credits.push({ kind: creditKind(label, sourceLabels), text: segment, names });
  }
  return credits;
}

/**
 * The credit inside a caption: a trailing parenthesised credit ("Soldiers on patrol (YouTube)")
 * or a trailing labelled one ("The court building. Photo: Jane Roe/Agency").
 */
export function creditOfCaption(caption: string, labels: readonly string[]): Credit | undefined {
  const text = collapseWhitespace(caption);
  const inParentheses = /\(([^()]{2,80})\)$/.exec(text)?.[1];
  const candidate = inParentheses ?? trailingLabelled(text, labels);
  if (candidate === undefined) return undefined;
  const label = labelOf(candidate, labels);
  const names = creditNames(label === undefined ? candidate : candidate.slice(label.length));
  return names.length > 0 ? { kind: "image", text, names } : undefined;
}

/** A labelled segment credits the text's sources or a picture; an unlabelled one, we cannot tell. */
function creditKind(label: string | undefined, sourceLabels: ReadonlySet<string>): Credit["kind"] {
  if (label === undefined) return "other";
  const bare = label.replace(/\s*:\s*$/, "").toLowerCase();
  return sourceLabels.has(bare) ? "sources" : "image";
}

/** Names in a credit: separated by commas, semicolons, "/" or "and"; "X via Y" stays one name. */
export function creditNames(value: string): string[] {
  const names = value
    .replace(/^\s*:\s*/, "")
    .split(/\s*[,;/]\s*|\s+(?:and|&)\s+/)
    .map((name) => name.replace(/[.\s]+$/, "").trim())
    .filter((name) => /\p{L}/u.test(name));
  return [...new Set(names)];
}

/** The label (with its colon) that opens a segment, e.g. "Featured image:". */
function labelOf(segment: string, labels: readonly string[]): string | undefined {
  const lower = segment.toLowerCase();
  for (const label of labels) {
    const match = new RegExp(`^${escapeRegExp(label)}\\s*:\\s*`).exec(lower);
    if (match) return segment.slice(0, match[0].length);
  }
  return undefined;
}

function trailingLabelled(text: string, labels: readonly string[]): string | undefined {
  const alternatives = labels.map(escapeRegExp).join("|");
  const match = new RegExp(`(?:^|[.!?]\\s+|\\s[-–—|]\\s+)((?:${alternatives})\\s*:.+)$`, "i").exec(text);
  return match?.[1];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
